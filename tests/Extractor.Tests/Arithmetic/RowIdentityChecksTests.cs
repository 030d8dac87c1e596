using Extractor.Checks;
using static Extractor.Tests.Checks.CheckTables;
using Extractor.Arithmetic;

namespace Extractor.Tests.Arithmetic;

public sealed class RowIdentityChecksTests
{
    private static IReadOnlyList<CheckResult> Gk03(decimal total) => RowIdentityChecks.Run(new TableView(Table("GK03",
        Named("合计", ("本年支出合计", total), ("基本支出", 6.00m), ("项目支出", 4.00m)),
        Coded("201", "一般公共服务支出", ("本年支出合计", 10.00m), ("基本支出", 6.00m), ("项目支出", 4.00m))))).ToList();

    [Fact]
    public void Each_row_total_is_the_sum_of_its_part_columns()
    {
        var checks = Gk03(10.00m);
        Assert.Equal(["GK03.rows.sum.total", "GK03.rows.sum.201"], checks.Select(c => c.Id));
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void A_total_off_by_more_than_rounding_fails_and_by_a_cent_warns()
    {
        var wrong = Single(Gk03(10.50m), "GK03.rows.sum.total");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(10.00m, wrong.Expected);
        Assert.Equal(10.50m, wrong.Actual);
        Assert.Equal(0.50m, wrong.Difference);
        Assert.Contains("本年支出合计", wrong.Message);

        var rounded = Single(Gk03(10.01m), "GK03.rows.sum.total");
        Assert.Equal(CheckStatus.Warn, rounded.Status);
        Assert.Equal(0.010m, rounded.Tolerance);
    }

    private static IReadOnlyList<CheckResult> Gk09(decimal finalTotal, decimal vehicles) => RowIdentityChecks.Run(new TableView(Table("GK09",
        Line("预算数", "", ("合计", 3.00m), ("因公出国（境）费", 1.00m), ("公务用车购置及运行维护费", 1.50m), ("公务用车购置费", 1.00m), ("公务用车运行费", 0.50m), ("公务接待费", 0.50m)),
        Line("决算数", "", ("合计", finalTotal), ("公务用车购置及运行维护费", vehicles), ("公务用车运行费", 0.87m))))).ToList();

    [Fact]
    public void Three_public_expenses_total_and_vehicle_costs_add_up()
    {
        var checks = Gk09(0.87m, 0.87m);
        Assert.Equal(["GK09.total.budget", "GK09.total.final", "GK09.vehicles.budget", "GK09.vehicles.final"], checks.Select(c => c.Id).Order());
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));

        var wrongTotal = Gk09(1.87m, 0.87m);
        Assert.Equal(CheckStatus.Fail, Single(wrongTotal, "GK09.total.final").Status);
        Assert.Equal(CheckStatus.Pass, Single(wrongTotal, "GK09.vehicles.final").Status);

        var wrongVehicles = Gk09(0.87m, 0.97m);
        Assert.Equal(CheckStatus.Fail, Single(wrongVehicles, "GK09.vehicles.final").Status);
    }

    [Fact]
    public void Without_a_vehicle_subtotal_column_the_total_adds_purchase_and_running_costs()
    {
        IReadOnlyList<CheckResult> Run(decimal total) => RowIdentityChecks.Run(new TableView(Table("GK09",
            Line("决算数", "", ("合计", total), ("因公出国（境）费", 1.00m), ("公务用车购置费", 2.00m), ("公务用车运行费", 0.50m), ("公务接待费", 0.25m))))).ToList();
        Assert.Equal(CheckStatus.Pass, Single(Run(3.75m), "GK09.total.final").Status);
        Assert.Equal(CheckStatus.Fail, Single(Run(1.75m), "GK09.total.final").Status);
    }

    [Fact]
    public void Government_fund_year_end_balance_is_opening_plus_income_minus_spending()
    {
        IReadOnlyList<CheckResult> Run(decimal closing) => RowIdentityChecks.Run(new TableView(Table("GK07",
            Named("合计", ("年初结转和结余", 10.00m), ("本年收入", 50.00m), ("小计", 45.00m), ("项目支出", 45.00m), ("年末结转和结余", closing))))).ToList();
        Assert.Equal(CheckStatus.Pass, Single(Run(15.00m), "GK07.rows.balance.total").Status);
        Assert.Equal(CheckStatus.Pass, Single(Run(15.00m), "GK07.rows.sum.total").Status);
        var wrong = Single(Run(5.00m), "GK07.rows.balance.total");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(15.00m, wrong.Expected);
    }

    [Fact]
    public void A_total_printed_under_its_own_header_is_still_found()
    {
        // GK05 printed as 本年支出合计 | 基本支出 | 项目支出: recognition keeps the header text.
        IReadOnlyList<CheckResult> Run(decimal total) => RowIdentityChecks.Run(new TableView(Table("GK05",
            Named("合计", ("本年支出合计", total), ("基本支出", 6.00m), ("项目支出", 4.00m))))).ToList();
        Assert.Equal(CheckStatus.Pass, Single(Run(10.00m), "GK05.rows.sum.total").Status);
        Assert.Equal(CheckStatus.Fail, Single(Run(12.00m), "GK05.rows.sum.total").Status);
    }
}
