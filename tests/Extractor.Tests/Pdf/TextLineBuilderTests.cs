using Extractor.Pdf;
using static Extractor.Tests.Tables.PageBuilder;

namespace Extractor.Tests.Pdf;

public sealed class TextLineBuilderTests
{
    [Fact]
    public void InterleavedGlyphsOfTwoLines_ComeOutAsTwoLinesTopToBottom()
    {
        var lower = Text("支出合计", 100, 140);
        var upper = Text("收入合计", 100, 120);
        var interleaved = lower.Zip(upper, (a, b) => new[] { a, b }).SelectMany(p => p).Reverse().ToList();

        var lines = TextLineBuilder.Build(interleaved);

        Assert.Equal(2, lines.Count);
        Assert.Equal("收入合计", lines[0].Text);
        Assert.Equal("支出合计", lines[1].Text);
        Assert.Equal(new Box(100, 112, 140, 122), lines[0].Box);
        Assert.Equal(4, lines[1].Glyphs.Count);
    }

    [Fact]
    public void GlyphsSlightlyOffTheBaseline_StayOnOneLine()
    {
        var glyphs = new[] { Glyph("合", 100, 120), Glyph("计", 110, 121.5), Glyph("1", 130, 119) };

        var line = Assert.Single(TextLineBuilder.Build(glyphs));

        Assert.Equal("合计1", line.Text);
    }

    [Fact]
    public void WideGap_SplitsSegments()
    {
        var glyphs = Text("部门：XX", 50, 100).Concat(Text("单位：万元", 400, 100)).ToList();

        var line = Assert.Single(TextLineBuilder.Build(glyphs));

        Assert.Equal(new[] { "部门：XX", "单位：万元" }, line.Segments);
        Assert.Equal("部门：XX 单位：万元", line.Text);
    }

    [Fact]
    public void ModerateGap_BetweenLatinWords_IsASpaceNotASplit()
    {
        var glyphs = Text("Total", 50, 100).Concat(Text("income", 105, 100)).ToList();

        var line = Assert.Single(TextLineBuilder.Build(glyphs));

        Assert.Equal(new[] { "Total income" }, line.Segments);
    }

    [Fact]
    public void ModerateGap_BetweenCjk_Disappears()
    {
        // Justified text: 收 入 with a 6 pt gap (over 0.3 em, under 2 em).
        var glyphs = new[] { Glyph("收", 50, 100), Glyph("入", 66, 100) };

        var line = Assert.Single(TextLineBuilder.Build(glyphs));

        Assert.Equal("收入", line.Text);
        Assert.Single(line.Segments);
    }

    [Fact]
    public void WhitespaceGlyphs_AreIgnored()
    {
        var glyphs = new[] { Glyph("合", 50, 100), Glyph(" ", 60, 100), Glyph("计", 60, 100) };

        var line = Assert.Single(TextLineBuilder.Build(glyphs));

        Assert.Equal("合计", line.Text);
        Assert.Equal(2, line.Glyphs.Count);
    }

    [Fact]
    public void NoGlyphs_NoLines()
    {
        Assert.Empty(TextLineBuilder.Build([]));
        Assert.Equal(string.Empty, TextLineBuilder.JoinCellText([]));
    }

    [Fact]
    public void JoinCellText_JoinsWrappedCodeWithoutSeparator()
    {
        var glyphs = Text("05", 50, 114).Concat(Text("20805", 50, 100)).ToList();

        Assert.Equal("2080505", TextLineBuilder.JoinCellText(glyphs));
    }

    [Fact]
    public void JoinCellText_JoinsWrappedNameWithoutSpace()
    {
        var glyphs = Text("一般公共预算", 50, 100).Concat(Text("财政拨款支出", 50, 114)).ToList();

        Assert.Equal("一般公共预算财政拨款支出", TextLineBuilder.JoinCellText(glyphs));
    }

    [Fact]
    public void JoinCellText_PutsASpaceBetweenWrappedLatinWords()
    {
        var glyphs = Text("Total", 50, 100).Concat(Text("income", 50, 114)).ToList();

        Assert.Equal("Total income", TextLineBuilder.JoinCellText(glyphs));
    }
}
