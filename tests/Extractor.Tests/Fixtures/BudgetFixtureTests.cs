using System.Globalization;
using Extractor.Rows;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// The national budget template (国家信访局 2026 部门预算, its nine tables transcribed into LibreOffice
/// Calc) against the facts written from the original PDF by an independent script.
/// </summary>
public sealed class BudgetFixtureTests
{
    private static readonly Lazy<DocumentResult> Result = new(() =>
    {
        var path = Path.Combine(TestPaths.Fixtures, "budget-national", "budget-national.pdf");
        return DocumentExtractor.Default.Extract(File.ReadAllBytes(path), path);
    });

    private static readonly Lazy<IReadOnlyList<ExpectedFact>> Expected =
        new(() => ExpectedFact.Load(Path.Combine(TestPaths.Fixtures, "expected", "budget-national-facts.csv")));

    [Fact]
    public void Every_expected_fact_is_found_with_its_exact_value_and_unit_and_no_other()
    {
        // 收入 of 财政拨款收支总表 prints one item twice under two headings, so facts are compared as a multiset.
        static string Key(string table, string section, string line, string code, string name, string column, decimal value, string unit) =>
            string.Join("|", table, section, line, code, name, column, value.ToString(CultureInfo.InvariantCulture), unit);
        var expected = Expected.Value.Select(f => Key(f.Table, f.Section, f.LineNo, f.CodePrinted, f.NamePrinted, f.Column, f.Value, f.Unit)).Order().ToList();
        var actual = Fact.Of(Result.Value).Select(f => Key(f.Table, f.Section, f.LineNo, f.CodePrinted, f.NamePrinted, f.Column, f.Value, f.Unit)).Order().ToList();
        Assert.Equal(389, expected.Count);
        var missing = expected.ToList();
        foreach (var a in actual) missing.Remove(a);
        var extra = actual.ToList();
        foreach (var e in expected) extra.Remove(e);
        Assert.True(missing.Count == 0, "missing: " + string.Join("; ", missing.Take(10)));
        Assert.True(extra.Count == 0, "extra: " + string.Join("; ", extra.Take(10)));
    }

    [Fact]
    public void Reads_a_budget_with_the_national_budget_tables_and_its_percent_columns()
    {
        var result = Result.Value;
        Assert.Equal(("budget", "2026", "国家信访局"), (result.Metadata.Kind, result.Metadata.Year, result.Metadata.Department));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"YS{i:00}"), result.TemplateTables.Select(t => t.Id).Order());
        Assert.Empty(result.MissingTables);
        // Shares printed with % are facts in %, not amounts in 万元.
        var percents = Fact.Of(result).Where(f => f.Unit == "%").ToList();
        Assert.Equal(52, percents.Count);
        Assert.All(percents, f => Assert.Equal("YS05", f.Table));
    }

    [Fact]
    public void Each_fact_carries_a_page_its_table_is_printed_on()
    {
        var pages = ExpectedFact.LoadPages(Path.Combine(TestPaths.Fixtures, "budget-national", "pages.csv"));
        Assert.All(Fact.Of(Result.Value), f => Assert.Contains(f.Page, pages[f.Table]));
    }
}
