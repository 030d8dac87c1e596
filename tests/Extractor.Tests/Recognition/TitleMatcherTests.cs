using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Templates;

namespace Extractor.Tests.Recognition;

public sealed class TitleMatcherTests
{
    private static readonly TitleMatcher Matcher = new(new TemplateCatalog(TemplateCatalog.Default.Templates.Where(t => t.Kind == "final")));

    [Theory]
    [InlineData("2024 年度收入支出决算总表", "GK01")]
    [InlineData("2024年度收入决算表", "GK02")]
    [InlineData("支出决算表", "GK03")]
    [InlineData("2024 年度财政拨款收入支出决算总表", "GK04")]
    [InlineData("一般公共预算财政拨款支出决算表", "GK05")]
    [InlineData("2024 年度一般公共预算财政拨款基本支出决算明细表", "GK06")]
    [InlineData("一般公共预算财政拨款基本支出决算表", "GK06")]
    [InlineData("政府性基金预算财政拨款收入支出决算表", "GK07")]
    [InlineData("国有资本经营预算财政拨款支出决算表", "GK08")]
    [InlineData("国有资本经营预算财政拨款收入支出决算表", "GK08")]
    [InlineData("2024 年度财政拨款“三公”经费支出决算表", "GK09")]
    [InlineData("财政拨款\"三公\"经费支出决算表", "GK09")]
    [InlineData("七、政府性基金预算财政拨款收入支出决算表", "GK07")]
    public void The_longest_template_title_in_the_text_wins(string title, string id)
    {
        Assert.Equal(id, Matcher.MatchTitle(title)?.Id);
    }

    [Theory]
    [InlineData("注：本表反映部门本年度各项支出情况。")]
    [InlineData("2024年度部门预算公开")]
    [InlineData("政府采购预算表")]
    public void Text_without_a_template_title_matches_nothing(string text)
    {
        Assert.Null(Matcher.MatchTitle(text));
    }

    [Theory]
    [InlineData("公开 01 表", "公开01表")]
    [InlineData("公开表一", "公开表一")]
    [InlineData("表1", "表1")]
    [InlineData("部门公开表1", "部门公开表1")]
    [InlineData("预算01表", "预算01表")]
    public void Reads_the_printed_label(string line, string label)
    {
        var caption = Matcher.Read([Line(line), Line("2024年度收入决算表")]);
        Assert.Equal(label, caption.Label);
        Assert.Equal("GK02", caption.Template?.Id);
    }

    [Theory]
    [InlineData("单位：万元", "万元")]
    [InlineData("金额单位：元", "元")]
    [InlineData("部门：某某局 单位: 万元", "万元")]
    public void Reads_the_unit(string line, string unit)
    {
        Assert.Equal(unit, Matcher.Read([Line(line)]).Unit);
    }

    [Fact]
    public void A_note_under_the_previous_table_is_not_a_title()
    {
        var caption = Matcher.Read([Line("注：本表反映部门本年度支出决算表的情况。")]);
        Assert.Null(caption.Template);
        Assert.Equal(string.Empty, caption.Title);
    }

    [Fact]
    public void A_title_without_the_character_the_others_share_is_still_found()
    {
        // Lines without a character every title has are turned away early; a template whose title lacks 表 must
        // not be lost to that shortcut, and one that has it is still found.
        TableTemplate Of(string id, string title) => new() { Id = id, Name = id, Titles = [title], Columns = [] };
        var matcher = new TitleMatcher(new TemplateCatalog([Of("A", "收入支出决算总表"), Of("B", "三公经费情况")]));

        Assert.Equal("B", matcher.MatchTitle("2024年三公经费情况说明")?.Id);
        Assert.Equal("A", matcher.MatchTitle("公开01表 收入支出决算总表")?.Id);
        Assert.Null(matcher.MatchTitle("收入支出决算总"));
        Assert.Null(Matcher.MatchTitle("本部门2024年收入支出决算总计652.65万元"));
    }

    internal static TextLine Line(string text, double top = 0) =>
        new(text, new Box(0, top, 100, top + 10), [text], []);
}
