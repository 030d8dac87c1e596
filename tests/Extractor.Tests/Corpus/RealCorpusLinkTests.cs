using Extractor.Batch;
using Extractor.Checks;
using Extractor.Linking;

using Extractor.Arithmetic;

namespace Extractor.Tests.Corpus;

/// <summary>
/// The links the real corpus holds (../shared/corpus/real, SOURCES.md): Shanghai Putuo publishes the budgets of
/// 区政府办公室 (2025) and 司法局 (2026) both as 部门 and as 单位; the 上海市财政局 documents are unit budgets (the bureau's
/// own, 2025, and its 财务会计综合管理事务中心's, 2026); 普陀区财政局's 2024 final is there twice (the original and a
/// modified test copy).
/// </summary>
public sealed class RealCorpusLinkTests : IDisposable
{
    private static readonly string[] Files =
    [
        "shanghai-putuo-govoffice-2025-dept-budget.pdf", "shanghai-putuo-govoffice-2025-unit-budget.pdf",
        "shanghai-putuo-sfj-2026-dept-budget.pdf", "shanghai-putuo-sfj-2026-unit-budget.pdf",
        "shanghai-city-czj-2025-unit-budget.pdf", "shanghai-city-czj-kjzx-2026-unit-budget.pdf",
        "shanghai-putuo-czj-2024-dept-final.pdf", "shanghai-putuo-czj-2024-dept-final-MODIFIED.pdf",
    ];

    private static readonly Lazy<string> Converted = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "real-link-" + Guid.NewGuid().ToString("N"));
        new BatchRunner(DocumentExtractor.Default).Run(Files.Select(f => Path.Combine(TestPaths.Corpus, f)).ToList(),
            new BatchOptions { OutputDirectory = output, MaxParallelism = 2 });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(output, true); } catch (IOException) { } };
        return output;
    });

    private readonly string _work = Path.Combine(Path.GetTempPath(), "real-link-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    private static string Name(string docId) => docId[..docId.LastIndexOf('-')];

    private (Linker.Summary Summary, List<(string Status, string Relation, string Doc, string Other)> Links) Link(EntityMap? map = null)
    {
        var summary = Linker.Run([Converted.Value], _work, map);
        var links = Batch.BatchFixtures.ReadCsv(Path.Combine(_work, LinkWriter.LinksFile))
            .Select(r => (r["status"], r["relation"], Name(r["doc_id"]), r["other_doc_id"].Length == 0 ? "" : Name(r["other_doc_id"]))).ToList();
        return (summary, links);
    }

    [Fact]
    public void Putuo_budgets_published_as_department_and_as_unit_are_linked()
    {
        var (summary, links) = Link();
        Assert.Contains(("linked", LinkRelation.DepartmentUnit, "shanghai-putuo-govoffice-2025-dept-budget", "shanghai-putuo-govoffice-2025-unit-budget"), links);
        Assert.Contains(("linked", LinkRelation.DepartmentUnit, "shanghai-putuo-sfj-2026-dept-budget", "shanghai-putuo-sfj-2026-unit-budget"), links);
        Assert.Contains(("linked", LinkRelation.Duplicate, "shanghai-putuo-czj-2024-dept-final", "shanghai-putuo-czj-2024-dept-final-MODIFIED"), links);

        // 区政府办公室: its one other unit "不单列预算，并入本部", so the department is its 本级 unit, figure for figure.
        var govoffice = summary.Checks.Where(c => c.Document.DocId.StartsWith("shanghai-putuo-govoffice", StringComparison.Ordinal)).ToList();
        Assert.True(govoffice.Count >= 40, $"{govoffice.Count} checks");
        Assert.All(govoffice, c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Contains(govoffice, c => c.Id == "link.units.sum.YS05.2010301");

        // 司法局 "包括区司法局本部以及下属1家预算单位": the other unit is not in the corpus, so the sum is not compared.
        var sfj = Assert.Single(summary.Checks, c => c.Document.DocId.StartsWith("shanghai-putuo-sfj", StringComparison.Ordinal));
        Assert.Equal((CheckStatus.Skipped, "link.units.sum", 9628.221344m, 8695.940834m), (sfj.Status, sfj.Id, sfj.Expected!.Value, sfj.Actual!.Value));
    }

    [Fact]
    public void The_finance_bureau_s_unit_budgets_meet_at_their_department_once_mapped()
    {
        var (_, unmapped) = Link();
        Assert.Contains(("near_miss", LinkRelation.UnitWithoutDepartment, "shanghai-city-czj-2025-unit-budget", ""), unmapped);
        Assert.Contains(("near_miss", LinkRelation.UnitWithoutDepartment, "shanghai-city-czj-kjzx-2026-unit-budget", ""), unmapped);

        var map = EntityMap.Read(new StringReader("name,key,department\n上海市财务会计综合管理事务中心（上海市财政科学研究所）,,上海市财政局\n"));
        var (_, mapped) = Link(map);
        Assert.Contains(("near_miss", LinkRelation.UnitWithoutDepartment, "shanghai-city-czj-kjzx-2026-unit-budget", "shanghai-city-czj-2025-unit-budget"), mapped);
    }
}
