using System.Globalization;
using Extractor.Arithmetic;
using Extractor.Rows;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// Disclosures of our own made by real producers for the layouts real reports print (fixtures/README.md says how
/// each was made): final accounts with Calc's overflowing header labels, a code column that clips 7-digit codes and a
/// three-panel GK06 of cut codes (final-overflow); a 三线表 with 类 款 项 over whole codes (final-ruleless); a regional
/// budget with split code columns, a “三公” table keyed by unit and a title on the page before its table
/// (budget-regional); three tables of a budget whose “三公” table is keyed by year, the unit merged down over its year
/// rows (budget-years); a Chromium budget with a table over two pages and a “三公” list (budget-writer). Each against
/// the facts an independent script wrote from the numbers the document was made from.
/// </summary>
public sealed class LayoutFixtureTests
{
    private static DocumentResult Extract(string fixture) => FixtureDocuments.Extract(fixture);

    private static IReadOnlyList<ExpectedFact> Expected(string fixture) =>
        ExpectedFact.Load(Path.Combine(TestPaths.Fixtures, "expected", fixture + "-facts.csv"));

    /// <summary>Everything a fact says, the value as printed (72.00 keeps its zeros).</summary>
    private static string Key(string table, string section, string line, string codePrinted, string namePrinted, string column,
        string code, string level, string name, decimal value, string unit) =>
        string.Join("|", table, section, line, codePrinted, namePrinted, column, code, level, name,
            value.ToString(CultureInfo.InvariantCulture), unit);

    private static List<string> ExpectedKeys(string fixture, string? table = null) =>
        Expected(fixture).Where(f => table is null || f.Table == table)
            .Select(f => Key(f.Table, f.Section, f.LineNo, f.CodePrinted, f.NamePrinted, f.Column, f.Code, f.CodeLevel, f.Name, f.Value, f.Unit))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> ActualKeys(string fixture, string? table = null) =>
        Fact.Of(Extract(fixture)).Where(f => table is null || f.Table == table)
            .Select(f => Key(f.Table, f.Section, f.LineNo, f.CodePrinted, f.NamePrinted, f.Column, f.Code, f.CodeLevel, f.Name, f.Value, f.Unit))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Expected and actual as multisets: what is missing and what is extra.</summary>
    private static void AssertSameFacts(List<string> expected, List<string> actual)
    {
        var missing = expected.ToList();
        foreach (var a in actual) missing.Remove(a);
        var extra = actual.ToList();
        foreach (var e in expected) extra.Remove(e);
        Assert.True(missing.Count == 0, $"missing {missing.Count}: " + string.Join("; ", missing.Take(8)));
        Assert.True(extra.Count == 0, $"extra {extra.Count}: " + string.Join("; ", extra.Take(8)));
    }

    [Theory]
    [InlineData("final-overflow", 210)]
    [InlineData("final-ruleless", 208)]
    [InlineData("budget-regional", 256)]
    [InlineData("budget-years", 78)]
    [InlineData("budget-writer", 235)]
    public void Expected_facts_files_are_plain_csv_with_one_row_per_printed_amount(string fixture, int rows)
    {
        var path = Path.Combine(TestPaths.Fixtures, "expected", fixture + "-facts.csv");
        Assert.DoesNotContain("\"", File.ReadAllText(path));
        var facts = Expected(fixture);
        Assert.Equal(rows, facts.Count);
        Assert.All(facts, f => Assert.Equal(f.Code.Length == 0, f.CodeLevel.Length == 0));
        // A printed code is the full code or a part of it: cut at the end (204060, 3010) or, in a split code
        // column's 款 row, its own two digits (03 of 21303).
        Assert.All(facts, f => Assert.True(f.Code.StartsWith(f.CodePrinted, StringComparison.Ordinal)
                                           || f.Code.EndsWith(f.CodePrinted, StringComparison.Ordinal), f.Code + " " + f.CodePrinted));
    }

    [Theory]
    [InlineData("final-ruleless")]
    [InlineData("budget-writer")]
    [InlineData("budget-regional")]
    [InlineData("budget-years")]
    [InlineData("final-overflow")]
    public void Every_expected_fact_is_found_with_its_value_code_and_name_and_no_other(string fixture) =>
        AssertSameFacts(ExpectedKeys(fixture), ActualKeys(fixture));

    /// <summary>Table by table, so that what the reader gets right stays tested where another table of the document fails.</summary>
    [Theory]
    [InlineData("final-overflow", "GK01")]
    [InlineData("final-overflow", "GK02")]
    [InlineData("final-overflow", "GK03")]
    [InlineData("final-overflow", "GK04")]
    [InlineData("final-overflow", "GK05")]
    [InlineData("final-overflow", "GK06")]
    [InlineData("final-overflow", "GK07")]
    [InlineData("final-overflow", "GK08")]
    [InlineData("final-overflow", "GK09")]
    [InlineData("final-ruleless", "GK02")]
    [InlineData("final-ruleless", "GK06")]
    [InlineData("budget-regional", "YS01")]
    [InlineData("budget-regional", "YS02")]
    [InlineData("budget-regional", "YS03")]
    [InlineData("budget-regional", "YS04")]
    [InlineData("budget-regional", "YS05")]
    [InlineData("budget-regional", "YS06")]
    [InlineData("budget-regional", "YS07")]
    [InlineData("budget-regional", "YS08")]
    [InlineData("budget-regional", "YS09")]
    [InlineData("budget-years", "YS01")]
    [InlineData("budget-years", "YS06")]
    [InlineData("budget-years", "YS07")]
    [InlineData("budget-writer", "YS02")]
    [InlineData("budget-writer", "YS06")]
    [InlineData("budget-writer", "YS07")]
    public void Each_table_gives_exactly_its_expected_facts(string fixture, string table) =>
        AssertSameFacts(ExpectedKeys(fixture, table), ActualKeys(fixture, table));

    /// <summary>
    /// budget-regional's 表7 keyed by unit (合计 / the department / its two units under 单位名称): each row keeps its unit
    /// as its name, in the section of the document's year.
    /// </summary>
    [Fact]
    public void A_sangong_table_keyed_by_unit_keeps_one_row_per_unit()
    {
        var ys07 = Fact.Of(Extract("budget-regional")).Where(f => f.Table == "YS07").ToList();
        Assert.Equal(18, ys07.Count);
        Assert.All(ys07, f => Assert.Equal("本年预算数", f.Section));
        string[] rows = ["合计", "湘潭市水利局", "湘潭市河道事务中心", "湘潭市水旱灾害防御事务中心"];
        Assert.Equal(rows.Order(StringComparer.Ordinal), ys07.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// budget-years' “三公” table keyed by year (预算单位 | 年度, rows 2025年 / 2026年 / 增减变化金额): the unit's name is
    /// merged down over the three rows and printed level with 2026年 only, yet every row carries it; each row's year gives
    /// its section, and the 增减 row keeps its negative changes.
    /// </summary>
    [Fact]
    public void A_sangong_table_keyed_by_year_gives_each_year_row_its_section_and_the_merged_unit_name()
    {
        var ys07 = Fact.Of(Extract("budget-years")).Where(f => f.Table == "YS07").ToList();
        Assert.Equal(16, ys07.Count);
        Assert.All(ys07, f => Assert.Equal("江门市统计局（本级）", f.Name));
        Assert.Equal([("上年预算数", 5), ("增减", 6), ("本年预算数", 5)],
            ys07.GroupBy(f => f.Section).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        decimal Value(string section, string column) => ys07.Single(f => f.Section == section && f.Column == column).Value;
        Assert.Equal((12.70m, 30.30m, 17.60m), (Value("上年预算数", "合计"), Value("本年预算数", "合计"), Value("增减", "合计")));
        Assert.Equal((3.50m, -3.50m), (Value("上年预算数", "因公出国（境）费"), Value("增减", "因公出国（境）费")));
        Assert.DoesNotContain(ys07, f => f.Section == "本年预算数" && f.Column == "因公出国（境）费");
    }

    [Theory]
    [InlineData("final-overflow")]
    [InlineData("final-ruleless")]
    [InlineData("budget-writer")]
    [InlineData("budget-regional")]
    [InlineData("budget-years")]
    public void Each_fact_carries_a_page_its_table_is_printed_on_and_every_page_of_a_table_gives_facts(string fixture)
    {
        var pages = ExpectedFact.LoadPages(Path.Combine(TestPaths.Fixtures, fixture, "pages.csv"));
        var facts = Fact.Of(Extract(fixture)).ToList();
        Assert.All(facts, f => Assert.Contains(f.Page, pages[f.Table]));
        foreach (var (table, printed) in pages.Where(p => p.Value.Count > 1))
        {
            Assert.Equal(printed, facts.Where(f => f.Table == table).Select(f => f.Page).Distinct().Order());
        }
    }

    [Theory]
    [InlineData("final-overflow", "黄石市西塞山区司法局", "2023", "2024-09-20")]
    [InlineData("final-ruleless", "咸宁市咸安区统计局", "2022", "2023-09-15")]
    public void Final_accounts_are_read_whole_with_their_metadata(string fixture, string department, string year, string published)
    {
        var result = Extract(fixture);
        Assert.Equal((department, year, "final", published, "万元"),
            (result.Metadata.Department, result.Metadata.Year, result.Metadata.Kind, result.Metadata.Published, result.Metadata.Unit));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"GK{i:00}"), result.TemplateTables.Select(t => t.Id).Order());
        Assert.Empty(result.MissingTables);
        Assert.Equal("ok", result.Status);
    }

    /// <summary>The two final-accounts documents are consistent by construction: no check may fail.</summary>
    [Theory]
    [InlineData("final-ruleless")]
    [InlineData("final-overflow")]
    public void A_consistent_final_account_fails_no_check(string fixture)
    {
        var failed = Extract(fixture).Checks.Where(c => c.Status == CheckStatus.Fail).Select(c => $"{c.Id}: {c.Message}").ToList();
        Assert.True(failed.Count == 0, string.Join("; ", failed));
    }

    /// <summary>
    /// final-overflow's GK02 code column is too narrow for 7 digits: Calc draws six (204060 for 2040601 …) and the
    /// text layer holds no more. Each row must get its full code from GK03/GK05 of the same document, which print it.
    /// </summary>
    [Fact]
    public void Codes_clipped_by_their_column_are_repaired_from_the_same_document()
    {
        var gk02 = Fact.Of(Extract("final-overflow")).Where(f => f.Table == "GK02" && f.Code.Length == 7).ToList();
        Assert.Equal(26, gk02.Count);
        Assert.All(gk02, f =>
        {
            Assert.Equal(6, f.CodePrinted.Length);
            Assert.StartsWith(f.CodePrinted, f.Code, StringComparison.Ordinal);
            Assert.Equal("document", f.CodeRepair);
        });
    }

    [Theory]
    [InlineData("budget-writer", "龙岩市生态环境局")]
    [InlineData("budget-regional", "湘潭市水利局")]
    [InlineData("budget-years", "江门市统计局")]
    public void Budgets_are_read_with_their_metadata(string fixture, string department)
    {
        var result = Extract(fixture);
        Assert.Equal(("budget", "2026", department), (result.Metadata.Kind, result.Metadata.Year, result.Metadata.Department));
    }

    [Theory]
    [InlineData("budget-writer")]
    [InlineData("budget-regional")]
    public void Budgets_have_all_nine_national_tables(string fixture)
    {
        var result = Extract(fixture);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"YS{i:00}"), result.TemplateTables.Select(t => t.Id).Distinct().Order());
        Assert.Empty(result.MissingTables);
        Assert.Equal("ok", result.Status);
    }

    /// <summary>
    /// budget-years prints three of the nine tables (收支总表, 一般公共预算基本支出表, the “三公” keyed by year): it is read
    /// as a partial budget that names the six it lacks.
    /// </summary>
    [Fact]
    public void A_budget_of_three_tables_is_partial_and_names_the_tables_it_lacks()
    {
        var result = Extract("budget-years");
        Assert.Equal(["YS01", "YS06", "YS07"], result.TemplateTables.Select(t => t.Id).Distinct().Order());
        Assert.Equal(["YS02", "YS03", "YS04", "YS05", "YS08", "YS09"], result.MissingTables.Order());
        Assert.Equal("partial", result.Status);
    }

    /// <summary>A “三公” table printed as a list (项目 | 预算数) is one row of facts; its printed 0.00 is a fact, not a blank.</summary>
    [Fact]
    public void A_sangong_list_becomes_one_row_and_keeps_its_printed_zero()
    {
        var ys07 = Fact.Of(Extract("budget-writer")).Where(f => f.Table == "YS07").ToList();
        Assert.Equal(6, ys07.Count);
        Assert.All(ys07, f => Assert.Equal(("本年预算数", ""), (f.Section, f.Name)));
        Assert.Equal("0.00", ys07.Single(f => f.Column == "因公出国（境）费").Value.ToString(CultureInfo.InvariantCulture));
    }
}
