using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Tables;

namespace Extractor.Tests.Recognition;

public sealed class TableRecognizerTests
{
    private static PageLayout Page(int number, CellGrid? grid, params string[] linesAbove)
    {
        var lines = linesAbove.Select((t, i) => TitleMatcherTests.Line(t, i * 12 - 100)).ToList();
        var grids = grid is null ? Array.Empty<CellGrid>() : [grid];
        return new PageLayout(new PageModel(number, 595, 842, [], []), grids, lines);
    }

    private static readonly string[] Header1 = ["项目", "<", "本年支出合计", "基本支出", "项目支出"];
    private static readonly string[] Header2 = ["功能分类科目编码", "科目名称", "^", "^", "^"];

    [Fact]
    public void A_table_continued_on_the_next_page_with_a_repeated_header_is_one_table()
    {
        var first = GridBuilder.Build(1, Header1, Header2, ["201", "一般公共服务支出", "3.00", "2.00", "1.00"]);
        var second = GridBuilder.Build(2, Header1, Header2, ["208", "社会保障和就业支出", "5.00", "5.00", ""]);
        var tables = TableRecognizer.Default.Recognize([Page(1, first, "2024年度支出决算表", "公开03表"), Page(2, second)], "final");

        var table = Assert.Single(tables);
        Assert.Equal("GK03", table.Id);
        Assert.Equal([1, 2], table.Pages);
        Assert.Equal(2, table.Parts[1].BodyStart);
    }

    [Fact]
    public void A_continuation_without_a_repeated_header_keeps_all_its_rows()
    {
        var first = GridBuilder.Build(1, Header1, Header2, ["201", "一般公共服务支出", "3.00", "2.00", "1.00"]);
        var second = GridBuilder.Build(2, ["208", "社会保障和就业支出", "5.00", "5.00", ""]);
        var tables = TableRecognizer.Default.Recognize([Page(1, first, "支出决算表"), Page(2, second)], "final");
        var table = Assert.Single(tables);
        Assert.Equal(0, table.Parts[1].BodyStart);
    }

    [Fact]
    public void A_grid_with_another_shape_on_the_next_page_is_a_table_of_its_own()
    {
        var first = GridBuilder.Build(1, Header1, Header2, ["201", "一般公共服务支出", "3.00", "2.00", "1.00"]);
        var other = GridBuilder.Build(2, ["序号", "项目名称", "金额"], ["1", "某项目", "2.00"]);
        var tables = TableRecognizer.Default.Recognize([Page(1, first, "支出决算表"), Page(2, other)], "final");
        Assert.Equal(["GK03", "T2-1"], tables.Select(t => t.Id));
        Assert.Null(tables[1].Template);
    }

    [Fact]
    public void A_near_empty_spill_over_page_between_two_parts_does_not_break_the_table()
    {
        var first = GridBuilder.Build(1, Header1, Header2, ["201", "一般公共服务支出", "3.00", "2.00", "1.00"]);
        var third = GridBuilder.Build(3, ["208", "社会保障和就业支出", "5.00", "5.00", ""]);
        var tables = TableRecognizer.Default.Recognize([Page(1, first, "支出决算表"), Page(2, null), Page(3, third)], "final");
        Assert.Equal([1, 3], Assert.Single(tables).Pages);
    }

    [Fact]
    public void Without_a_title_the_header_keywords_name_the_table()
    {
        var grid = GridBuilder.Build(
            ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "<", "<", "公务接待费"],
            ["^", "^", "小计", "公务用车购置费", "公务用车运行费", "^"],
            ["1.00", "", "1.00", "", "1.00", ""]);
        var table = Assert.Single(TableRecognizer.Default.Recognize([Page(1, grid)], "final"));
        Assert.Equal(("GK09", "header"), (table.Id, table.RecognizedBy));
    }

    [Fact]
    public void A_budget_document_gets_no_final_account_template()
    {
        var grid = GridBuilder.Build(Header1, Header2, ["201", "一般公共服务支出", "3.00", "2.00", "1.00"]);
        var table = Assert.Single(TableRecognizer.Default.Recognize([Page(1, grid, "支出决算表")], "budget"));
        Assert.Equal("T1-1", table.Id);
    }

    [Fact]
    public void The_same_template_twice_keeps_the_one_with_more_amounts()
    {
        var summary = GridBuilder.Build(1, Header1, Header2, ["201", "一般公共服务支出", "3.00", "", ""]);
        var full = GridBuilder.Build(3, Header1, Header2, ["201", "一般公共服务支出", "3.00", "2.00", "1.00"]);
        var tables = TableRecognizer.Default.Recognize([Page(1, summary, "支出决算表"), Page(3, full, "支出决算表")], "final");
        Assert.Equal(["T1-1", "GK03"], tables.Select(t => t.Id));
        Assert.Equal([3], tables[1].Pages);
    }
}
