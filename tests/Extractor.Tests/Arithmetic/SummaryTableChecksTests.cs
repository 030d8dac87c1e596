using Extractor.Checks;
using Extractor.Rows;
using static Extractor.Tests.Checks.CheckTables;
using Extractor.Arithmetic;

namespace Extractor.Tests.Arithmetic;

public sealed class SummaryTableChecksTests
{
    private const string Amount = "金额";

    // GK01 prints its two sides row by row, interleaved as the grid reads them.
    private static ExtractedTable Gk01(decimal expenditureGrandTotal, decimal otherIncome = 52.66m) => Table("GK01",
        Line("收入", "一般公共预算财政拨款收入", (Amount, 600.00m)),
        Line("支出", "文化旅游体育与传媒支出", (Amount, 466.39m)),
        Line("收入", "其他收入", (Amount, otherIncome)),
        Line("支出", "社会保障和就业支出", (Amount, 186.27m)),
        Line("收入", "其中：利息收入", (Amount, 2.00m)),
        Line("支出", "卫生健康支出"),
        Line("收入", "本年收入合计", (Amount, 652.66m)),
        Line("支出", "本年支出合计", (Amount, 652.66m)),
        Line("收入", "使用非财政拨款结余（含专用结余）"),
        Line("支出", "结余分配"),
        Line("收入", "年初结转和结余", (Amount, 10.00m)),
        Line("支出", "年末结转和结余", (Amount, 10.00m)),
        Line("收入", "总计", (Amount, 662.66m)),
        Line("支出", "总计", (Amount, expenditureGrandTotal)));

    [Fact]
    public void Both_sides_add_up_to_their_totals_and_balance()
    {
        var checks = SummaryTableChecks.Run(new TableView(Gk01(662.66m))).ToList();
        Assert.Equal(["GK01.balance", "GK01.expenditure.grand_total", "GK01.expenditure.total", "GK01.income.grand_total", "GK01.income.total"], checks.Select(c => c.Id).Order());
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void A_grand_total_that_does_not_add_up_fails_and_so_does_the_balance()
    {
        var checks = SummaryTableChecks.Run(new TableView(Gk01(672.66m))).ToList();
        var grand = Single(checks, "GK01.expenditure.grand_total");
        Assert.Equal(CheckStatus.Fail, grand.Status);
        Assert.Equal(662.66m, grand.Expected);
        Assert.Equal(672.66m, grand.Actual);
        Assert.Equal(CheckStatus.Fail, Single(checks, "GK01.balance").Status);
        Assert.Equal(CheckStatus.Pass, Single(checks, "GK01.income.grand_total").Status);
    }

    [Fact]
    public void Income_items_sum_to_the_year_total_without_their_sub_items()
    {
        Assert.Equal(CheckStatus.Pass, Single(SummaryTableChecks.Run(new TableView(Gk01(662.66m))), "GK01.income.total").Status);
        var wrong = Single(SummaryTableChecks.Run(new TableView(Gk01(662.66m, otherIncome: 62.66m))), "GK01.income.total");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(662.66m, wrong.Expected);
    }

    private static ExtractedTable Gk04(decimal generalCarryOver) => Table("GK04",
        Line("收入", "一般公共预算财政拨款", ("决算数", 600.00m)),
        Line("支出", "文化旅游体育与传媒支出", ("小计", 600.00m), ("一般公共预算财政拨款", 600.00m)),
        Line("收入", "政府性基金预算财政拨款"),
        Line("收入", "本年收入合计", ("决算数", 600.00m)),
        Line("支出", "本年支出合计", ("小计", 600.00m), ("一般公共预算财政拨款", 600.00m)),
        Line("收入", "年初财政拨款结转和结余", ("决算数", 10.00m)),
        Line("支出", "年末财政拨款结转和结余", ("小计", 10.00m), ("一般公共预算财政拨款", 10.00m)),
        Line("收入", "一般公共预算财政拨款", ("决算数", generalCarryOver)),
        Line("收入", "政府性基金预算财政拨款", ("决算数", 4.00m)),
        Line("收入", "总计", ("决算数", 610.00m)),
        Line("支出", "总计", ("小计", 610.00m), ("一般公共预算财政拨款", 610.00m)));

    [Fact]
    public void A_carry_over_line_is_the_sum_of_its_fund_breakdown_and_not_added_twice()
    {
        var checks = SummaryTableChecks.Run(new TableView(Gk04(6.00m))).ToList();
        Assert.Equal(CheckStatus.Pass, Single(checks, "GK04.income.carryover").Status);
        Assert.Equal(CheckStatus.Pass, Single(checks, "GK04.income.grand_total").Status);
        Assert.Equal(CheckStatus.Pass, Single(checks, "GK04.expenditure.grand_total").Status);
        Assert.Equal(CheckStatus.Pass, Single(checks, "GK04.balance").Status);

        var wrong = Single(SummaryTableChecks.Run(new TableView(Gk04(5.00m))), "GK04.income.carryover");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(9.00m, wrong.Expected);
        Assert.Equal(10.00m, wrong.Actual);
    }
}
