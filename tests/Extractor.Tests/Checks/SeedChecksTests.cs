using Extractor.Checks;
using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

/// <summary>
/// The checks on the seed document as its fixture PDFs come out of the whole pipeline: the real contradiction (the
/// narrative's “三公” budget of 3 万元 against GK09's 0.87) fails, and the GK06 rounding gaps only warn.
/// </summary>
public sealed class SeedChecksTests
{
    public static TheoryData<string> SeedFixtures => new() { "seed-calc", "seed-html" };

    private static readonly Dictionary<string, IReadOnlyList<CheckResult>> Results = new();

    private static IReadOnlyList<CheckResult> Checks(string fixture)
    {
        lock (Results)
        {
            if (!Results.TryGetValue(fixture, out var checks))
            {
                var path = Path.Combine(TestPaths.Fixtures, fixture, fixture + ".pdf");
                checks = DocumentExtractor.Default.Extract(File.ReadAllBytes(path), path).Checks;
                Results[fixture] = checks;
            }
            return checks;
        }
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void The_three_public_expenses_budget_of_the_narrative_fails_against_the_table(string fixture)
    {
        var check = CheckTables.Single(Checks(fixture), "narrative.GK09.total_budget");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal(0.87m, check.Expected);
        Assert.Equal(3m, check.Actual);
        Assert.Equal(["GK09"], check.Tables);
        Assert.Contains("全年预算为3万元", check.Quote);
        Assert.Contains(10, check.Pages); // GK09
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void The_basic_expenditure_rounding_gaps_warn(string fixture)
    {
        var checks = Checks(fixture);
        var salaries = CheckTables.Single(checks, "GK06.hierarchy.301");
        Assert.Equal(CheckStatus.Warn, salaries.Status);
        Assert.Equal(486.97m, salaries.Expected);
        Assert.Equal(486.99m, salaries.Actual);

        var personnel = CheckTables.Single(checks, "GK06.section.personnel");
        Assert.Equal(CheckStatus.Warn, personnel.Status);
        Assert.Equal(536.16m, personnel.Expected);
        Assert.Equal(536.15m, personnel.Actual);
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void The_only_failures_are_the_budget_the_narrative_states_twice(string fixture)
    {
        var checks = Checks(fixture);
        // "“三公”经费…全年预算为3万元" and "公务用车购置及运行费全年预算为3万元": GK09 prints 0.87 for both.
        Assert.Equal(["narrative.GK09.total_budget", "narrative.GK09.vehicles_budget"],
            checks.Where(c => c.Status == CheckStatus.Fail).Select(c => c.Id).Order());
        Assert.DoesNotContain(checks, c => c.Status == CheckStatus.Skipped);
        Assert.Equal(checks.Count, checks.Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void Statements_the_tables_bear_out_pass(string fixture)
    {
        var checks = Checks(fixture);
        foreach (var id in new[]
        {
            "narrative.GK03.basic_share", "narrative.GK05.class_share.207", "narrative.GK05.item_completion.2070808",
            "narrative.GK09.total", "narrative.GK06.personnel", "narrative.GK07.none", "narrative.GK08.none",
            "GK01.balance", "GK01-GK03.total", "GK05-GK06.basic", "GK06-GK09.vehicle_running",
        })
        {
            Assert.Equal(CheckStatus.Pass, CheckTables.Single(checks, id).Status);
        }
    }
}
