using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Templates;
using Extractor.Tests.Recognition;

namespace Extractor.Tests.Rows;

public sealed class RowBuilderTests
{
    private static ExtractedTable Build(string id, int bodyStart, List<string> warnings, params string[][] rows) =>
        GridRows.Read(id, bodyStart, null, warnings, rows);

    [Fact]
    public void Codes_split_over_class_item_and_subitem_columns_are_joined()
    {
        var table = Build("GK05", 2, [],
            ["类", "款", "项", "科目名称", "小计", "基本支出", "项目支出"],
            ["栏次", "", "", "", "1", "2", "3"],
            ["201", "", "", "一般公共服务支出", "10.00", "10.00", ""],
            ["201", "06", "", "财政事务", "10.00", "10.00", ""],
            ["201", "06", "01", "行政运行", "10.00", "10.00", ""]);
        Assert.Equal(["201", "20106", "2010601"], table.Rows.Select(r => r.CodePrinted));
        Assert.Equal(["一般公共服务支出", "财政事务", "行政运行"], table.Rows.Select(r => r.Name));
    }

    [Fact]
    public void A_code_glued_to_its_name_is_split_and_a_label_in_the_code_column_is_a_name()
    {
        var table = Build("GK03", 1, [],
            ["科目编码", "科目名称", "本年支出合计", "基本支出"],
            ["合计", "", "5.00", "5.00"],
            ["2070808广播电视事务", "", "5.00", "5.00"]);
        Assert.Equal([("", "合计"), ("2070808", "广播电视事务")], table.Rows.Select(r => (r.CodePrinted, r.Name)));
    }

    [Fact]
    public void Amounts_on_the_line_under_a_total_label_belong_to_it()
    {
        var table = Build("GK06", 2, [],
            ["人员经费", "<", "<", "公用经费", "<", "<"],
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "486.99", "302", "商品和服务支出", "44.50"],
            ["人员经费合计", "<", "", "公用经费合计", "<", ""],
            ["", "", "536.15", "", "", "44.50"]);
        var totals = table.Rows.Where(r => r.Name.EndsWith("合计")).ToList();
        Assert.Equal([("人员经费合计", "人员经费", 536.15m), ("公用经费合计", "公用经费", 44.50m)],
            totals.Select(r => (r.Name, r.Section, Assert.Single(r.Values).Value)));
    }

    [Fact]
    public void Economic_rows_take_their_section_from_their_class_not_their_column_block()
    {
        var table = Build("GK06", 2, [],
            ["人员经费", "<", "<", "公用经费", "<", "<"],
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
            ["30101", "基本工资", "1.00", "30302", "退休费", "2.00"],
            ["30201", "办公费", "3.00", "31002", "办公设备购置", "4.00"]);
        Assert.Equal(
            [("30101", "人员经费"), ("30302", "人员经费"), ("30201", "公用经费"), ("31002", "公用经费")],
            table.Rows.Select(r => (r.CodePrinted, r.Section)));
    }

    [Fact]
    public void The_three_public_expenses_row_splits_into_budget_and_final_sections()
    {
        var table = Build("GK09", 3, [],
            ["预算数", "<", "决算数", "<"],
            ["合计", "公务接待费", "合计", "公务接待费"],
            ["1", "2", "3", "4"],
            ["0.87", "", "0.50", "0.10"]);
        Assert.Equal([("预算数", 1), ("决算数", 2)], table.Rows.Select(r => (r.Section, r.Values.Count)));
        Assert.All(table.Rows, r => Assert.Equal(string.Empty, r.Name));
    }

    [Fact]
    public void Sections_printed_as_row_labels_become_the_section()
    {
        var table = Build("GK09", 3, [],
            ["项目", "合计", "公务接待费"],
            ["^", "^", "^"],
            ["栏次", "1", "2"],
            ["预算数", "593.46", "1.86"],
            ["决算数", "587.55", "0.11"]);
        Assert.Equal([("预算数", "", 593.46m), ("决算数", "", 587.55m)], table.Rows.Select(r => (r.Section, r.Name, r.Values[0].Value)));
    }

    [Fact]
    public void Blank_cells_and_dashes_give_no_value_and_an_unreadable_amount_is_reported()
    {
        var warnings = new List<string>();
        var table = Build("GK03", 1, warnings,
            ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
            ["201", "一般公共服务支出", "3.00", "-", "1.2.3"]);
        var row = Assert.Single(table.Rows);
        Assert.Equal(["本年支出合计"], row.Values.Select(v => v.Column));
        var warning = Assert.Single(warnings);
        Assert.Contains("1.2.3", warning);
        Assert.Contains("项目支出", warning);
    }
}
