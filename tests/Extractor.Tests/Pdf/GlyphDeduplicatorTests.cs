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

    /// <summary>A word in a proportional Latin font at 10 pt: each letter as wide as its advance (Helvetica's widths).</summary>
    private static List<TextGlyph> Latin(string word, double x, double baseline)
    {
        var widths = new Dictionary<char, double> { ['h'] = 5.56, ['t'] = 2.78, ['p'] = 5.56, ['c'] = 5.0, ['o'] = 5.56, ['f'] = 2.78, ['e'] = 5.56, ['l'] = 2.22, ['i'] = 2.22, ['s'] = 5.0, ['m'] = 8.33 };
        var glyphs = new List<TextGlyph>();
        foreach (var ch in word)
        {
            glyphs.Add(new TextGlyph(ch.ToString(), new Box(x, baseline - 8, x + widths[ch], baseline + 2), baseline, 10));
            x += widths[ch];
        }
        return glyphs;
    }

    [Theory]
    [InlineData("http")]
    [InlineData("coffee")]
    [InlineData("committee")]
    [InlineData("still")]
    public void EqualNarrowLettersSideBySide_AllStay(string word)
    {
        // 'tt', 'ff' and 'll' stand one advance (2.2-2.8 pt) apart: less than a third of the em, but a whole letter.
        var glyphs = Latin(word, 100, 120);

        Assert.Equal(word, string.Concat(GlyphDeduplicator.Deduplicate(glyphs, glyphs.Select(_ => (string?)"Helvetica").ToList()).Select(g => g.Text)));
    }

    [Fact]
    public void FakeBoldNarrowLetters_ReadOnce()
    {
        // 'http' painted twice 0.3 pt apart: the copies are a tenth of a 't' off, the neighbours a whole 't'.
        var glyphs = Latin("http", 100, 120).Concat(Latin("http", 100.3, 120)).ToList();

        Assert.Equal("http", string.Concat(GlyphDeduplicator.Deduplicate(glyphs).Select(g => g.Text)));
    }

    [Fact]
    public void SameCharacterInAnotherFont_Stays()
    {
        var glyphs = new[] { Glyph("合", 100, 120), Glyph("合", 100.2, 120) };

        Assert.Equal(2, GlyphDeduplicator.Deduplicate(glyphs, ["SimSun", "SimHei"]).Count);
        Assert.Single(GlyphDeduplicator.Deduplicate(glyphs, ["SimSun", "SimSun"]));
    }

    [Fact]
    public void SameCharacterAtAnotherSize_Stays()
    {
        var glyphs = new[] { Glyph("合", 100, 120, 10), Glyph("合", 100, 120, 12) };

        Assert.Equal(2, GlyphDeduplicator.Deduplicate(glyphs).Count);
    }

    [Fact]
    public void EmptyInput_GivesEmpty()
    {
        Assert.Empty(GlyphDeduplicator.Deduplicate([]));
    }
}
