using Extractor.Checks;
using Extractor.Rows;
using static Extractor.Tests.Checks.CheckTables;
using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

public sealed class CrossTableChecksTests
{
    private static ExtractedTable Gk01(decimal culture = 466.39m, decimal health = 0m) => Table("GK01",
        Line("收入", "一般公共预算财政拨款收入", ("金额", 600.00m)),
        Line("支出", "文化旅游体育与传媒支出", ("金额", culture)),
        Line("收入", "其他收入", ("金额", 52.66m)),
        Line("支出", "社会保障和就业支出", ("金额", 186.27m)),
        Line("支出", "卫生健康支出", ("金额", health)),
        Line("收入", "本年收入合计", ("金额", 652.66m)),
        Line("支出", "本年支出合计", ("金额", 652.66m + health - 466.39m + culture)),
        Line("收入", "总计", ("金额", 652.66m)),
        Line("支出", "总计", ("金额", 652.66m + health - 466.39m + culture)));

    private static ExtractedTable Gk02(decimal other) => Table("GK02",
        Named("合计", ("本年收入合计", 600.00m + other), ("财政拨款收入", 600.00m), ("其他收入", other)),
        Coded("207", "文化旅游体育与传媒支出", ("本年收入合计", 600.00m + other), ("财政拨款收入", 600.00m), ("其他收入", other)));

    private static ExtractedTable Gk03() => Table("GK03",
        Named("合计", ("本年支出合计", 652.66m), ("基本支出", 580.66m), ("项目支出", 72.00m)),
        Coded("207", "文化旅游体育与传媒支出", ("本年支出合计", 466.39m), ("基本支出", 394.39m), ("项目支出", 72.00m)),
        Coded("208", "社会保障和就业支出", ("本年支出合计", 186.27m), ("基本支出", 186.27m)));

    [Fact]
    public void Income_total_and_sources_agree_with_the_income_table()
    {
        var good = CrossTableChecks.Run(TablesOf(Gk01(), Gk02(52.66m), Gk03()));
        Assert.Equal(CheckStatus.Pass, Single(good, "GK01-GK02.total").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "GK01-GK02.source.appropriation").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "GK01-GK02.source.other").Status);

        var bad = CrossTableChecks.Run(TablesOf(Gk01(), Gk02(42.66m), Gk03()));
        var other = Single(bad, "GK01-GK02.source.other");
        Assert.Equal(CheckStatus.Fail, other.Status);
        Assert.Equal(52.66m, other.Expected);
        Assert.Equal(42.66m, other.Actual);
        Assert.Equal(CheckStatus.Fail, Single(bad, "GK01-GK02.total").Status);
    }

    [Fact]
    public void Expenditure_by_class_agrees_with_the_expenditure_table()
    {
        var good = CrossTableChecks.Run(TablesOf(Gk01(), Gk02(52.66m), Gk03()));
        Assert.Equal(CheckStatus.Pass, Single(good, "GK01-GK03.total").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "GK01-GK03.class.207").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "GK01-GK03.class.208").Status);
        Assert.DoesNotContain(good, c => c.Id == "GK01-GK03.class.210");

        var bad = CrossTableChecks.Run(TablesOf(Gk01(culture: 476.39m), Gk02(52.66m), Gk03()));
        Assert.Equal(CheckStatus.Fail, Single(bad, "GK01-GK03.class.207").Status);

        // GK01 has money for a class GK03 does not print at all.
        var missingClass = CrossTableChecks.Run(TablesOf(Gk01(health: 5.00m), Gk02(52.66m), Gk03()));
        var health = Single(missingClass, "GK01-GK03.class.210");
        Assert.Equal(CheckStatus.Fail, health.Status);
        Assert.Equal(0m, health.Actual);
    }

    [Fact]
    public void A_class_total_summed_from_rounded_items_may_differ_by_rounding()
    {
        var gk01 = Table("GK01", Line("支出", "社会保障和就业支出", ("金额", 326.71m)), Line("支出", "本年支出合计", ("金额", 326.71m)));
        var gk03 = Table("GK03",
            Named("合计", ("本年支出合计", 326.72m)),
            Coded("208", "社会保障和就业支出", ("本年支出合计", 326.72m)),
            Coded("20805", "行政事业单位养老支出", ("本年支出合计", 326.72m)),
            Coded("2080501", "行政单位离退休", ("本年支出合计", 84.65m)),
            Coded("2080505", "机关事业单位基本养老保险缴费支出", ("本年支出合计", 160.75m)),
            Coded("2080506", "机关事业单位职业年金缴费支出", ("本年支出合计", 80.38m)),
            Coded("2080599", "其他行政事业单位养老支出", ("本年支出合计", 0.94m)));
        var check = Single(CrossTableChecks.Run(TablesOf(gk01, gk03)), "GK01-GK03.class.208");
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Equal(0.020m, check.Tolerance);
    }

    private static ExtractedTable Gk04(decimal culture) => Table("GK04",
        Line("收入", "一般公共预算财政拨款", ("决算数", 600.00m)),
        Line("支出", "文化旅游体育与传媒支出", ("小计", culture), ("一般公共预算财政拨款", culture)),
        Line("支出", "社会保障和就业支出", ("小计", 186.27m), ("一般公共预算财政拨款", 186.27m)),
        Line("收入", "本年收入合计", ("决算数", 600.00m)),
        Line("支出", "本年支出合计", ("小计", 652.66m), ("一般公共预算财政拨款", 652.66m)));

    private static ExtractedTable Gk05(decimal basic = 580.66m) => Table("GK05",
        Named("合计", ("小计", 652.66m), ("基本支出", basic), ("项目支出", 72.00m)),
        Coded("207", "文化旅游体育与传媒支出", ("小计", 466.39m), ("基本支出", 394.39m), ("项目支出", 72.00m)),
        Coded("208", "社会保障和就业支出", ("小计", 186.27m), ("基本支出", 186.27m)));

    [Fact]
    public void Appropriation_spending_by_class_agrees_with_the_general_budget_table()
    {
        var good = CrossTableChecks.Run(TablesOf(Gk01(), Gk04(466.39m), Gk05()));
        Assert.Equal(CheckStatus.Pass, Single(good, "GK04-GK05.total").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "GK04-GK05.class.207").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "GK04-GK01.income.general").Status);

        var bad = CrossTableChecks.Run(TablesOf(Gk01(), Gk04(456.39m), Gk05()));
        var culture = Single(bad, "GK04-GK05.class.207");
        Assert.Equal(CheckStatus.Fail, culture.Status);
        Assert.Equal(456.39m, culture.Expected);
        Assert.Equal(466.39m, culture.Actual);
    }

    private static ExtractedTable Gk06(decimal personnel) => Table("GK06",
        Economic("301", "工资福利支出", "人员经费", ("决算数", personnel)),
        Economic("302", "商品和服务支出", "公用经费", ("决算数", 44.50m)),
        Economic("30231", "公务用车运行维护费", "公用经费", ("决算数", 0.87m)),
        Line("人员经费", "人员经费合计", ("决算数", personnel)),
        Line("公用经费", "公用经费合计", ("决算数", 44.50m)));

    [Fact]
    public void Basic_spending_is_personnel_plus_public_costs()
    {
        Assert.Equal(CheckStatus.Pass, Single(CrossTableChecks.Run(TablesOf(Gk05(), Gk06(536.16m))), "GK05-GK06.basic").Status);
        var wrong = Single(CrossTableChecks.Run(TablesOf(Gk05(), Gk06(526.16m))), "GK05-GK06.basic");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(570.66m, wrong.Expected);
        Assert.Equal(580.66m, wrong.Actual);
    }

    private static ExtractedTable Gk09(decimal running) => Table("GK09",
        Line("决算数", "", ("合计", running), ("公务用车购置及运行维护费", running), ("公务用车运行费", running)));

    [Fact]
    public void Car_running_costs_of_the_basic_table_are_at_most_those_of_the_three_public_expenses()
    {
        Assert.Equal(CheckStatus.Pass, Single(CrossTableChecks.Run(TablesOf(Gk06(536.16m), Gk09(0.87m))), "GK06-GK09.vehicle_running").Status);
        // GK09 also counts project spending: more is allowed.
        Assert.Equal(CheckStatus.Pass, Single(CrossTableChecks.Run(TablesOf(Gk06(536.16m), Gk09(1.50m))), "GK06-GK09.vehicle_running").Status);
        var less = Single(CrossTableChecks.Run(TablesOf(Gk06(536.16m), Gk09(0.50m))), "GK06-GK09.vehicle_running");
        Assert.Equal(CheckStatus.Fail, less.Status);
        Assert.Equal(0.87m, less.Expected);
    }

    private static ExtractedTable Gk04Fund(decimal fundIncome) => Table("GK04",
        Line("收入", "一般公共预算财政拨款", ("决算数", 0m)),
        Line("收入", "政府性基金预算财政拨款", ("决算数", fundIncome)),
        Line("支出", "城乡社区支出", ("小计", 45.00m), ("政府性基金预算财政拨款", 45.00m)),
        Line("收入", "本年收入合计", ("决算数", fundIncome)),
        Line("支出", "本年支出合计", ("小计", 45.00m), ("政府性基金预算财政拨款", 45.00m)),
        Line("收入", "年初财政拨款结转和结余", ("决算数", 10.00m)),
        Line("收入", "政府性基金预算财政拨款", ("决算数", 10.00m)),
        Line("收入", "总计", ("决算数", fundIncome + 10.00m)));

    private static ExtractedTable Gk07() => Table("GK07",
        Named("合计", ("年初结转和结余", 10.00m), ("本年收入", 50.00m), ("小计", 45.00m), ("项目支出", 45.00m), ("年末结转和结余", 15.00m)),
        Coded("212", "城乡社区支出", ("年初结转和结余", 10.00m), ("本年收入", 50.00m), ("小计", 45.00m), ("项目支出", 45.00m), ("年末结转和结余", 15.00m)));

    [Fact]
    public void Government_fund_income_spending_and_carry_over_agree_with_the_fund_table()
    {
        var good = CrossTableChecks.Run(TablesOf(Gk04Fund(50.00m), Gk07()));
        foreach (var id in new[] { "GK04-GK07.total", "GK04-GK07.class.212", "GK04-GK07.income", "GK04-GK07.carryover" })
        {
            Assert.Equal(CheckStatus.Pass, Single(good, id).Status);
        }
        var bad = Single(CrossTableChecks.Run(TablesOf(Gk04Fund(40.00m), Gk07())), "GK04-GK07.income");
        Assert.Equal(CheckStatus.Fail, bad.Status);
        Assert.Equal(50.00m, bad.Expected);
        Assert.Equal(40.00m, bad.Actual);
    }

    [Fact]
    public void A_check_whose_table_is_missing_is_skipped_and_names_the_table()
    {
        var checks = CrossTableChecks.Run(TablesOf(Gk01(), Gk02(52.66m)));
        var skipped = Single(checks, "GK01-GK03.total");
        Assert.Equal(CheckStatus.Skipped, skipped.Status);
        Assert.Contains("GK03", skipped.Message);
        Assert.Contains("支出决算表", skipped.Message);
        Assert.Equal(CheckStatus.Pass, Single(checks, "GK01-GK02.total").Status);
    }
}
