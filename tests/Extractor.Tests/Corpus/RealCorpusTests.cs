using Extractor.Codes;
using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Tests.Corpus;

/// <summary>
/// Invariants over every real disclosure in ../shared/corpus/real (see its SOURCES.md): no crash,
/// at least one table, facts that point at real pages, codes whose length fits their level.
/// </summary>
public sealed class RealCorpusTests(CorpusRun corpus) : IClassFixture<CorpusRun>
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in CorpusRun.Files()) data.Add(file);
        return data;
    }

    [Fact]
    public void The_corpus_is_there()
    {
        // CI lays ../shared beside the checkout; on a developer's machine without it, every corpus test says it skipped.
        Prerequisites.Corpus();
        Assert.True(CorpusRun.Files().Count() >= 30, $"expected the real corpus at {TestPaths.Corpus}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_with_a_text_layer_converts_and_yields_a_table(string file)
    {
        var (result, error) = corpus.Get(file);
        if (file.Contains("NOTEXT", StringComparison.Ordinal))
        {
            Assert.NotNull(error);
            Assert.Equal(ErrorCodes.NoTextLayer, error.Code);
            return;
        }
        Assert.Null(error);
        Assert.NotNull(result);
        // Narrative-only files hold no table at all; every other file has at least one.
        if (!file.Contains("narrative", StringComparison.Ordinal) && file != "jiangsu-rendaban-2019-dept-budget.pdf")
        {
            Assert.NotEmpty(result.Tables);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Facts_point_at_pages_of_their_table_and_codes_fit_their_level(string file)
    {
        var (result, _) = corpus.Get(file);
        if (result is null) return;
        foreach (var table in result.TemplateTables)
        {
            var system = CodeLevels.SystemOf(table.Source.Template!.Codes) ?? CodeSystem.Function;
            foreach (var row in table.Rows)
            {
                Assert.Contains(row.Page, table.Source.Pages);
                Assert.All(row.Values, v => Assert.Contains(v.Page, table.Source.Pages));
                if (row.Code.Length == 0)
                {
                    Assert.Equal(string.Empty, row.CodeLevel);
                    continue;
                }
                Assert.True(row.Code.All(char.IsAsciiDigit), $"{file} {table.Id}: code '{row.Code}'");
                if (row.CodeRepair == "none")
                {
                    var expected = row.Code.Length switch { 3 => "类", 5 => "款", _ => "项" };
                    Assert.Equal(expected, row.CodeLevel);
                }
            }
        }
        Assert.All(Fact.Of(result), f => Assert.InRange(f.Page, 1, result.Source.Pages));
    }

    /// <summary>
    /// Which of GK01–GK09 each final-accounts file yields. The gaps are the documents' own:
    /// the MODIFIED copy has no 支出决算表, and the Foshan 2019 report prints no 国有资本经营 table.
    /// </summary>
    [Theory]
    [InlineData("national-xinfangju-2024-dept-final.pdf", "")]
    [InlineData("shaanxi-xian-weijianwei-2022-dept-final-summary.pdf", "")]
    [InlineData("shanghai-putuo-czj-2024-dept-final.pdf", "")]
    [InlineData("shanghai-putuo-ghzy-2024-dept-final.pdf", "")]
    [InlineData("shanghai-putuo-shgzb-2024-dept-final.pdf", "")]
    [InlineData("shanghai-2024-dept-final-TEMPLATE.pdf", "")]
    [InlineData("shanghai-putuo-czj-2024-dept-final-MODIFIED.pdf", "GK03")]
    [InlineData("guangdong-foshan-guidaojiaotong-2019-dept-final.pdf", "GK08")]
    public void Final_accounts_yield_their_standard_tables(string file, string absent)
    {
        var (result, error) = corpus.Get(file);
        Assert.Null(error);
        Assert.Equal("final", result!.Metadata.Kind);
        var expected = Enumerable.Range(1, 9).Select(i => $"GK{i:00}").Where(id => !absent.Split(',').Contains(id)).ToList();
        Assert.Equal(expected, result.TemplateTables.Select(t => t.Id).Order());
        Assert.Equal(absent.Length == 0 ? [] : absent.Split(','), result.MissingTables);
    }

    [Theory]
    [InlineData("national-xinfangju-2024-dept-final.pdf", "国家信访局", "2024")]
    [InlineData("shanghai-putuo-czj-2024-dept-final.pdf", "上海市普陀区财政局", "2024")]
    [InlineData("shanghai-putuo-ghzy-2024-dept-final.pdf", "上海市普陀区规划和自然资源局", "2024")]
    [InlineData("guangdong-foshan-guidaojiaotong-2019-dept-final.pdf", "佛山市轨道交通局", "2019")]
    [InlineData("national-xinfangju-2026-dept-budget.pdf", "国家信访局", "2026")]
    public void Reads_department_and_year_from_the_document(string file, string department, string year)
    {
        var (result, _) = corpus.Get(file);
        Assert.Equal((department, year), (result!.Metadata.Department, result.Metadata.Year));
    }

    [Theory]
    [InlineData("shanghai-putuo-sfj-2026-dept-budget.pdf")]
    [InlineData("jiangsu-zhengxie-2018-dept-budget-tables.pdf")]
    [InlineData("beijing-czj-2026-dept-budget-tables.pdf")]
    [InlineData("national-xinfangju-2026-dept-budget.pdf")]
    [InlineData("guangdong-shenzhen-czj-2026-dept-budget.pdf")]
    [InlineData("jilin-changchun-xfj-2026-dept-budget.pdf")] // titles ruled into the first row of each table
    public void Budgets_are_read_with_the_budget_templates(string file)
    {
        var (result, _) = corpus.Get(file);
        Assert.Equal("budget", result!.Metadata.Kind);
        Assert.NotEmpty(result.TemplateTables);
        Assert.All(result.TemplateTables, t => Assert.StartsWith("YS", t.Id));
        // The national set is there: 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表.
        Assert.Superset(new HashSet<string> { "YS01", "YS02", "YS03", "YS04", "YS05" }, result.TemplateTables.Select(t => t.Id).ToHashSet());
    }

    /// <summary>
    /// The district finance bureau's reviewers found, in the 司法局 2026 unit budget, a 行政运行 row whose
    /// 合计 (14,348,853.34 元) is not 基本支出 + 项目支出 (14,348,853.34 + 64,840,547.00), in the 支出预算总表 and
    /// in the 一般公共预算支出功能分类预算表 (shanghai-putuo-sfj-2026-unit-budget-CHECKLIST.xlsx).
    /// </summary>
    [Fact]
    public void The_row_total_the_reviewers_found_wrong_fails_its_check()
    {
        var (result, _) = corpus.Get("shanghai-putuo-sfj-2026-unit-budget.pdf");
        foreach (var id in new[] { "YS03.rows.sum.2040601", "YS05.rows.sum.2040601" })
        {
            var check = Assert.Single(result!.Checks, c => c.Id == id);
            Assert.Equal("fail", check.Status);
        }
        // The department-level budget, where the reviewers found no such error, has none.
        var (department, _) = corpus.Get("shanghai-putuo-sfj-2026-dept-budget.pdf");
        Assert.DoesNotContain(department!.Checks, c => c.Status == "fail" && c.Id.Contains(".rows.sum.", StringComparison.Ordinal));
    }
}
