using Extractor.Batch;
using Extractor.Checks;
using Extractor.Linking;
using Extractor.Tests.Batch;

using Extractor.Arithmetic;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// fixtures/link-unit: a synthetic unit's budget and final accounts for 2023 and 2024, its department's 2024 budget and
/// the department's own (本级) unit budget, made with LibreOffice from committed sources, with one injected disagreement
/// of each cross-document kind. Converted once, then linked as a user would: <c>extractor link OUT --entities FILE</c>.
/// </summary>
public sealed class LinkFixtureTests : IDisposable
{
    private static readonly string Folder = Path.Combine(TestPaths.Fixtures, "link-unit");
    private static readonly string Entities = Path.Combine(Folder, "entities.csv");

    /// <summary>The six documents converted into one output folder (documents.csv written with the fixture's mapping).</summary>
    private static readonly Lazy<string> Converted = new(() => Convert(Directory.GetFiles(Folder, "*.pdf").Order(StringComparer.Ordinal).ToList()));

    private readonly string _work = Path.Combine(Path.GetTempPath(), "link-fixture-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    private static string Convert(IReadOnlyList<string> pdfs)
    {
        var output = Path.Combine(Path.GetTempPath(), "link-fixture-out-" + Guid.NewGuid().ToString("N"));
        new BatchRunner(DocumentExtractor.Default).Run(pdfs, new BatchOptions
        {
            OutputDirectory = output, MaxParallelism = 2, Entities = EntityMap.Read(Entities), Reproducible = true,
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(output, true); } catch (IOException) { } };
        return output;
    }

    private (Linker.Summary Summary, string Out) Link(IReadOnlyList<string> roots, bool mapping = true)
    {
        var output = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        return (Linker.Run(roots, output, mapping ? EntityMap.Read(Entities) : null), output);
    }

    /// <summary>A doc_id without its hash: the fixture's file name.</summary>
    private static string File(string docId) => docId[..docId.LastIndexOf('-')];

    private static List<Dictionary<string, string>> Csv(string path) => BatchFixtures.ReadCsv(path);

    [Fact]
    public void Documents_csv_says_who_published_each_document_and_what_it_covers()
    {
        var rows = Csv(Path.Combine(Converted.Value, "documents.csv")).ToDictionary(r => File(r["doc_id"]), r => (r["entity_key"], r["entity_kind"]));
        Assert.Equal(("江汉区样例局", "部门预算"), rows["dept-budget-2024"]);
        Assert.Equal(("江汉区样例局", "单位预算"), rows["base-budget-2024"]);
        Assert.Equal(("江汉区样例服务中心", "单位预算"), rows["unit-budget-2024"]);
        // The finals' titles say neither; the mapping puts the centre under the department: a unit's final accounts.
        Assert.Equal(("江汉区样例服务中心", "单位决算"), rows["unit-final-2023"]);
    }

    [Fact]
    public void The_right_documents_are_linked_and_why()
    {
        var (_, output) = Link([Converted.Value]);
        var links = Csv(Path.Combine(output, LinkWriter.LinksFile))
            .Select(r => (r["status"], r["relation"], File(r["doc_id"]), r["other_doc_id"].Length == 0 ? "" : File(r["other_doc_id"]))).ToList();
        Assert.Equal(
        [
            ("linked", LinkRelation.BudgetFinal, "unit-final-2023", "unit-budget-2023"),
            ("linked", LinkRelation.BudgetFinal, "unit-final-2024", "unit-budget-2024"),
            ("linked", LinkRelation.PreviousYear, "unit-budget-2024", "unit-budget-2023"),
            ("linked", LinkRelation.PreviousYear, "unit-final-2024", "unit-final-2023"),
            ("linked", LinkRelation.DepartmentUnit, "dept-budget-2024", "base-budget-2024"),
            ("linked", LinkRelation.DepartmentUnit, "dept-budget-2024", "unit-budget-2024"),
            // The unit's 2023 documents and 2024 final have no department document of their year and kind.
            ("near_miss", LinkRelation.UnitWithoutDepartment, "unit-budget-2023", "base-budget-2024"),
            ("near_miss", LinkRelation.UnitWithoutDepartment, "unit-final-2023", "base-budget-2024"),
            ("near_miss", LinkRelation.UnitWithoutDepartment, "unit-final-2024", "base-budget-2024"),
        ], links);
    }

    [Fact]
    public void Each_injected_disagreement_fails_on_its_pages_and_every_other_check_passes()
    {
        var (summary, _) = Link([Converted.Value]);
        var pages = System.IO.File.ReadAllLines(Path.Combine(Folder, "pages.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(p => (p[0], p[1]), p => int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture));
        var failed = summary.Checks.Where(c => c.Status != CheckStatus.Pass)
            .Select(c => (c.Id, c.Status, File(c.Document.DocId), string.Join(" ", c.Document.Pages), string.Join(";", c.Others.Select(o => File(o.DocId) + ":" + string.Join(" ", o.Pages)))))
            .ToList();
        Assert.Equal(
        [
            // 1. 2.00 moved between two 项 of the department's YS05; its units print 300.00 + 120.00 and 60.00.
            ("link.units.sum.YS05.2070101", CheckStatus.Fail, "dept-budget-2024", $"{pages[("dept-budget-2024", "YS05")]}",
                $"base-budget-2024:{pages[("base-budget-2024", "YS05")]};unit-budget-2024:{pages[("unit-budget-2024", "YS05")]}"),
            ("link.units.sum.YS05.2070109", CheckStatus.Fail, "dept-budget-2024", $"{pages[("dept-budget-2024", "YS05")]}",
                $"base-budget-2024:;unit-budget-2024:{pages[("unit-budget-2024", "YS05")]}"),
            // 2. "较上年增加 0.90 万元" from 5.10 implies 4.20; the 2023 final prints 4.60 (the narrative is on the last page).
            ("link.prior_year.GK09.total_change", CheckStatus.Fail, "unit-final-2024", $"{pages[("unit-final-2024", "GK09")]} 5",
                $"unit-final-2023:{pages[("unit-final-2023", "GK09")]}"),
            // 3. GK09 预算数 公务接待费 2.50 (合计 6.50) where the budget's YS07 prints 2.00 (6.00).
            ("link.final_budget.GK09.total", CheckStatus.Fail, "unit-final-2024", $"{pages[("unit-final-2024", "GK09")]}",
                $"unit-budget-2024:{pages[("unit-budget-2024", "YS07")]}"),
            ("link.final_budget.GK09.reception", CheckStatus.Fail, "unit-final-2024", $"{pages[("unit-final-2024", "GK09")]}",
                $"unit-budget-2024:{pages[("unit-budget-2024", "YS07")]}"),
        ], failed);
        var prior = summary.Checks.Single(c => c.Id == "link.prior_year.GK09.total_change");
        Assert.Equal((4.60m, 4.20m), (prior.Expected!.Value, prior.Actual!.Value));
        Assert.StartsWith("较上年增加0.90万元", prior.Quote);

        // The checks that pass cover every family: the department's YS03 and YS07 and the rest of YS05, the narrative's
        // other change (GK05 合计 216.40 in 2023), and the 2023 final's budget.
        var passed = summary.Checks.Where(c => c.Status == CheckStatus.Pass).Select(c => c.Id).ToHashSet();
        Assert.Contains("link.units.sum.YS03.2070101", passed);
        Assert.Contains("link.units.sum.YS05.total", passed);
        Assert.Contains("link.units.sum.YS07.total", passed);
        Assert.Contains("link.prior_year.GK05.total_change", passed);
        Assert.Equal(6, summary.Checks.Count(c => c.Id.StartsWith("link.final_budget.GK09.", StringComparison.Ordinal) && c.Year == 2023 && c.Status == CheckStatus.Pass));
    }

    [Fact]
    public void Execution_rates_are_those_written_from_the_source_numbers()
    {
        var (_, output) = Link([Converted.Value]);
        string[] columns = ["entity_key", "year", "measure", "code", "code_level", "name", "budget", "final", "rate", "presence", "budget_source"];
        static string Line(Dictionary<string, string> r, string[] cs) => string.Join(",", cs.Select(c => r[c]));
        var expected = Csv(Path.Combine(TestPaths.Fixtures, "expected", "link-unit-execution.csv")).Select(r => Line(r, columns)).Order(StringComparer.Ordinal).ToList();
        var actual = Csv(Path.Combine(output, LinkWriter.ExecutionFile)).Select(r => Line(r, columns)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(80, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_clean_pair_raises_no_failure()
    {
        var clean = Convert([Path.Combine(Folder, "unit-budget-2023.pdf"), Path.Combine(Folder, "unit-final-2023.pdf")]);
        try
        {
            var (summary, output) = Link([clean]);
            Assert.Equal(1, summary.Links);
            Assert.NotEmpty(summary.Checks);
            Assert.All(summary.Checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
            Assert.Contains("0 failed, 0 within rounding, 0 skipped", System.IO.File.ReadAllText(Path.Combine(output, LinkWriter.ReportFile)));
        }
        finally
        {
            Directory.Delete(clean, recursive: true);
        }
    }

    [Fact]
    public void Without_the_mapping_the_centre_is_no_unit_of_the_department_and_the_sum_is_not_compared()
    {
        var (summary, output) = Link([Converted.Value], mapping: false);
        var units = Csv(Path.Combine(output, LinkWriter.LinksFile)).Where(r => r["relation"] == LinkRelation.DepartmentUnit).Select(r => File(r["other_doc_id"])).ToList();
        Assert.Equal(["base-budget-2024"], units);
        var sum = Assert.Single(summary.Checks, c => c.Id.StartsWith("link.units.sum", StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Skipped, sum.Status);
        Assert.Contains("a unit may be missing", sum.Message);
    }

    [Fact]
    public void Series_have_one_line_a_year_per_figure()
    {
        var (_, output) = Link([Converted.Value]);
        var total = Csv(Path.Combine(output, LinkWriter.SeriesFile))
            .Where(r => r["entity_key"] == "江汉区样例服务中心" && r["table"] == "GK05" && r["code"] == "" && r["column"] == "小计")
            .Select(r => (r["year"], r["value"], r["kind"], r["scope"])).ToList();
        Assert.Equal([("2023", "216.40", "final", "单位"), ("2024", "226.90", "final", "单位")], total);
    }

    [Fact]
    public void Shard_folders_linked_together_give_what_their_merge_gives()
    {
        var merged = Converted.Value;
        var shards = new[] { Path.Combine(_work, "shard-0"), Path.Combine(_work, "shard-1") };
        var lines = System.IO.File.ReadAllLines(Path.Combine(merged, "documents.csv"));
        for (var s = 0; s < 2; s++)
        {
            Directory.CreateDirectory(shards[s]);
            var mine = lines.Skip(1).Where((_, i) => i % 2 == s).ToList();
            System.IO.File.WriteAllLines(Path.Combine(shards[s], "documents.csv"), [lines[0], .. mine]);
            foreach (var docId in mine.Select(l => l[..l.IndexOf(',')]))
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(merged, docId), "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(shards[s], docId, Path.GetRelativePath(Path.Combine(merged, docId), file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    System.IO.File.Copy(file, target);
                }
            }
        }
        var (_, one) = Link([merged]);
        var (_, two) = Link(shards);
        foreach (var file in new[] { LinkWriter.LinksFile, LinkWriter.ExecutionFile, LinkWriter.SeriesFile, LinkWriter.ChecksFile })
        {
            Assert.Equal(System.IO.File.ReadAllLines(Path.Combine(one, file)).Order(StringComparer.Ordinal),
                System.IO.File.ReadAllLines(Path.Combine(two, file)).Order(StringComparer.Ordinal));
        }
    }
}
