using System.Globalization;
using System.Text;
using Extractor.Pdf;

namespace Extractor.Output.Html;

/// <summary>Escaping and number formatting for the review pages.</summary>
internal static class HtmlText
{
    /// <summary>Text for element content or a quoted attribute value.</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    // Control characters are not allowed in HTML text (a PDF may carry them).
                    if (char.IsControl(c) && c is not '\n' and not '\t') sb.Append(' ');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A coordinate in page space, one decimal.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An amount as printed.</summary>
    public static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key tying a printed cell's marks together (the SVG rectangle and the table cell): page and box corner.</summary>
    public static string CellKey(int page, Box box) => FormattableString.Invariant($"p{page}-{Math.Round(box.Left, 1):0.#}-{Math.Round(box.Top, 1):0.#}");

    /// <summary>An id usable in a fragment (#check-GK02.rows.sum.total): letters, digits, CJK kept, others as '_'.</summary>
    public static string Anchor(string prefix, string id)
    {
        var sb = new StringBuilder(prefix);
        foreach (var c in id) sb.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.ToString();
    }
}
