using System.Text;
using System.Text.RegularExpressions;
using Extractor.Checks;
using Extractor.Pdf;

namespace Extractor.Output.Review;

/// <summary>A piece of a narrative sentence on one printed line: its page and box in page space.</summary>
public readonly record struct TextSpan(int Page, Box Box);

/// <summary>
/// Finds where a sentence the checks quote is printed: the narrative is the page text outside the tables joined line by
/// line (see <see cref="NarrativeText"/>), so the quote is searched in that text with whitespace ignored, and each line it
/// runs over gives one box, from the glyph of its first character to the glyph of its last.
/// </summary>
public sealed partial class QuoteLocator
{
    private readonly List<(int Page, TextLine Line)> _lines = [];
    private readonly StringBuilder _text = new();
    // For every character of _text: the index in _lines, and its index among the line's non-space characters.
    private readonly List<(int Line, int Index)> _positions = [];

    public QuoteLocator(IReadOnlyList<PageText> pages)
    {
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                var text = line.Text.Trim();
                if (text.Length == 0 || PageNumber().IsMatch(text)) continue;
                var index = 0;
                _lines.Add((page.Page, line));
                foreach (var ch in text)
                {
                    if (char.IsWhiteSpace(ch)) continue;
                    _text.Append(ch);
                    _positions.Add((_lines.Count - 1, index++));
                }
            }
        }
    }

    /// <summary>
    /// The boxes of <paramref name="quote"/>, one per line it covers; empty when it is not found. Where it is printed more
    /// than once, the occurrence starting on one of <paramref name="pages"/> (the check's pages) is taken.
    /// </summary>
    public IReadOnlyList<TextSpan> Locate(string quote, IReadOnlyCollection<int>? pages = null)
    {
        var needle = string.Concat(quote.Where(c => !char.IsWhiteSpace(c)));
        if (needle.Length == 0) return [];
        var haystack = _text.ToString();
        var start = -1;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            if (start < 0) start = at;
            if (pages is null || pages.Contains(_lines[_positions[at].Line].Page))
            {
                start = at;
                break;
            }
        }
        if (start < 0) return [];

        var spans = new List<TextSpan>();
        var end = start + needle.Length - 1;
        var i = start;
        while (i <= end)
        {
            var line = _positions[i].Line;
            var first = _positions[i].Index;
            var last = first;
            while (i <= end && _positions[i].Line == line)
            {
                last = _positions[i].Index;
                i++;
            }
            var (page, textLine) = _lines[line];
            spans.Add(new TextSpan(page, BoxOf(textLine, first, last)));
        }
        return spans;
    }

    /// <summary>The box of a line's non-space characters <paramref name="first"/>..<paramref name="last"/>.</summary>
    private static Box BoxOf(TextLine line, int first, int last)
    {
        var glyphs = line.Glyphs;
        if (glyphs.Count == 0) return line.Box;
        // Characters map to glyphs one to one when normalisation kept their number; otherwise in proportion.
        var lineChars = line.Text.Count(c => !char.IsWhiteSpace(c));
        var exact = lineChars == CountChars(glyphs);
        int GlyphAt(int charIndex)
        {
            if (exact)
            {
                var seen = 0;
                for (var g = 0; g < glyphs.Count; g++)
                {
                    seen += CharsOf(glyphs[g]);
                    if (charIndex < seen) return g;
                }
                return glyphs.Count - 1;
            }
            return lineChars == 0 ? 0 : Math.Clamp((int)((long)charIndex * glyphs.Count / lineChars), 0, glyphs.Count - 1);
        }
        var a = GlyphAt(first);
        var b = GlyphAt(last);
        var box = glyphs[Math.Min(a, b)].Box;
        for (var g = Math.Min(a, b) + 1; g <= Math.Max(a, b); g++) box = box.Union(glyphs[g].Box);
        return box;
    }

    private static int CharsOf(TextGlyph glyph) => Math.Max(1, glyph.Text.Count(c => !char.IsWhiteSpace(c)));

    private static int CountChars(IReadOnlyList<TextGlyph> glyphs) => glyphs.Sum(CharsOf);

    /// <summary>A page number printed alone on a line (the narrative reader drops these too).</summary>
    [GeneratedRegex(@"^([-—－–]\s*)?(第\s*)?\d{1,3}(\s*页)?(\s*[-—－–])?$|^\d{1,3}\s*/\s*\d{1,3}$")]
    private static partial Regex PageNumber();
}
