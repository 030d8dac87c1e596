using System.Text;

namespace Extractor.Pdf;

/// <summary>
/// A line of text: glyphs sharing a baseline, left to right. <see cref="Segments"/> splits it where
/// the gap is wide enough to separate fields ("部门：XX" and "单位：万元" on one line).
/// </summary>
public sealed record TextLine(string Text, Box Box, IReadOnlyList<string> Segments, IReadOnlyList<TextGlyph> Glyphs);

public static class TextLineBuilder
{
    /// <summary>Groups glyphs into lines, top to bottom.</summary>
    public static List<TextLine> Build(IEnumerable<TextGlyph> glyphs)
    {
        var ordered = new List<TextGlyph>(glyphs is IReadOnlyCollection<TextGlyph> known ? known.Count : 16);
        foreach (var glyph in glyphs)
        {
            if (!string.IsNullOrWhiteSpace(glyph.Text)) ordered.Add(glyph);
        }
        SortStable(ordered, static g => g.CenterY);
        var lines = new List<List<TextGlyph>>();
        var lineCenters = new List<double>();
        var lineSums = new List<double>();
        var lineHeights = new List<double>();
        foreach (var glyph in ordered)
        {
            var height = Math.Max(glyph.Box.Height, 1);
            var placed = false;
            // Glyphs are sorted by centre; only the last few lines can take this one.
            for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 3; i--)
            {
                var tolerance = 0.5 * Math.Min(height, lineHeights[i]);
                if (Math.Abs(glyph.CenterY - lineCenters[i]) <= tolerance)
                {
                    lines[i].Add(glyph);
                    // The line's centre is the mean of its glyphs' centres: a running sum, added
                    // in the same order as summing the whole line again would (the same value).
                    lineSums[i] += glyph.CenterY;
                    lineCenters[i] = lineSums[i] / lines[i].Count;
                    placed = true;
                    break;
                }
            }
            if (!placed)
            {
                lines.Add([glyph]);
                lineCenters.Add(glyph.CenterY);
                lineSums.Add(glyph.CenterY);
                lineHeights.Add(height);
            }
        }
        var result = new List<TextLine>(lines.Count);
        foreach (var line in lines) result.Add(ToLine(line));
        SortStable(result, static l => l.Box.Top);
        return result;
    }

    /// <summary>
    /// Sorts by key keeping equal keys in their order, as <c>OrderBy</c> does, without its copies: this runs for every
    /// cell of every table, and the items usually arrive in order already, which costs one pass to see.
    /// </summary>
    private static void SortStable<T>(List<T> items, Func<T, double> key)
    {
        var sorted = true;
        for (var i = 1; i < items.Count && sorted; i++) sorted = key(items[i - 1]) <= key(items[i]);
        if (sorted) return;
        var order = new (double Key, int Index)[items.Count];
        for (var i = 0; i < order.Length; i++) order[i] = (key(items[i]), i);
        // Ties broken by the original position: the order is total, so the unstable sort gives the stable result.
        Array.Sort(order, static (a, b) =>
        {
            var byKey = a.Key.CompareTo(b.Key);
            return byKey != 0 ? byKey : a.Index.CompareTo(b.Index);
        });
        var copy = items.ToArray();
        for (var i = 0; i < order.Length; i++) items[i] = copy[order[i].Index];
    }

    private static TextLine ToLine(List<TextGlyph> glyphs)
    {
        glyphs.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        var segments = new List<string>();
        var current = new StringBuilder();
        var box = glyphs[0].Box;
        TextGlyph? previous = null;
        foreach (var glyph in glyphs)
        {
            box = box.Union(glyph.Box);
            if (previous is not null)
            {
                var gap = glyph.Box.Left - previous.Box.Right;
                var size = Math.Max(previous.FontSize, glyph.FontSize);
                if (size <= 0) size = Math.Max(previous.Box.Height, glyph.Box.Height);
                if (gap > 2.0 * size)
                {
                    segments.Add(TextNormalizer.Normalize(current.ToString()));
                    current.Clear();
                }
                else if (gap > 0.3 * size)
                {
                    current.Append(' ');
                }
            }
            current.Append(glyph.Text);
            previous = glyph;
        }
        segments.Add(TextNormalizer.Normalize(current.ToString()));
        segments.RemoveAll(s => s.Length == 0);
        return new TextLine(string.Join(" ", segments), box, segments, glyphs);
    }

    /// <summary>
    /// The text of a cell: its lines joined top to bottom with no separator, except a space
    /// between two Latin letters, so a code or name wrapped over two lines comes out whole.
    /// </summary>
    public static string JoinCellText(IEnumerable<TextGlyph> glyphs)
    {
        var lines = Build(glyphs);
        if (lines.Count == 0) return string.Empty;
        var sb = new StringBuilder(lines[0].Text);
        for (var i = 1; i < lines.Count; i++)
        {
            var next = lines[i].Text;
            if (next.Length == 0) continue;
            if (sb.Length > 0 && char.IsAsciiLetter(sb[^1]) && char.IsAsciiLetter(next[0])) sb.Append(' ');
            sb.Append(next);
        }
        return TextNormalizer.Normalize(sb.ToString());
    }
}
