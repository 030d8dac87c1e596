using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Tables;

namespace Extractor.Tests.Recognition;

/// <summary>Where a table's title may stand: at the foot of the page before, or in a table of contents (where it is not the title).</summary>
public sealed class CaptionPlacementTests
{
    private static TextLine Line(string text, double top) => new(text, new Box(0, top, 300, top + 10), [text], []);

    private static readonly string[] SummaryHeader = ["收入", "<", "支出", "<"];
    private static readonly string[] SummaryColumns = ["项目名称", "金额", "项目名称", "金额"];

    [Fact]
    public void A_title_at_the_foot_of_the_page_names_the_table_that_starts_the_next_page()
    {
        var previous = GridBuilder.Build(1, ["合计", "基本支出", "项目支出"], ["33,172.15", "18,570.82", "11,343.27"]);
        var table = GridBuilder.Build(2, SummaryHeader, SummaryColumns, ["一、一般公共预算", "33,172.15", "一、基本支出", "18,570.82"]);
        var page1 = new PageLayout(new PageModel(1, 595, 842, [], []), [previous],
            [Line("三、2018年度江苏省高级人民法院支出预算总表", -30), Line("四、2018年度江苏省高级人民法院财政拨款收支预算总表", 700), Line("单位：万元", 715)]);
        var page2 = new PageLayout(new PageModel(2, 595, 842, [], []), [table], []);

        var tables = TableRecognizer.Default.Recognize([page1, page2], "budget");

        Assert.Equal(["YS03", "YS04"], tables.Select(t => t.Id));
        Assert.Equal([2], tables[1].Pages);
        Assert.Contains("财政拨款收支预算总表", tables[1].Title);
    }

    [Fact]
    public void Without_a_title_at_the_foot_the_next_page_is_not_given_one()
    {
        var previous = GridBuilder.Build(1, ["合计", "基本支出", "项目支出"], ["33,172.15", "18,570.82", "11,343.27"]);
        var table = GridBuilder.Build(2, ["甲", "乙", "丙", "丁"], ["说明", "1.00", "说明", "2.00"]);
        var page1 = new PageLayout(new PageModel(1, 595, 842, [], []), [previous],
            [Line("三、2018年度江苏省高级人民法院支出预算总表", -30), Line("第10页", 800)]);
        var page2 = new PageLayout(new PageModel(2, 595, 842, [], []), [table], []);

        var tables = TableRecognizer.Default.Recognize([page1, page2], "budget");

        Assert.Equal("YS03", tables[0].Id);
        Assert.StartsWith("T2-", tables[1].Id);
    }

    [Theory]
    [InlineData("十、一般公共预算“三公”经费支出预算表.........................................................21")]
    [InlineData("一般公共预算“三公”经费支出表……………………………… 14")]
    [InlineData("表7  一般公共预算“三公”经费支出表 ·························· 9")]
    public void A_line_of_the_table_of_contents_is_not_a_title(string line)
    {
        var matcher = new TitleMatcher(Extractor.Templates.TemplateCatalog.Default);
        Assert.True(TitleMatcher.IsContentsEntry(line));
        Assert.Null(matcher.MatchTitle(line));
    }

    [Theory]
    [InlineData("2026年度一般公共预算“三公”经费支出预算表")]
    [InlineData("表7 一般公共预算“三公”经费支出表")]
    [InlineData("十、一般公共预算“三公”经费支出预算表")]
    public void A_title_is_still_a_title(string line)
    {
        var matcher = new TitleMatcher(Extractor.Templates.TemplateCatalog.Default);
        Assert.False(TitleMatcher.IsContentsEntry(line));
        Assert.Equal("YS07", matcher.MatchTitle(line)?.Id);
    }

    [Fact]
    public void A_total_row_repeated_under_the_header_of_the_next_page_is_read_once()
    {
        // Word repeats the rows marked as header rows on every page; Foshan's marked the 合计 row too.
        string[] header = ["项目", "<", "本年收入合计", "财政拨款收入"];
        string[] codes = ["功能分类科目编码", "科目名称", "^", "^"];
        var first = GridBuilder.Build(1, header, codes, ["", "合计", "1668.14", "1668.14"], ["208", "社会保障和就业支出", "76.23", "76.23"]);
        var second = GridBuilder.Build(2, header, codes, ["", "合计", "1668.14", "1668.14"], ["221", "住房保障支出", "60.87", "60.87"]);
        var page1 = new PageLayout(new PageModel(1, 595, 842, [], []), [first], [Line("2019年度收入决算表", -30)]);
        var page2 = new PageLayout(new PageModel(2, 595, 842, [], []), [second], []);

        var table = Assert.Single(TableRecognizer.Default.Recognize([page1, page2], "final"));
        var rows = Extractor.Rows.RowBuilder.Build(table, new List<string>()).Rows;

        Assert.Equal(["合计", "社会保障和就业支出", "住房保障支出"], rows.Select(r => r.Name));
    }
}
