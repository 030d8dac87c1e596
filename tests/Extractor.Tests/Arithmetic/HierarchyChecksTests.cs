using Extractor.Checks;
using Extractor.Codes;
using Extractor.Rows;
using static Extractor.Tests.Checks.CheckTables;
using Extractor.Arithmetic;
using Extractor.Templates;

namespace Extractor.Tests.Arithmetic;

public sealed class HierarchyChecksTests
{
    private static IReadOnlyList<CheckResult> Gk05(decimal item2, decimal total = 40.00m) => HierarchyChecks.Run(new TableView(Table("GK05",
        Named("合计", ("小计", total)),
        Coded("201", "一般公共服务支出", ("小计", 30.00m)),
        Coded("20106", "财政事务", ("小计", 30.00m)),
        Coded("2010601", "行政运行", ("小计", 20.00m)),
        Coded("2010602", "一般行政管理事务", ("小计", item2)),
        Coded("221", "住房保障支出", ("小计", 10.00m)),
        Coded("22102", "住房改革支出", ("小计", 10.00m)),
        Coded("2210201", "住房公积金", ("小计", 10.00m))))).ToList();

    [Fact]
    public void Total_classes_sections_and_items_add_up_by_code_prefix()
    {
        var checks = Gk05(10.00m);
        Assert.Equal(["GK05.hierarchy.201", "GK05.hierarchy.20106", "GK05.hierarchy.221", "GK05.hierarchy.22102", "GK05.hierarchy.total"], checks.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void An_item_that_does_not_add_up_fails_its_section_only()
    {
        var checks = Gk05(11.00m);
        var section = Single(checks, "GK05.hierarchy.20106");
        Assert.Equal(CheckStatus.Fail, section.Status);
        Assert.Equal(31.00m, section.Expected);
        Assert.Equal(30.00m, section.Actual);
        Assert.Equal(CheckStatus.Pass, Single(checks, "GK05.hierarchy.201").Status);
        Assert.Equal(CheckStatus.Fail, Single(Gk05(10.00m, total: 50.00m), "GK05.hierarchy.total").Status);
    }

    [Fact]
    public void Codes_cut_short_are_placed_by_their_digits_and_a_parent_cut_short_is_skipped()
    {
        var table = new TableView(Table("GK02",
            Coded("208", "社会保障和就业支出", ("本年收入合计", 77.01m)),
            Truncated("2080", "行政事业单位养老支出", "", CodeSystem.Function, ("本年收入合计", 77.01m)),
            Truncated("208050", "事业单位离退休", "", CodeSystem.Function, ("本年收入合计", 38.97m)),
            Truncated("208050", "机关事业单位基本养老保险缴费支出", "", CodeSystem.Function, ("本年收入合计", 38.04m))));
        var checks = HierarchyChecks.Run(table).ToList();
        // 类 208 = its 款 (printed 2080, still under 208); the 款 itself is cut short, so its 项 are not summed under it.
        var cls = Single(checks, "GK02.hierarchy.208");
        Assert.Equal(CheckStatus.Pass, cls.Status);
        Assert.Contains("cut short", cls.Message);
        Assert.DoesNotContain(checks, c => c.Id.StartsWith("GK02.hierarchy.2080", StringComparison.Ordinal));
    }

    private static IReadOnlyList<CheckResult> Gk06(decimal performancePay, decimal personnelTotal) => HierarchyChecks.Run(new TableView(Table("GK06",
        Economic("301", "工资福利支出", "人员经费", ("决算数", 486.99m)),
        Economic("30101", "基本工资", "人员经费", ("决算数", 127.69m)),
        Economic("30102", "津贴补贴", "人员经费", ("决算数", 30.63m)),
        Economic("30103", "奖金", "人员经费", ("决算数", 130.34m)),
        Economic("30107", "绩效工资", "人员经费", ("决算数", performancePay)),
        Economic("303", "对个人和家庭的补助", "人员经费", ("决算数", 49.17m)),
        Economic("30302", "退休费", "人员经费", ("决算数", 49.17m)),
        Economic("302", "商品和服务支出", "公用经费", ("决算数", 44.50m)),
        Economic("30201", "办公费", "公用经费", ("决算数", 44.50m)),
        Economic("310", "资本性支出", "公用经费"),
        Line("人员经费", "人员经费合计", ("决算数", personnelTotal)),
        Line("公用经费", "公用经费合计", ("决算数", 44.50m))))).ToList();

    [Fact]
    public void Economic_classes_and_section_totals_warn_on_rounding_and_fail_beyond()
    {
        // 127.69 + 30.63 + 130.34 + 198.31 = 486.97 against 486.99 (4 amounts: ±0.02); 301 + 303 = 536.16 against 536.15: rounding.
        var rounded = Gk06(198.31m, 536.15m);
        var salaries = Single(rounded, "GK06.hierarchy.301");
        Assert.Equal(CheckStatus.Warn, salaries.Status);
        Assert.Equal(486.97m, salaries.Expected);
        var personnel = Single(rounded, "GK06.section.personnel");
        Assert.Equal(CheckStatus.Warn, personnel.Status);
        Assert.Equal(536.16m, personnel.Expected);
        Assert.Equal(536.15m, personnel.Actual);
        Assert.Equal(CheckStatus.Pass, Single(rounded, "GK06.section.public").Status);

        var wrong = Gk06(188.31m, 546.16m);
        Assert.Equal(CheckStatus.Fail, Single(wrong, "GK06.hierarchy.301").Status);
        Assert.Equal(CheckStatus.Fail, Single(wrong, "GK06.section.personnel").Status);

        var exact = Gk06(198.33m, 536.16m);
        Assert.Equal(CheckStatus.Pass, Single(exact, "GK06.hierarchy.301").Status);
        Assert.Equal(CheckStatus.Pass, Single(exact, "GK06.section.personnel").Status);
    }

    [Fact]
    public void A_table_in_yuan_converted_from_wan_yuan_keeps_the_wan_yuan_rounding()
    {
        // Every amount a multiple of 100 元: the figures were 万元 to two decimals, so a 100 元 gap is rounding.
        IReadOnlyList<CheckResult> Run(decimal total) => HierarchyChecks.Run(new TableView(Table("GK05", "元", 1,
            Named("合计", ("小计", total)),
            Coded("201", "一般公共服务支出", ("小计", 4663900.00m)),
            Coded("221", "住房保障支出", ("小计", 1862600.00m))))).ToList();
        var rounding = Single(Run(6526600.00m), "GK05.hierarchy.total");
        Assert.Equal(CheckStatus.Warn, rounding.Status);
        Assert.Equal(652.66m, rounding.Actual);
        Assert.Equal(CheckStatus.Fail, Single(Run(6536500.00m), "GK05.hierarchy.total").Status);
    }

    [Fact]
    public void A_class_printed_twice_owns_the_rows_printed_under_it()
    {
        // 301 once under 501 机关工资福利支出 and once under 505 对事业单位经常性补助 (two classifications side by side).
        var checks = HierarchyChecks.Run(new TableView(Table("GK06",
            Economic("301", "工资福利支出", "人员经费", ("决算数", 30.00m)),
            Economic("30101", "基本工资", "人员经费", ("决算数", 20.00m)),
            Economic("30102", "津贴补贴", "人员经费", ("决算数", 10.00m)),
            Economic("301", "工资福利支出", "人员经费", ("决算数", 5.00m)),
            Economic("30101", "基本工资", "人员经费", ("决算数", 5.00m))))).Where(c => c.Id.StartsWith("GK06.hierarchy.301", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void Shares_printed_in_percent_are_not_summed()
    {
        static TableRow WithShare(TableRow row, decimal share) =>
            row with { Values = [.. row.Values, new Extractor.Rows.CellValue("增减(%)", share, 1, default) { Unit = "%" }] };
        var checks = HierarchyChecks.Run(new TableView(Table("GK05",
            WithShare(Coded("201", "一般公共服务支出", ("小计", 30.00m)), 5.00m),
            WithShare(Coded("20106", "财政事务", ("小计", 30.00m)), 5.00m),
            WithShare(Coded("2010601", "行政运行", ("小计", 20.00m)), 3.00m),
            WithShare(Coded("2010602", "一般行政管理事务", ("小计", 10.00m)), 9.00m)))).ToList();
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.DoesNotContain(checks, c => c.Message.Contains("增减(%)", StringComparison.Ordinal));
    }
}
