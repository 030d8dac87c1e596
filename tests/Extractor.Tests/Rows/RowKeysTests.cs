using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Templates;
using Extractor.Tests.Recognition;

namespace Extractor.Tests.Rows;

/// <summary>
/// Rows keyed by something other than a code — a unit, a year, the template's own columns printed down the rows —
/// and totals printed across side-by-side blocks: every row with an amount keeps its amounts.
/// </summary>
public sealed class RowKeysTests
{
    private static ExtractedTable Build(string id, int bodyStart, string? year, params string[][] rows) =>
        GridRows.Read(id, bodyStart, year, [], rows);

    private static decimal? Value(TableRow row, string column) => row.Values.FirstOrDefault(v => v.Column == column)?.Value;

    [Fact]
    public void A_three_public_table_keyed_by_unit_gives_a_row_per_unit()
    {
        // Changsha 表 “三公” (p20): rows 合计 and the unit under 部门名称.
        var table = Build("YS07", 2, "2026",
            ["部门名称", "三公经费预（决）算数（财政拨款）", "<", "<", "<", "<", "<"],
            ["^", "小计", "公务接待费", "因公出国（境）费", "公务用车购置及运行费", "其中：公务用车购置", "其中：公务用车运行费"],
            ["合计", "8.00", "3.00", "", "5.00", "", "5.00"],
            ["长沙市信访局", "8.00", "3.00", "", "5.00", "", "5.00"]);
        Assert.Equal(["合计", "长沙市信访局"], table.Rows.Select(r => r.Name));
        Assert.All(table.Rows, r => Assert.Equal("本年预算数", r.Section));
        Assert.All(table.Rows, r => Assert.Equal((8.00m, 3.00m, 5.00m, 5.00m),
            (Value(r, "合计"), Value(r, "公务接待费"), Value(r, "公务用车购置及运行维护费"), Value(r, "公务用车运行费"))));
    }

    [Fact]
    public void A_three_public_table_keyed_by_year_gives_each_row_the_section_its_year_names()
    {
        // Shenzhen 表9 (p38): 预算单位 | 年度, the unit merged down over 2025年 / 2026年 / 增减变化金额.
        var table = Build("YS07", 1, "2026",
            ["预算单位", "年度", "合计", "因公出国(境)费", "公务接待费"],
            ["深圳市财政局（本级）", "2025年", "59.66", "41.60", "9.46"],
            ["^", "2026年", "58.46", "41.60", "9.46"],
            ["^", "增减变化金额", "-1.20", "0.00", "0.00"]);
        Assert.Equal(["上年预算数", "本年预算数", "增减"], table.Rows.Select(r => r.Section));
        Assert.All(table.Rows, r => Assert.Equal("深圳市财政局（本级）", r.Name));
        Assert.Equal([59.66m, 58.46m, -1.20m], table.Rows.Select(r => Value(r, "合计")));
    }

    [Fact]
    public void A_unit_printed_once_over_its_year_rows_names_each_of_them()
    {
        // Shenzhen prints the unit's name on the first of its year rows only, the cells below it blank.
        var table = Build("YS07", 1, "2026",
            ["预算单位", "年度", "合计", "公务接待费"],
            ["深圳市财政局（本级）", "2025年", "59.66", "9.46"],
            ["", "2026年", "58.46", "9.46"],
            ["", "增减变化金额", "-1.20", "0.00"]);
        Assert.Equal([("上年预算数", "深圳市财政局（本级）"), ("本年预算数", "深圳市财政局（本级）"), ("增减", "深圳市财政局（本级）")],
            table.Rows.Select(r => (r.Section, r.Name)));
    }

    [Fact]
    public void A_three_public_table_printed_as_a_list_gives_one_row_of_the_templates_columns()
    {
        // Quanzhou (p19): 项目 | 预算数 with the items down the rows.
        var table = Build("YS07", 1, "2026",
            ["项目", "预算数"],
            ["合计", "1700.17"],
            ["1、因公出国（境）费用", "0.00"],
            ["2、公务接待费", "16.32"],
            ["3、公务用车购置及运行费", "1683.85"],
            ["其中：（1）公务用车购置费", "495.85"],
            ["（2）公务用车运行费", "1188.00"]);
        var row = Assert.Single(table.Rows);
        Assert.Equal("本年预算数", row.Section);
        Assert.Equal("", row.Name);
        Assert.Equal([("合计", 1700.17m), ("因公出国（境）费", 0.00m), ("公务接待费", 16.32m), ("公务用车购置及运行维护费", 1683.85m),
                ("公务用车购置费", 495.85m), ("公务用车运行费", 1188.00m)],
            row.Values.Select(v => (v.Column, v.Value)));
    }

    [Fact]
    public void Amounts_under_no_section_header_keep_their_row_in_the_default_section()
    {
        // Beijing 表 “三公” (p14): one row of this year's budget, no 本年 / 上年 label anywhere.
        var table = Build("YS07", 2, "2026",
            ["“三公”经费财政拨款预算总额", "因公出国（境）费用", "公务接待费", "公务用车购置及运行维护费", "<", "<"],
            ["^", "^", "^", "小计", "公务用车购置费", "公务用车运行维护费"],
            ["223.799250", "127.737000", "11.642250", "84.420000", "44.920000", "39.500000"]);
        var row = Assert.Single(table.Rows);
        Assert.Equal("本年预算数", row.Section);
        Assert.Equal(6, row.Values.Count);
        Assert.Equal(223.799250m, Value(row, "合计"));
    }

    [Fact]
    public void A_total_whose_label_stands_in_one_block_and_its_amount_in_the_next_is_one_row()
    {
        // GK06 in three blocks: 公用经费合计 centred over blocks 2 and 3, read into block 2's name, its amount in block 3.
        var table = Build("GK06", 2, "2022",
            ["人员经费", "<", "<", "公用经费", "<", "<", "<", "<", "<"],
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "1,059.62", "302", "商品和服务支出", "241.55", "310", "资本性支出", ""],
            ["", "人员经费合计", "1,083.00", "", "公用经费合计", "", "", "", "241.55"]);
        var totals = table.Rows.Where(r => r.Name.EndsWith("合计")).Select(r => (r.Name, r.Section, Value(r, "决算数"))).ToList();
        Assert.Equal([("人员经费合计", "人员经费", 1083.00m), ("公用经费合计", "公用经费", 241.55m)], totals);
        Assert.DoesNotContain(table.Rows, r => r.Name.Length == 0 && r.CodePrinted.Length == 0);
    }
}
