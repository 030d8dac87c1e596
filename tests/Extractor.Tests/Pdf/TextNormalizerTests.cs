using Extractor.Pdf;

namespace Extractor.Tests.Pdf;

public sealed class TextNormalizerTests
{
    [Fact]
    public void KangxiRadical_BecomesTheIdeograph()
    {
        Assert.Equal("支", TextNormalizer.Normalize("\u2F40"));
        Assert.Equal("一般公共预算支出", TextNormalizer.Normalize("一般公共预算\u2F40出"));
    }

    [Fact]
    public void RadicalSupplementForm_BecomesTheIdeograph()
    {
        Assert.Equal("门", TextNormalizer.Normalize("\u2ED4"));
        Assert.Equal("部门", TextNormalizer.Normalize("部\u2ED4"));
    }

    [Fact]
    public void CompatibilityIdeograph_BecomesTheUnifiedIdeograph()
    {
        // U+F9B2 is the compatibility form of 零 (U+96F6).
        Assert.Equal("零", TextNormalizer.Normalize("\uF9B2"));
    }

    [Fact]
    public void FullWidthDigitsAndPoint_BecomeAscii()
    {
        Assert.Equal("652.66", TextNormalizer.Normalize("６５２．６６"));
    }

    [Fact]
    public void FullWidthLettersAndSigns_BecomeAscii()
    {
        Assert.Equal("ABC-12%+", TextNormalizer.Normalize("ＡＢＣ－１２％＋"));
    }

    [Fact]
    public void SpacesBetweenCjk_AreRemoved()
    {
        Assert.Equal("收入", TextNormalizer.Normalize("收 入"));
        Assert.Equal("收入合计", TextNormalizer.Normalize("收  入   合 计"));
        Assert.Equal("收入", TextNormalizer.Normalize("收\u3000入"));
    }

    [Fact]
    public void SpacesBesideACjkCharacter_AreRemovedEvenNextToDigits()
    {
        Assert.Equal("合计100", TextNormalizer.Normalize("合计 100"));
        Assert.Equal("2024年预算", TextNormalizer.Normalize("2024 年 预算"));
        Assert.Equal("1 000", TextNormalizer.Normalize("1 000"));
    }

    [Fact]
    public void SpacesBetweenLatinWords_AreKeptAndCollapsed()
    {
        Assert.Equal("Total income", TextNormalizer.Normalize("Total income"));
        Assert.Equal("Total income", TextNormalizer.Normalize("  Total   income "));
    }

    [Fact]
    public void ZeroWidthCharacters_AreDropped()
    {
        Assert.Equal("合计", TextNormalizer.Normalize("合\u200B计\uFEFF"));
    }

    [Fact]
    public void FullWidthPunctuation_IsKeptByNormalize()
    {
        Assert.Equal("因公出国（境）费", TextNormalizer.Normalize("因公出国（境）费"));
        Assert.Equal("“三公”经费", TextNormalizer.Normalize("“三公”经费"));
    }

    [Fact]
    public void EmptyAndNull_GiveEmpty()
    {
        Assert.Equal(string.Empty, TextNormalizer.Normalize(string.Empty));
        Assert.Equal(string.Empty, TextNormalizer.Normalize(null!));
    }

    [Fact]
    public void NormalizeGlyph_MapsButDoesNotTrim()
    {
        Assert.Equal("支", TextNormalizer.NormalizeGlyph("\u2F40"));
        Assert.Equal("5", TextNormalizer.NormalizeGlyph("５"));
        Assert.Equal(" ", TextNormalizer.NormalizeGlyph("\u3000"));
    }

    [Fact]
    public void MatchKey_FoldsFullWidthBracketsAndSpaces()
    {
        Assert.Equal(TextNormalizer.MatchKey("因公出国（境）费"), TextNormalizer.MatchKey("因公出国 (境)费"));
        Assert.Equal("因公出国(境)费", TextNormalizer.MatchKey("因公出国（境）费"));
    }

    [Fact]
    public void MatchKey_UnifiesQuotes()
    {
        Assert.Equal(TextNormalizer.MatchKey("“三公”经费"), TextNormalizer.MatchKey("\"三公\"经费"));
        Assert.Equal(TextNormalizer.MatchKey("‘三公’经费"), TextNormalizer.MatchKey("“三公”经费"));
    }

    [Fact]
    public void MatchKey_UnifiesSquareBrackets()
    {
        Assert.Equal(TextNormalizer.MatchKey("【类】"), TextNormalizer.MatchKey("(类)"));
        Assert.Equal(TextNormalizer.MatchKey("〔款〕"), TextNormalizer.MatchKey("[款]"));
    }

    [Fact]
    public void MatchKey_RemovesAllWhitespace_AndFoldsRadicals()
    {
        Assert.Equal(TextNormalizer.MatchKey("部门 Total income"), TextNormalizer.MatchKey("部\u2ED4Totalincome"));
    }

    [Fact]
    public void MatchKey_KeepsDifferentLabelsDifferent()
    {
        Assert.NotEqual(TextNormalizer.MatchKey("一般公共预算支出"), TextNormalizer.MatchKey("一般公共预算收入"));
    }

    [Theory]
    [InlineData('收', true)]
    [InlineData('（', true)]
    [InlineData('，', true)]
    [InlineData('\u3000', true)]
    [InlineData('５', false)]
    [InlineData('A', false)]
    [InlineData('5', false)]
    public void IsCjk_ClassifiesCharacters(char ch, bool expected)
    {
        Assert.Equal(expected, TextNormalizer.IsCjk(ch));
    }

    [Fact]
    public void NormalizeGlyph_GivesEveryOccurrenceOfACharacterOneSharedString()
    {
        // PdfPig makes a new string per letter; the page model keeps one per character instead.
        var first = TextNormalizer.NormalizeGlyph(new string('合', 1));
        var second = TextNormalizer.NormalizeGlyph(new string('合', 1));
        Assert.Equal("合", first);
        Assert.Same(first, second);
        Assert.Same(TextNormalizer.NormalizeGlyph("５"), TextNormalizer.NormalizeGlyph(new string('5', 1)));
    }
}
