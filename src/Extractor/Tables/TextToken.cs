using Extractor.Pdf;

namespace Extractor.Tables;

/// <summary>What a run of text in a rule-less table looks like: it decides how the run aligns.</summary>
public enum TokenKind
{
    /// <summary>Text (names, header labels): left-aligned.</summary>
    Text,
    /// <summary>An amount: right-aligned.</summary>
    Amount,
    /// <summary>A classification code (3 to 7 digits): left-aligned in its own column.</summary>
    Code,
    /// <summary>A small integer (行次, 栏次 column numbers): centred.</summary>
    Number,
}

/// <summary>A run of glyphs on one line with no wide gap inside: the unit a stream table is built from.</summary>
public sealed record TextToken(string Text, Box Box, TokenKind Kind, IReadOnlyList<TextGlyph> Glyphs)
{
    public double Left => Box.Left;
    public double Right => Box.Right;
    public double Center => Box.CenterX;

    public static TokenKind Classify(string text)
    {
        var t = text.Replace(" ", "");
        if (t.Length == 0) return TokenKind.Text;
        var digits = t.All(char.IsAsciiDigit);
        if (digits && t.Length <= 2) return TokenKind.Number;
        if (digits && t.Length <= 7 && t.Length >= 3 && (t[0] is '2' or '3' or '5')) return TokenKind.Code;
        if (Rows.AmountParser.TryParse(t, out _) == Rows.AmountParser.Outcome.Value) return TokenKind.Amount;
        return TokenKind.Text;
    }
}
