using System.Globalization;
using System.Text.RegularExpressions;

namespace Extractor.Rows;

/// <summary>
/// Reads a printed amount exactly: thousands separators removed, the printed scale kept
/// (72.00 stays 72.00), negatives as -12.30 or (12.30). A dash alone means nothing was printed.
/// </summary>
public static partial class AmountParser
{
    public enum Outcome { Blank, Value, Unreadable }

    public static Outcome TryParse(string printed, out decimal value) => TryParse(printed, out value, out var percent) is var outcome && percent ? Outcome.Unreadable : outcome;

    /// <summary>As <see cref="TryParse(string, out decimal)"/>, also reading a share printed with % (-60.86%).</summary>
    public static Outcome TryParse(string printed, out decimal value, out bool percent)
    {
        value = 0;
        var text = printed.Replace(" ", "").Replace("，", ",").Replace("．", ".");
        percent = text.EndsWith('%');
        if (percent) text = text[..^1];
        if (text.Length == 0 || text is "-" or "--" or "—" or "——" or "－" or "/" or "…") return Outcome.Blank;
        var negative = false;
        if ((text.StartsWith('(') && text.EndsWith(')')) || (text.StartsWith('（') && text.EndsWith('）')))
        {
            negative = true;
            text = text[1..^1];
        }
        if (!Number().IsMatch(text)) return Outcome.Unreadable;
        if (text.StartsWith('-'))
        {
            negative = !negative;
            text = text[1..];
        }
        text = text.Replace(",", "");
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return Outcome.Unreadable;
        if (negative) value = -value;
        return Outcome.Value;
    }

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^-?\.\d+$")]
    private static partial Regex Number();
}
