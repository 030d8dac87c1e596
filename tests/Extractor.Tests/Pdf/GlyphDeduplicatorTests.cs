using Extractor.Pdf;
using static Extractor.Tests.Tables.PageBuilder;

namespace Extractor.Tests.Pdf;

public sealed class GlyphDeduplicatorTests
{
    [Fact]
    public void ThreeOverprintedCopies_BecomeOne()
    {
        var glyphs = new[] { Glyph("合", 100, 120), Glyph("合", 100.2, 120), Glyph("合", 100.4, 120.2) };

        var kept = GlyphDeduplicator.Deduplicate(glyphs);

        Assert.Equal(glyphs[0], Assert.Single(kept));
    }

    [Fact]
    public void OverprintedCopies_AcrossABucketBoundary_BecomeOne()
    {
        // Centres at 109.9 and 110.1 fall into different 10 pt buckets.
        var glyphs = new[] { Glyph("合", 104.9, 120), Glyph("合", 105.1, 120) };

        Assert.Single(GlyphDeduplicator.Deduplicate(glyphs));
    }

    [Theory]
    [InlineData(105.1, 113.1, 104.9, 112.9)] // the copy up and to the left: centres 110.1 → 109.9 on both axes
    [InlineData(104.9, 112.9, 105.1, 113.1)] // down and to the right
    [InlineData(104.9, 113.1, 105.1, 112.9)] // up and to the right
    public void OverprintedCopies_AcrossABucketCorner_BecomeOne(double x1, double baseline1, double x2, double baseline2)
    {
        // Each copy's centre falls into the diagonal neighbour of the other's 10 pt bucket.
        var glyphs = new[] { Glyph("合", x1, baseline1), Glyph("合", x2, baseline2) };

        Assert.Equal(glyphs[0], Assert.Single(GlyphDeduplicator.Deduplicate(glyphs)));
    }

    [Fact]
    public void FakeBoldWord_ReadsOnce()
    {
        var glyphs = Text("合计", 100, 120).Concat(Text("合计", 100.3, 120.1)).Concat(Text("合计", 100.15, 119.9)).ToList();

        var kept = GlyphDeduplicator.Deduplicate(glyphs);

        Assert.Equal(new[] { "合", "计" }, kept.Select(g => g.Text));
    }

    [Fact]
    public void DifferentCharactersAtTheSamePlace_BothStay()
    {
        var glyphs = new[] { Glyph("合", 100, 120), Glyph("计", 100, 120) };

        var kept = GlyphDeduplicator.Deduplicate(glyphs);

        Assert.Equal(2, kept.Count);
    }

    [Fact]
    public void SameCharacterTenPointsApart_BothStay()
    {
        var glyphs = Text("一一", 100, 120);

        var kept = GlyphDeduplicator.Deduplicate(glyphs);

        Assert.Equal(2, kept.Count);
    }

    [Fact]
    public void RepeatedHalfWidthDigit_BothStay()
    {
        // "00" in a 10 pt font: each digit is 5 pt wide, so the copies are half an em apart.
        TextGlyph Digit(double left) => new("0", new Box(left, 112, left + 5, 122), 120, 10);
        var glyphs = new[] { Digit(100), Digit(105) };

        Assert.Equal(2, GlyphDeduplicator.Deduplicate(glyphs).Count);
    }

    [Fact]
    public void SameCharacterOnTheNextLine_BothStay()
    {
        var glyphs = new[] { Glyph("0", 100, 120), Glyph("0", 100, 132) };

        Assert.Equal(2, GlyphDeduplicator.Deduplicate(glyphs).Count);
    }

    [Fact]
    public void OrderOfTheKeptGlyphs_IsTheInputOrder()
    {
        var glyphs = new[] { Glyph("支", 120, 120), Glyph("出", 130, 120), Glyph("支", 120.2, 120), Glyph("总", 100, 120) };

        var kept = GlyphDeduplicator.Deduplicate(glyphs);

        Assert.Equal(new[] { "支", "出", "总" }, kept.Select(g => g.Text));
    }

    [Fact]
    public void EmptyInput_GivesEmpty()
    {
        Assert.Empty(GlyphDeduplicator.Deduplicate([]));
    }
}
