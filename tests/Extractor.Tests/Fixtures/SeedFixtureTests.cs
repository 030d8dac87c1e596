using Extractor.Rows;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// Every fixture PDF of the seed document against the facts written from the document:
/// all expected facts found with exact values, on the right page, and no others.
/// </summary>
public sealed class SeedFixtureTests
{
    /// <summary>
    /// The seed document made by real producers in every layout the fixtures cover: Calc and
    /// Chromium grids, rule-less and 三线表 tables, tables split over pages, wrapped names, pages
    /// turned with /Rotate, amounts in 元 (fixtures/README.md says how each was made).
    /// </summary>
    public static TheoryData<string> SeedFixtures => new()
    {
        "seed-calc", "seed-html", "seed-ruleless", "seed-threeline", "seed-split", "seed-wrapped", "seed-rotated", "seed-yuan",
    };

    private static readonly Lazy<IReadOnlyList<ExpectedFact>> Seed =
        new(() => ExpectedFact.Load(Path.Combine(TestPaths.Fixtures, "expected", "seed-facts.csv")));

    private static readonly Lazy<IReadOnlyList<ExpectedFact>> SeedInYuan =
        new(() => ExpectedFact.Load(Path.Combine(TestPaths.Fixtures, "expected", "seed-yuan-facts.csv")));

    /// <summary>The expected facts of a fixture: the seed's, in 元 for the fixture that prints 元.</summary>
    private static IReadOnlyList<ExpectedFact> ExpectedFor(string fixture) => fixture == "seed-yuan" ? SeedInYuan.Value : Seed.Value;

    private static DocumentResult Extract(string fixture) => FixtureDocuments.Extract(fixture);

    [Fact]
    public void Expected_facts_file_is_plain_csv_with_every_table_that_has_amounts()
    {
        foreach (var file in new[] { "seed-facts.csv", "seed-yuan-facts.csv" })
        {
            Assert.DoesNotContain("\"", File.ReadAllText(Path.Combine(TestPaths.Fixtures, "expected", file)));
        }
        Assert.Equal(177, Seed.Value.Count);
        Assert.Equal(["GK01", "GK02", "GK03", "GK04", "GK05", "GK06", "GK09"], Seed.Value.Select(f => f.Table).Distinct().Order());
        // The 元 version is the same facts with every value times 10 000.
        Assert.Equal(Seed.Value.Select(f => (f.Key, f.Value * 10000m)), SeedInYuan.Value.Select(f => (f.Key, f.Value)));
        Assert.All(SeedInYuan.Value, f => Assert.Equal("元", f.Unit));
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void Every_expected_fact_is_found_with_its_exact_value_and_no_other(string fixture)
    {
        var facts = Fact.Of(Extract(fixture)).ToList();
        var expected = ExpectedFor(fixture).ToDictionary(f => f.Key);
        var actual = facts.GroupBy(f => (f.Table, f.Section, f.LineNo, f.CodePrinted, f.NamePrinted, f.Column)).ToList();

        Assert.All(actual, g => Assert.Single(g));
        var missing = expected.Keys.Except(actual.Select(g => g.Key)).ToList();
        var extra = actual.Select(g => g.Key).Except(expected.Keys).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join("; ", missing));
        Assert.True(extra.Count == 0, "extra: " + string.Join("; ", extra));
        foreach (var fact in facts)
        {
            var want = expected[(fact.Table, fact.Section, fact.LineNo, fact.CodePrinted, fact.NamePrinted, fact.Column)];
            Assert.Equal(want.Value, fact.Value);
            // Exact as printed: 72.00 keeps its two decimals.
            Assert.Equal(want.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), fact.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(want.Unit, fact.Unit);
        }
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void Each_fact_carries_the_page_its_table_is_printed_on(string fixture)
    {
        var pages = ExpectedFact.LoadPages(Path.Combine(TestPaths.Fixtures, fixture, "pages.csv"));
        var facts = Fact.Of(Extract(fixture)).ToList();
        foreach (var fact in facts)
        {
            Assert.Contains(fact.Page, pages[fact.Table]);
        }
        // A table printed over two pages yields facts from both.
        foreach (var (table, printed) in pages.Where(p => p.Value.Count > 1))
        {
            Assert.Equal(printed, facts.Where(f => f.Table == table).Select(f => f.Page).Distinct().Order());
        }
    }

    /// <summary>
    /// The fixtures print the seed's codes as the seed does (GK02 cut to 6 digits, GK06 to 4, one
    /// GK06 name cut short): every row must still get the full code and name written by hand, with
    /// the evidence that gives it: GK03/GK05 of the same document for GK02, the catalog for GK06.
    /// </summary>
    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void Every_row_gets_its_full_code_and_name_from_the_right_evidence(string fixture)
    {
        var byKey = ExpectedFor(fixture).ToDictionary(f => f.Key);
        var facts = Fact.Of(Extract(fixture)).ToList();
        Assert.Equal(byKey.Count, facts.Count);
        foreach (var fact in facts)
        {
            var want = byKey[(fact.Table, fact.Section, fact.LineNo, fact.CodePrinted, fact.NamePrinted, fact.Column)];
            Assert.Equal((want.Code, want.CodeLevel, want.Name), (fact.Code, fact.CodeLevel, fact.Name));
            var evidence = want.Code.Length == 0 ? ""
                : want.Code == want.CodePrinted && want.Name == NameCleaner.Clean(want.NamePrinted) ? "none"
                : fact.Table == "GK02" ? "document"
                : "catalog";
            Assert.True(evidence == fact.CodeRepair, $"{fact.Table} {fact.CodePrinted} {fact.NamePrinted}: {fact.CodeRepair}, expected {evidence}");
        }
        Assert.Equal(10, facts.Where(f => f.CodeRepair == "document").Select(f => (f.Table, f.Name)).Distinct().Count());
        Assert.DoesNotContain(facts, f => f.CodeRepair == "unresolved");
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void Finds_all_nine_tables_with_their_printed_labels_and_the_document_metadata(string fixture)
    {
        var result = Extract(fixture);
        Assert.Equal(["GK01", "GK02", "GK03", "GK04", "GK05", "GK06", "GK07", "GK08", "GK09"], result.TemplateTables.Select(t => t.Id).Order());
        Assert.Empty(result.MissingTables);
        Assert.Equal("公开01表", result.Tables.Single(t => t.Id == "GK01").Source.Label);
        Assert.Equal("公开09表", result.Tables.Single(t => t.Id == "GK09").Source.Label);
        Assert.Contains("财政拨款收入支出决算总表", result.Tables.Single(t => t.Id == "GK04").Source.Title);
        Assert.Equal(("武汉市江汉区融媒体中心", "2024", "final", "2025-10-31", fixture == "seed-yuan" ? "元" : "万元"),
            (result.Metadata.Department, result.Metadata.Year, result.Metadata.Kind, result.Metadata.Published, result.Metadata.Unit));
        // Tables drawn without vertical rules are read from their text alignment, the others from their rules.
        var method = fixture is "seed-ruleless" or "seed-threeline" ? "stream" : "lattice";
        Assert.All(result.TemplateTables, t => Assert.Equal(method, t.Source.Method));
        Assert.All(result.TemplateTables, t => Assert.InRange(t.Source.Confidence, 0.95, 1.0));
    }

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void Empty_fund_tables_are_found_but_give_no_facts(string fixture)
    {
        var result = Extract(fixture);
        foreach (var id in new[] { "GK07", "GK08" })
        {
            var table = result.Tables.Single(t => t.Id == id);
            Assert.Empty(table.Rows.SelectMany(r => r.Values));
        }
    }
}
