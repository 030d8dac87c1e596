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
        // Bucket by text and coarse position; a duplicate lies within a fraction of its own size.
        var buckets = new Dictionary<(string, long, long), List<TextGlyph>>();
        foreach (var glyph in glyphs)
        {
            var size = Math.Max(1.0, Math.Max(glyph.Box.Width, glyph.Box.Height));
            var cell = Math.Max(2.0, size);
            var bx = (long)Math.Floor(glyph.CenterX / cell);
            var by = (long)Math.Floor(glyph.CenterY / cell);
            var duplicate = false;
            for (var ix = -1; ix <= 1 && !duplicate; ix++)
            {
                for (var iy = -1; iy <= 1 && !duplicate; iy++)
                {
                    if (!buckets.TryGetValue((glyph.Text, bx + ix, by + iy), out var list)) continue;
                    foreach (var other in list)
                    {
                        if (Math.Abs(other.CenterX - glyph.CenterX) <= 0.3 * size &&
                            Math.Abs(other.CenterY - glyph.CenterY) <= 0.3 * size)
                        {
                            duplicate = true;
                            break;
                        }
                    }
                }
            }
            if (duplicate) continue;
            var key = (glyph.Text, bx, by);
            if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = [];
            bucket.Add(glyph);
            kept.Add(glyph);
        }
        return kept;
    }
}
