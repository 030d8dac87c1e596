using Extractor.Linking;
using static Extractor.Tests.Linking.LinkInputs;

namespace Extractor.Tests.Linking;

public sealed class LinkerTests
{
    private static Linker.GroupResult LinkAll(params DocumentFacts[] facts)
    {
        var docs = facts.Select(f => f.Document).ToList();
        var links = DocumentLinker.Link(docs);
        return Linker.LinkGroup(docs, facts.ToDictionary(f => f.Document.DocId), links.Links.Where(l => l.Linked).ToLookup(l => l.Document.DocId),
            new Dictionary<string, IReadOnlySet<string>>());
    }

    [Fact]
    public void A_department_s_final_and_its_unit_s_budget_get_execution_lines_but_are_not_checked_against_each_other()
    {
        var budget = Facts(Doc("unit-budget", "上海市普陀区司法局", 2026, "budget", UnitTitles), F("YS07", "", "", "合计", "2.00", 4, "本年预算数"));
        var final = Facts(Doc("dept-final", "上海市普陀区司法局", 2026, "final"),
            F("GK09", "", "", "合计", "3.00", 9, "预算数"), F("GK09", "", "", "合计", "2.50", 9, "决算数"));
        var result = LinkAll(budget, final);
        Assert.Contains(result.Execution, r => r.BudgetSource == ExecutionCalculator.BudgetDocument && r.Name == "合计" && r.Budget == 2.00m);
        Assert.Empty(result.Checks);

        // The same two of one scope are checked: 3.00 printed against 2.00 planned.
        var unitFinal = Facts(Doc("unit-final", "上海市普陀区司法局（本级）", 2026, "final"),
            F("GK09", "", "", "合计", "3.00", 9, "预算数"), F("GK09", "", "", "合计", "2.50", 9, "决算数"));
        Assert.Contains(LinkAll(budget, unitFinal).Checks, c => c.Id == "link.final_budget.GK09.total" && c.Status == "fail");
    }

    [Fact]
    public void Series_lines_are_sorted_by_figure_then_year()
    {
        var older = Facts(Doc("f23", "江汉区融媒体中心", 2023, "final"), F("GK05", "", "合计", "小计", "918.48"), F("GK05", "207", "文化旅游体育与传媒支出", "小计", "700.00"));
        var newer = Facts(Doc("f24", "江汉区融媒体中心", 2024, "final"), F("GK05", "", "合计", "小计", "652.66"), F("GK05", "207", "文化旅游体育与传媒支出", "小计", "466.39"));
        var series = LinkAll(newer, older).Series;
        Assert.Equal([("", 2023, 918.48m), ("", 2024, 652.66m), ("207", 2023, 700.00m), ("207", 2024, 466.39m)],
            series.Select(s => (s.Code, s.Year, s.Value)));
    }
}
