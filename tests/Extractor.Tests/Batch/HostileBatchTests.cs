using Extractor.Batch;

namespace Extractor.Tests.Batch;

/// <summary>
/// The hostile set (tools/hostile/make_hostile.py, small sizes) in one batch with good files, converted by two worker
/// processes under a memory limit; and the good files alone. Run once; each test looks at one thing.
/// </summary>
public sealed class HostileBatch : IDisposable
{
    public const long MaxMemory = 256L * 1024 * 1024;

    public static readonly string[] Hostile =
    [
        "bomb.pdf", "glyph-flood.pdf", "pages-300.pdf", "paths-20k.pdf", "deep-pagetree.pdf", "deep-forms.pdf", "deep-q.pdf",
        "deep-resources.pdf", "page-tree-loop.pdf", "latin-text.pdf", "=cmd|' c calc'!A0.pdf", "+1.pdf", "-2.pdf", "@sum.pdf",
    ];

    public string Work { get; } = Directory.CreateTempSubdirectory("extractor-hostile-batch-").FullName;
    public string Mixed => Path.Combine(Work, "mixed");
    public string GoodOnly => Path.Combine(Work, "good");
    public IReadOnlyList<string> Good { get; }
    public IReadOnlyDictionary<string, DocumentOutcome> Outcomes { get; }
    public IReadOnlyList<DocumentOutcome> GoodOutcomes { get; }

    public HostileBatch()
    {
        var inputs = Path.Combine(Work, "in");
        Directory.CreateDirectory(inputs);
        Good = [Copy(BatchFixtures.SeedCalc, inputs), Copy(BatchFixtures.SeedHtml, inputs)];
        var hostile = Hostile.Select(name => Copy(HostileFiles.Get(name), inputs)).ToList();
        // Good files first and last, the hostile ones between them.
        List<string> mixed = [Good[0], .. hostile, Good[1]];

        var options = new BatchOptions
        {
            OutputDirectory = Mixed, MaxParallelism = 2, Reproducible = true, Workers = HostileFiles.Workers, MaxMemoryBytes = MaxMemory,
            PerDocumentTimeout = TimeSpan.FromSeconds(120),
        };
        var outcomes = new BatchRunner(DocumentExtractor.Default).Run(mixed, options);
        Outcomes = mixed.Select((path, i) => (Path.GetFileName(path), outcomes[i])).ToDictionary(x => x.Item1, x => x.Item2);
        GoodOutcomes = new BatchRunner(DocumentExtractor.Default).Run(Good, options with { OutputDirectory = GoodOnly });
    }

    private static string Copy(string file, string folder)
    {
        var path = Path.Combine(folder, Path.GetFileName(file));
        File.Copy(file, path);
        return path;
    }

    public void Dispose() => Directory.Delete(Work, recursive: true);
}

public sealed class HostileBatchTests(HostileBatch batch) : IClassFixture<HostileBatch>
{
    [Theory]
    [InlineData("bomb.pdf", ErrorCodes.TooLarge, "bomb")]
    [InlineData("glyph-flood.pdf", ErrorCodes.TooLarge, "--max-memory")]
    [InlineData("deep-resources.pdf", ErrorCodes.Corrupt, "could be read")]
    [InlineData("page-tree-loop.pdf", ErrorCodes.Corrupt, "page tree")]
    public void A_hostile_file_is_refused_with_its_error_code_and_a_sentence_saying_what_to_do(string name, string code, string hint)
    {
        var outcome = batch.Outcomes[name];
        Assert.Equal("failed", outcome.Status);
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Contains(hint, outcome.Message);
        Assert.True(outcome.Message.Length > 40 && outcome.Message.EndsWith('.'), outcome.Message);
        Assert.False(Directory.Exists(Path.Combine(batch.Mixed, outcome.DocId)));
    }

    [Theory]
    [InlineData("pages-300.pdf", 300)]
    [InlineData("paths-20k.pdf", 1)]
    [InlineData("deep-pagetree.pdf", 1)]
    [InlineData("deep-forms.pdf", 1)]
    [InlineData("deep-q.pdf", 1)]
    [InlineData("latin-text.pdf", 1)]
    public void A_hostile_file_that_can_be_read_is_converted(string name, int pages)
    {
        var outcome = batch.Outcomes[name];
        // No standard table in any of them: partial, with its pages counted, and a folder.
        Assert.Equal("partial", outcome.Status);
        Assert.Equal(pages, outcome.Pages);
        Assert.True(File.Exists(Path.Combine(batch.Mixed, outcome.DocId, "report.md")));
    }

    [Fact]
    public void File_names_that_are_formulas_give_doc_ids_that_are_not()
    {
        var ids = new[] { "=cmd|' c calc'!A0.pdf", "+1.pdf", "-2.pdf", "@sum.pdf" }.Select(n => batch.Outcomes[n].DocId).ToList();

        Assert.All(ids, id => Assert.DoesNotContain(id[..1], "=+-@"));
        Assert.Equal(["cmd_'_c_calc'!A0", "1", "2", "sum"], ids.Select(id => id[..^9]));
        var rows = BatchFixtures.ReadCsv(Path.Combine(batch.Mixed, "documents.csv"));
        Assert.All(rows, r => Assert.DoesNotContain(r["doc_id"][..1], "=+-@"));
    }

    [Fact]
    public void The_good_files_come_out_as_they_do_without_the_hostile_ones_byte_for_byte()
    {
        Assert.Equal(["ok", "ok"], batch.Good.Select(g => batch.Outcomes[Path.GetFileName(g)].Status));
        foreach (var outcome in batch.GoodOutcomes)
        {
            Assert.Equal(BatchFixtures.Tree(Path.Combine(batch.GoodOnly, outcome.DocId)), BatchFixtures.Tree(Path.Combine(batch.Mixed, outcome.DocId)));
            Assert.Equal(BatchFixtures.ExpectedSeedFacts(), BatchFixtures.FactKeys(BatchFixtures.ReadCsv(Path.Combine(batch.Mixed, outcome.DocId, "facts.csv"))));
        }
        // The batch facts: the good documents' facts only (no hostile file has a standard table), in input order.
        Assert.Equal(File.ReadAllText(Path.Combine(batch.GoodOnly, "facts.csv")), File.ReadAllText(Path.Combine(batch.Mixed, "facts.csv")));
    }

    [Fact]
    public void Every_input_has_its_line_and_nothing_is_left_half_written()
    {
        var rows = BatchFixtures.ReadCsv(Path.Combine(batch.Mixed, "documents.csv"));
        Assert.Equal(HostileBatch.Hostile.Length + 2, rows.Count);
        Assert.Empty(BatchFixtures.Leftovers(batch.Mixed));
    }
}
