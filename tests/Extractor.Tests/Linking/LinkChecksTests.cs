using Extractor.Checks;
using Extractor.Linking;
using static Extractor.Tests.Linking.LinkInputs;

using Extractor.Arithmetic;

namespace Extractor.Tests.Linking;

public sealed class LinkChecksTests
{
    private static readonly EntityMap Units = Map("name,key,department\n武汉市江汉区样例服务中心,,江汉区样例局\n武汉市江汉区样例局（本级）,江汉区样例局,江汉区样例局\n");

    private static DocumentFacts Budget(string docId, string name, string[] titles, params (string Code, string Value)[] ys05) =>
        Facts(Doc(docId, name, 2024, "budget", titles, Units),
            [.. ys05.Select(r => F("YS05", r.Code, r.Code.Length == 0 ? "合计" : "x", "合计", r.Value, 3)),
             .. ys05.Select(r => F("YS03", r.Code, r.Code.Length == 0 ? "合计" : "x", "合计", r.Value, 2))]);

    private static readonly DocumentFacts Department = Budget("dept", "武汉市江汉区样例局", DepartmentTitles, ("", "699.90"), ("2070101", "422.00"), ("2070109", "58.00"));
    private static readonly DocumentFacts Base = Budget("base", "武汉市江汉区样例局", UnitTitles, ("", "468.00"), ("2070101", "300.00"));
    private static readonly DocumentFacts Centre = Budget("centre", "武汉市江汉区样例服务中心", UnitTitles, ("", "231.90"), ("2070101", "120.00"), ("2070109", "60.00"));

    [Fact]
    public void A_department_s_figure_that_is_not_the_sum_of_its_units_fails_with_every_document_and_page()
    {
        var declared = Units.DeclaredUnits()["江汉区样例局"];
        var checks = LinkChecks.UnitsSum(Department, [Base, Centre], declared).ToList();
        var ys05 = checks.Where(c => c.Tables.SequenceEqual(["YS05"])).ToList();
        Assert.Equal(["link.units.sum.YS05.total", "link.units.sum.YS05.2070101", "link.units.sum.YS05.2070109"], ys05.Select(c => c.Id));
        Assert.Equal([CheckStatus.Pass, CheckStatus.Fail, CheckStatus.Fail], ys05.Select(c => c.Status));
        var fail = ys05[1];
        Assert.Equal((422.00m, 420.00m, -2.00m), (fail.Expected!.Value, fail.Actual!.Value, fail.Difference!.Value));
        Assert.Equal("dept", fail.Document.DocId);
        Assert.Equal([3], fail.Document.Pages);
        Assert.Equal(["base", "centre"], fail.Others.Select(o => o.DocId));
        // A unit that does not print the code counts 0 and has no page.
        Assert.Equal([[], [3]], ys05[2].Others.Select(o => o.Pages.ToArray()));
        Assert.Contains("300.00 (base) + 120.00 (centre) = 420.00", fail.Message);
    }

    [Fact]
    public void Units_short_of_the_department_s_total_may_be_a_unit_missing_from_the_batch()
    {
        // No units declared: the base unit alone does not make the department's total, so nothing is compared.
        var check = Assert.Single(LinkChecks.UnitsSum(Department, [Base], null));
        Assert.Equal((CheckStatus.Skipped, "link.units.sum"), (check.Status, check.Id));
        Assert.Contains("a unit may be missing", check.Message);
        // Declared, but one declared unit is not there.
        var declared = Assert.Single(LinkChecks.UnitsSum(Department, [Base], Units.DeclaredUnits()["江汉区样例局"]));
        Assert.Equal(CheckStatus.Skipped, declared.Status);
        Assert.Contains("江汉区样例服务中心", declared.Message);
    }

    [Fact]
    public void Units_whose_total_makes_the_department_s_are_all_of_them()
    {
        var department = Budget("dept", "武汉市江汉区样例局", DepartmentTitles, ("", "468.00"), ("2070101", "300.00"));
        var checks = LinkChecks.UnitsSum(department, [Base], null).ToList();
        Assert.Equal(4, checks.Count);
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    private static LinkDocument WithChange(LinkDocument doc, string id, CheckFigure figure, PriorAmount prior) =>
        doc with { Changes = [new NarrativeChange(id, "较上年增加0.90万元，增长21.4%。", [5], figure, prior)] };

    [Fact]
    public void The_previous_year_s_amount_a_change_implies_is_checked_against_the_previous_year_s_document()
    {
        var figure = new CheckFigure("GK09", "决算数", "", "", "合计", 5.10m, 4);
        var previous = Facts(Doc("f23", "江汉区样例服务中心", 2023, "final"), F("GK09", "", "", "合计", "4.60", 4, "决算数"));
        var wrong = Facts(WithChange(Doc("f24", "江汉区样例服务中心", 2024, "final"), "narrative.GK09.total_change", figure, new PriorAmount(4.20m, 0.010m, "上年", null)));
        var check = Assert.Single(LinkChecks.PriorYear(wrong, previous));
        Assert.Equal(("link.prior_year.GK09.total_change", CheckStatus.Fail, 4.60m, 4.20m), (check.Id, check.Status, check.Expected!.Value, check.Actual!.Value));
        Assert.Equal([4, 5], check.Document.Pages);
        Assert.Equal("f23", check.Others[0].DocId);
        Assert.Equal([4], check.Others[0].Pages);
        Assert.Equal("较上年增加0.90万元，增长21.4%。", check.Quote);

        var right = Facts(WithChange(Doc("f24", "江汉区样例服务中心", 2024, "final"), "narrative.GK09.total_change", figure, new PriorAmount(4.60m, 0.010m, "上年", 2023)));
        Assert.Equal(CheckStatus.Pass, Assert.Single(LinkChecks.PriorYear(right, previous)).Status);

        // A change against a budget, or against another year, says nothing about the previous year's final.
        Assert.Empty(LinkChecks.PriorYear(Facts(WithChange(right.Document, "narrative.x_change", figure, new PriorAmount(4.60m, 0.01m, "上年预算", null))), previous));
        Assert.Empty(LinkChecks.PriorYear(Facts(WithChange(right.Document, "narrative.x_change", figure, new PriorAmount(4.60m, 0.01m, "上年", 2021))), previous));

        // The previous year's document without the figure: skipped, saying so.
        var other = new CheckFigure("GK05", "", "", "合计", "小计", 226.90m, 3);
        var skipped = Assert.Single(LinkChecks.PriorYear(Facts(WithChange(right.Document, "narrative.GK05.total_change", other, new PriorAmount(216.40m, 0.01m, "上年", null))), previous));
        Assert.Equal(CheckStatus.Skipped, skipped.Status);
        Assert.Contains("GK05 was not found", skipped.Message);
    }

    [Fact]
    public void The_budget_a_final_prints_is_checked_against_the_budget_document()
    {
        var budget = Facts(Doc("b24", "江汉区样例服务中心", 2024, "budget"),
            F("YS07", "", "", "合计", "6.00", 4, "本年预算数"), F("YS07", "", "", "公务接待费", "2.00", 4, "本年预算数"),
            F("YS07", "", "", "因公出国（境）费", "0.00", 4, "本年预算数"),
            F("YS05", "", "合计", "合计", "231.90", 3), F("YS05", "2070101", "行政运行", "合计", "120.00", 3));
        var final = Facts(Doc("f24", "江汉区样例服务中心", 2024, "final"),
            F("GK09", "", "", "合计", "6.50", 4, "预算数"), F("GK09", "", "", "公务接待费", "2.50", 4, "预算数"),
            F("GK05", "", "合计", "年初预算数", "231.90", 3), F("GK05", "2070101", "行政运行", "年初预算数", "120.00", 3),
            F("GK05", "", "合计", "小计", "226.90", 3));
        var checks = LinkChecks.FinalBudget(final, budget).ToList();
        Assert.Equal(
        [
            ("link.final_budget.GK09.total", CheckStatus.Fail), ("link.final_budget.GK09.abroad", CheckStatus.Pass),
            ("link.final_budget.GK09.reception", CheckStatus.Fail),
            ("link.final_budget.GK05.total", CheckStatus.Pass), ("link.final_budget.GK05.2070101", CheckStatus.Pass),
        ], checks.Select(c => (c.Id, c.Status)));
        Assert.Contains("全年预算数", checks[0].Message);
        Assert.Equal("b24", checks[2].Others[0].DocId);
        Assert.Equal([4], checks[2].Others[0].Pages);
    }
}
