using System.Runtime.InteropServices;

namespace Extractor.Pdf;

/// <summary>
/// Removes overprinted copies of a glyph. Some producers fake bold type by painting the same
/// glyph two or three times a fraction of a point apart; read naively, 合计 becomes 合合计计.
/// A copy is recognised by the evidence of overprint only: the same character in the same font
/// at the same size, its position off by less than <see cref="Reach"/> of the glyph's own width.
/// Two equal letters side by side (the <c>tt</c> of http, the <c>ff</c> of coffee) stand a whole
/// advance apart, however narrow the letter, and both stay.
/// </summary>
public static class GlyphDeduplicator
{
    /// <summary>
    /// How far a copy may lie from the glyph, as a share of the glyph's width (its advance). Fake bold is drawn a few
    /// hundredths of an em off; neighbours are a whole advance apart (a little less under tight letter spacing).
    /// </summary>
    public const double Reach = 0.3;

    /// <summary>Font sizes that differ by less than this share are the same size.</summary>
    private const double SizeTolerance = 0.02;

    /// <param name="glyphs">The glyphs of one page, in drawing order.</param>
    /// <param name="fonts">Each glyph's font (its name as the PDF gives it), or null when unknown: then all glyphs count as one font.</param>
    public static IReadOnlyList<TextGlyph> Deduplicate(IReadOnlyList<TextGlyph> glyphs, IReadOnlyList<string?>? fonts = null)
    {
        var copy = new List<TextGlyph>(glyphs);
        DeduplicateInPlace(copy, fonts);
        return copy;
    }

    /// <summary>
    /// As <see cref="Deduplicate"/>, in the caller's own list: the glyphs kept move to its front, in order, and the rest
    /// is cut off. The page reader hands over the list it has just built, which saves a copy of every page's glyphs.
    /// <paramref name="fonts"/>, when given, is read in the list's original order and left as it is.
    /// </summary>
    internal static void DeduplicateInPlace(List<TextGlyph> glyphs, IReadOnlyList<string?>? fonts = null)
    {
        if (fonts is not null && fonts.Count != glyphs.Count) throw new ArgumentException("one font per glyph", nameof(fonts));
        // The kept glyphs are glyphs[0 .. kept.Count): a view that grows as glyphs are kept, never past the one read.
        // keptFonts[k] is the font of kept glyph k (the fonts list itself is not reordered).
        var kept = new KeptGlyphs(glyphs);
        var keptFonts = fonts is null ? null : new List<string?>(Math.Min(glyphs.Count, 1 << 12));
        // Bucket by coarse position; a duplicate has the same text and lies within a fraction of
        // its own width. The buckets are keyed by position alone and the rest compared in them
        // (hashing two numbers is much cheaper than hashing the text too); each bucket is a chain
        // through the kept glyphs (head: its first kept glyph's index, next: the following one).
        var (heads, next) = Buckets(glyphs.Count);
        for (var i = 0; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            var font = fonts?[i];
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
            var probe = new Probe(glyph, font, Reach * Width(glyph));
            if (InBucket(heads, next, kept, keptFonts, probe, Key(bx, by)) || InBucket(heads, next, kept, keptFonts, probe, Key(nx, by)) ||
                InBucket(heads, next, kept, keptFonts, probe, Key(bx, ny)) || InBucket(heads, next, kept, keptFonts, probe, Key(nx, ny)))
            {
                continue;
            }
            // Prepend to the bucket's chain: the order within a bucket does not change the answer.
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(heads, Key(bx, by), out var exists);
            next.Add(exists ? head : -1);
            head = kept.Count;
            kept.Add(glyph);
            keptFonts?.Add(font);
        }
        glyphs.RemoveRange(kept.Count, glyphs.Count - kept.Count);
    }

    /// <summary>
    /// The glyph's width along its line: the em box is one em across the line and one advance along it, so the smaller
    /// side is the advance for every glyph up to an em wide (all but a few symbols, for which an em is reach enough).
    /// </summary>
    private static double Width(TextGlyph glyph) => Math.Min(glyph.Box.Width, glyph.Box.Height);

    /// <summary>The glyph looked for, its font and how far a copy of it may lie.</summary>
    private readonly record struct Probe(TextGlyph Glyph, string? Font, double Reach);

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

    private static bool InBucket(Dictionary<long, int> heads, List<int> next, KeptGlyphs kept, List<string?>? keptFonts, Probe probe, long key)
    {
        if (!heads.TryGetValue(key, out var index)) return false;
        var glyph = probe.Glyph;
        var x = glyph.CenterX;
        var y = glyph.CenterY;
        for (; index >= 0; index = next[index])
        {
            var other = kept[index];
            if (Math.Abs(other.CenterX - x) < probe.Reach &&
                Math.Abs(other.CenterY - y) < probe.Reach &&
                Math.Abs(other.FontSize - glyph.FontSize) <= SizeTolerance * Math.Max(other.FontSize, glyph.FontSize) &&
                string.Equals(other.Text, glyph.Text, StringComparison.Ordinal) &&
                (keptFonts is null || string.Equals(keptFonts[index], probe.Font, StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }
}
