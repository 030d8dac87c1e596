namespace Extractor.Pdf;

/// <summary>
/// Removes overprinted copies of a glyph. Some producers fake bold type by painting the same
/// glyph two or three times a fraction of a point apart; read naively, 合计 becomes 合合计计.
/// </summary>
public static class GlyphDeduplicator
{
    public static IReadOnlyList<TextGlyph> Deduplicate(IReadOnlyList<TextGlyph> glyphs)
    {
        var kept = new List<TextGlyph>(glyphs.Count);
        // Bucket by coarse position; a duplicate has the same text and lies within a fraction of
        // its own size. The buckets are keyed by position alone and the text compared in them
        // (hashing two numbers is much cheaper than hashing the text too); each bucket is a chain
        // through the kept glyphs (head: its first kept glyph's index, next: the following one).
        var heads = new Dictionary<(long, long), int>(glyphs.Count);
        var next = new List<int>(glyphs.Count);
        foreach (var glyph in glyphs)
        {
            var size = Math.Max(1.0, Math.Max(glyph.Box.Width, glyph.Box.Height));
            var cell = Math.Max(2.0, size);
            var bx = (long)Math.Floor(glyph.CenterX / cell);
            var by = (long)Math.Floor(glyph.CenterY / cell);
            if (HasDuplicate(heads, next, kept, glyph, bx, by, size)) continue;
            // Prepend to the bucket's chain: the order within a bucket does not change the answer.
            next.Add(heads.TryGetValue((bx, by), out var head) ? head : -1);
            heads[(bx, by)] = kept.Count;
            kept.Add(glyph);
        }
        return kept;
    }

    private static bool HasDuplicate(Dictionary<(long, long), int> heads, List<int> next, List<TextGlyph> kept, TextGlyph glyph, long bx, long by, double size)
    {
        var x = glyph.CenterX;
        var y = glyph.CenterY;
        var reach = 0.3 * size;
        for (var ix = -1; ix <= 1; ix++)
        {
            for (var iy = -1; iy <= 1; iy++)
            {
                if (!heads.TryGetValue((bx + ix, by + iy), out var index)) continue;
                for (; index >= 0; index = next[index])
                {
                    var other = kept[index];
                    if (Math.Abs(other.CenterX - x) <= reach &&
                        Math.Abs(other.CenterY - y) <= reach &&
                        string.Equals(other.Text, glyph.Text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
