using System.Runtime.InteropServices;
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
    public static List<TextLine> Build(IEnumerable<TextGlyph> glyphs) => BuildInPlace(new List<TextGlyph>(glyphs));

    /// <summary>
    /// As <see cref="Build"/>, sorting the caller's own list instead of a copy of it: for callers that made the list for
    /// this (a cell's glyphs, a page's glyphs outside its tables); glyphs are values, and copying is the cost here.
    /// </summary>
    internal static List<TextLine> BuildInPlace(List<TextGlyph> ordered)
    {
        ordered.RemoveAll(static g => string.IsNullOrWhiteSpace(g.Text));
        StableSort.Sort(ordered, static g => g.CenterY);
        // First which line each glyph joins, then the lines, each allocated at its final size.
        var lineOf = new int[ordered.Count];
        var stats = new List<LineStats>();
        for (var k = 0; k < ordered.Count; k++)
        {
            var glyph = ordered[k];
            var height = Math.Max(glyph.Box.Height, 1);
            var placed = -1;
            var open = CollectionsMarshal.AsSpan(stats);
            // Glyphs are sorted by centre; only the last few lines can take this one.
            for (var i = open.Length - 1; i >= 0 && i >= open.Length - 3; i--)
            {
                var tolerance = 0.5 * Math.Min(height, open[i].Height);
                if (Math.Abs(glyph.CenterY - open[i].Center) <= tolerance)
                {
                    // The line's centre is the mean of its glyphs' centres: a running sum, added
                    // in the same order as summing the whole line again would (the same value).
                    open[i].Count++;
                    open[i].Sum += glyph.CenterY;
                    open[i].Center = open[i].Sum / open[i].Count;
                    placed = i;
                    break;
                }
            }
            if (placed < 0)
            {
                placed = stats.Count;
                stats.Add(new LineStats { Center = glyph.CenterY, Sum = glyph.CenterY, Height = height, Count = 1 });
            }
            lineOf[k] = placed;
        }
        var lines = new List<TextGlyph>[stats.Count];
        for (var i = 0; i < lines.Length; i++) lines[i] = new List<TextGlyph>(stats[i].Count);
        for (var k = 0; k < ordered.Count; k++) lines[lineOf[k]].Add(ordered[k]);
        var result = new List<TextLine>(lines.Length);
        foreach (var line in lines) result.Add(ToLine(line));
        StableSort.Sort(result, static l => l.Box.Top);
        return result;
    }

    private struct LineStats
    {
        public double Center;
        public double Sum;
        public double Height;
        public int Count;
    }

    private static TextLine ToLine(List<TextGlyph> glyphs)
    {
        // Glyphs usually come left to right already; only then is the sort skipped (with two at one left edge the sort's
        // own order of them is kept, whatever it is).
        var increasing = true;
        for (var i = 1; i < glyphs.Count && increasing; i++) increasing = glyphs[i - 1].Box.Left < glyphs[i].Box.Left;
        if (!increasing) glyphs.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        var segments = new List<string>();
        var current = new StringBuilder();
        var box = glyphs[0].Box;
        for (var i = 0; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            box = box.Union(glyph.Box);
            if (i > 0)
            {
                var previous = glyphs[i - 1];
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
        }
        segments.Add(TextNormalizer.Normalize(current.ToString()));
        segments.RemoveAll(s => s.Length == 0);
        return new TextLine(string.Join(" ", segments), box, segments, glyphs);
    }

    /// <summary>
    /// The text of a cell: its lines joined top to bottom with no separator, except a space
    /// between two Latin letters, so a code or name wrapped over two lines comes out whole.
    /// </summary>
    public static string JoinCellText(IEnumerable<TextGlyph> glyphs) => JoinCellTextInPlace(new List<TextGlyph>(glyphs));

    /// <summary>As <see cref="JoinCellText"/>, ordering the caller's own list of the cell's glyphs (see <see cref="BuildInPlace"/>).</summary>
    internal static string JoinCellTextInPlace(List<TextGlyph> glyphs)
    {
        var lines = BuildInPlace(glyphs);
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
