using System.Runtime.InteropServices;

namespace Extractor.Pdf;

/// <summary>
/// Removes overprinted copies of a glyph. Some producers fake bold type by painting the same
/// glyph two or three times a fraction of a point apart; read naively, 合计 becomes 合合计计.
/// </summary>
public static class GlyphDeduplicator
{
    public static IReadOnlyList<TextGlyph> Deduplicate(IReadOnlyList<TextGlyph> glyphs)
    {
        var copy = new List<TextGlyph>(glyphs);
        DeduplicateInPlace(copy);
        return copy;
    }

    /// <summary>
    /// As <see cref="Deduplicate"/>, in the caller's own list: the glyphs kept move to its front, in order, and the rest
    /// is cut off. The page reader hands over the list it has just built, which saves a copy of every page's glyphs.
    /// </summary>
    internal static void DeduplicateInPlace(List<TextGlyph> glyphs)
    {
        // The kept glyphs are glyphs[0 .. kept.Count): a view that grows as glyphs are kept, never past the one read.
        var kept = new KeptGlyphs(glyphs);
        // Bucket by coarse position; a duplicate has the same text and lies within a fraction of
        // its own size. The buckets are keyed by position alone and the text compared in them
        // (hashing two numbers is much cheaper than hashing the text too); each bucket is a chain
        // through the kept glyphs (head: its first kept glyph's index, next: the following one).
        var (heads, next) = Buckets(glyphs.Count);
        for (var i = 0; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            var size = Math.Max(1.0, Math.Max(glyph.Box.Width, glyph.Box.Height));
            var cell = Math.Max(2.0, size);
            var fx = glyph.CenterX / cell;
            var fy = glyph.CenterY / cell;
            var bx = (long)Math.Floor(fx);
            var by = (long)Math.Floor(fy);
            // A copy lies within 0.3 of a cell of the glyph, so in its bucket or the neighbour on the nearer side:
            // four buckets to search, not nine.
            var nx = fx - bx < 0.5 ? bx - 1 : bx + 1;
            var ny = fy - by < 0.5 ? by - 1 : by + 1;
            if (InBucket(heads, next, kept, glyph, Key(bx, by), size) || InBucket(heads, next, kept, glyph, Key(nx, by), size) ||
                InBucket(heads, next, kept, glyph, Key(bx, ny), size) || InBucket(heads, next, kept, glyph, Key(nx, ny), size))
            {
                continue;
            }
            // Prepend to the bucket's chain: the order within a bucket does not change the answer.
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(heads, Key(bx, by), out var exists);
            next.Add(exists ? head : -1);
            head = kept.Count;
            kept.Add(glyph);
        }
        glyphs.RemoveRange(kept.Count, glyphs.Count - kept.Count);
    }

    /// <summary>The front of a list that holds the glyphs kept so far; adding one overwrites the slot already read.</summary>
    private sealed class KeptGlyphs(List<TextGlyph> list)
    {
        public int Count { get; private set; }

        public TextGlyph this[int index] => list[index];

        public void Add(TextGlyph glyph) => list[Count++] = glyph;
    }

    // A page's buckets are thrown away once its glyphs are sorted out: each thread keeps one set and clears it, rather
    // than allocating a table the size of the page for every page.
    [ThreadStatic] private static Dictionary<long, int>? _heads;
    [ThreadStatic] private static List<int>? _next;

    private static (Dictionary<long, int> Heads, List<int> Next) Buckets(int glyphs)
    {
        // A table grown by an exceptional page (tens of thousands of glyphs) is not kept.
        if (_heads is null || _next is null || _next.Capacity > 1 << 16)
        {
            _heads = new Dictionary<long, int>(glyphs);
            _next = new List<int>(glyphs);
        }
        else
        {
            _heads.Clear();
            _next.Clear();
        }
        return (_heads, _next);
    }

    /// <summary>
    /// One number for a bucket: a page's bucket indices are far inside ±2^31, so the two halves never collide, and a
    /// long hashes much faster than a pair.
    /// </summary>
    private static long Key(long bx, long by) => (bx << 32) ^ (by & 0xFFFFFFFFL);

    private static bool InBucket(Dictionary<long, int> heads, List<int> next, KeptGlyphs kept, TextGlyph glyph, long key, double size)
    {
        if (!heads.TryGetValue(key, out var index)) return false;
        var x = glyph.CenterX;
        var y = glyph.CenterY;
        var reach = 0.3 * size;
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
        return false;
    }
}
