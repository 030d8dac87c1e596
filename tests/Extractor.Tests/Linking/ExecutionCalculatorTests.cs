using Extractor.Linking;
using static Extractor.Tests.Linking.LinkInputs;

namespace Extractor.Tests.Linking;

public sealed class ExecutionCalculatorTests
{
    private static readonly LinkDocument Budget = Doc("budget", "武汉市江汉区融媒体中心", 2024, "budget");
    private static readonly LinkDocument Final = Doc("final", "武汉市江汉区融媒体中心", 2024, "final");

    [Fact]
    public void Each_code_gets_its_budget_its_outturn_and_the_rate_and_a_code_on_one_side_is_flagged()
    {
        var budget = Facts(Budget,
            F("YS05", "", "合计", "合计", "647.10", 6),
            F("YS05", "2070808", "广播电视事务", "合计", "454.82", 6),
            F("YS05", "2080506", "机关事业单位职业年金缴费支出", "合计", "4.00", 6));
        var final = Facts(Final,
            F("GK05", "", "合计", "小计", "652.66", 5),
            F("GK05", "2070808", "广播电视事务", "小计", "466.39", 5),
            F("GK05", "2070899", "其他广播电视支出", "小计", "3.00", 5),
            F("GK05", "2070808", "广播电视事务", "基本支出", "394.39", 5));
        var rows = ExecutionCalculator.AgainstBudget(final, budget).ToList();
        Assert.Equal(
        [
            ("", "合计", 647.10m, 652.66m, 1.0086m, "both"),
            ("2070808", "广播电视事务", 454.82m, 466.39m, 1.0254m, "both"),
            ("2070899", "其他广播电视支出", null, 3.00m, null, "final_only"),
            ("2080506", "机关事业单位职业年金缴费支出", 4.00m, null, null, "budget_only"),
        ], rows.Select(r => (r.Code, r.Name, r.Budget, r.Final, r.Rate, r.Presence)));
        Assert.All(rows, r => Assert.Equal((ExecutionMeasure.GeneralBudget, ExecutionCalculator.BudgetDocument, "YS05", "合计", "GK05", "小计"),
            (r.Measure, r.BudgetSource, r.BudgetTable, r.BudgetColumn, r.FinalTable, r.FinalColumn)));
        Assert.Equal((6, 5), (rows[1].BudgetPage, rows[1].FinalPage));
    }

    [Fact]
    public void Amounts_in_yuan_are_compared_in_wan_yuan()
    {
        var budget = Facts(Budget, F("YS03", "", "合计", "合计", "87267272.44", unit: "元"));
        var final = Facts(Final, F("GK03", "", "合计", "本年支出合计", "8726.73"));
        var row = Assert.Single(ExecutionCalculator.AgainstBudget(final, budget));
        Assert.Equal((ExecutionMeasure.AllFunds, 8726.727244m, 8726.73m, 1.0000m), (row.Measure, row.Budget, row.Final, row.Rate));
    }

    [Fact]
    public void The_three_public_items_are_read_from_their_sections_and_a_zero_budget_has_no_rate()
    {
        var budget = Facts(Budget,
            F("YS07", "", "", "合计", "3.00", section: "本年预算数"),
            F("YS07", "", "", "公务接待费", "0.00", section: "本年预算数"),
            F("YS07", "", "", "合计", "2.00", section: "上年预算数"));
        var final = Facts(Final,
            F("GK09", "", "", "合计", "3.00", section: "预算数"),
            F("GK09", "", "", "合计", "0.87", section: "决算数"),
            F("GK09", "", "", "公务接待费", "0.10", section: "决算数"));
        var rows = ExecutionCalculator.AgainstBudget(final, budget).ToList();
        Assert.Equal([("合计", 3.00m, 0.87m, 0.29m), ("公务接待费", 0.00m, 0.10m, (decimal?)null)],
            rows.Select(r => (r.Name, r.Budget!.Value, r.Final!.Value, r.Rate)));
        Assert.Equal("本年预算数/合计", rows[0].BudgetColumn);
        // The final's own budget (GK09 预算数) gives rows of its own.
        var printed = Assert.Single(ExecutionCalculator.AgainstPrintedBudget(final), r => r.Name == "合计");
        Assert.Equal((ExecutionCalculator.FinalDocument, 3.00m, "预算数/合计"), (printed.BudgetSource, printed.Budget!.Value, printed.BudgetColumn));
    }

    [Theory]
    [InlineData(new[] { "小计", "基本支出", "项目支出" }, null)]
    [InlineData(new[] { "年初预算数", "小计" }, "年初预算数")]
    [InlineData(new[] { "全年预算数", "年初预算数/小计" }, "年初预算数/小计")]
    [InlineData(new[] { "预算数/合计", "决算数/合计" }, "预算数/合计")]
    public void A_final_s_budget_column_is_found_by_its_header(string[] columns, string? expected)
    {
        Assert.Equal(expected, ExecutionCalculator.PrintedBudgetColumn(columns));
    }

    [Theory]
    [InlineData("2940.05", "2993.92", "0.9820")]
    [InlineData("1", "3", "0.3333")]
    [InlineData("2", "3", "0.6667")]
    [InlineData("0.00005", "1", "0.0001")]
    public void The_rate_is_rounded_half_away_from_zero_to_four_decimals(string final, string budget, string rate)
    {
        var r = ExecutionCalculator.Rate(decimal.Parse(final, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rate, r!.Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
    }
}
