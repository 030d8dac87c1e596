using Extractor.Batch;
using Extractor.Arithmetic;

namespace Extractor.Tests.Batch;

/// <summary>
/// One batch, two workers: every kind of real bad input — local files and URLs from a local
/// server — beside good files, local and downloaded. Run once; each test looks at one input.
/// </summary>
public sealed class ErrorClassBatch : IDisposable
{
    public string Work { get; } = Directory.CreateTempSubdirectory("extractor-classes-").FullName;
    public string Output => Path.Combine(Work, "out");
    internal FaultyHttpServer Server { get; } = new();
    public IReadOnlyDictionary<string, DocumentOutcome> Outcomes { get; }
    public IReadOnlyList<string> Names { get; }

    public ErrorClassBatch()
    {
        var inputs = Path.Combine(Work, "in");
        Directory.CreateDirectory(inputs);
        var empty = Path.Combine(inputs, "empty.pdf");
        File.WriteAllBytes(empty, []);
        var text = Path.Combine(inputs, "webpage.pdf");
        File.WriteAllText(text, "<html><body>404 Not Found</body></html>");
        var truncated = Path.Combine(inputs, "truncated.pdf");
        var seed = File.ReadAllBytes(BatchFixtures.SeedCalc);
        File.WriteAllBytes(truncated, seed[..(seed.Length / 3)]);

        Server.Script("/seed-html-online.pdf", new Reply.Status(503), new Reply.Ok(File.ReadAllBytes(BatchFixtures.SeedHtml)));
        Server.Script("/down.pdf", new Reply.Status(503));
        Server.Script("/page.pdf", new Reply.Ok("<html>请稍后再试</html>"u8.ToArray(), "text/html"));

        var named = new (string Name, string Source)[]
        {
            ("empty", empty),
            ("seed-calc", BatchFixtures.SeedCalc),
            ("text renamed .pdf", text),
            ("truncated", truncated),
            ("encrypted", BatchFixtures.Encrypted),
            ("image-only", BatchFixtures.ImageOnly),
            ("missing", Path.Combine(inputs, "not-there.pdf")),
            ("seed-html", BatchFixtures.SeedHtml),
            ("server down", Server.Url("/down.pdf")),
            ("web page URL", Server.Url("/page.pdf")),
            ("seed-html online", Server.Url("/seed-html-online.pdf")),
        };
        Names = named.Select(n => n.Name).ToList();
        var outcomes = new BatchRunner(DocumentExtractor.Default).Run(named.Select(n => n.Source).ToList(), new BatchOptions
        {
            OutputDirectory = Output,
            MaxParallelism = 2,
            Download = new DownloadOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5), RequestTimeout = TimeSpan.FromSeconds(5) },
        });
        Outcomes = named.Select((n, i) => (n.Name, outcomes[i])).ToDictionary(x => x.Name, x => x.Item2);
    }

    public void Dispose()
    {
        Server.Dispose();
        Directory.Delete(Work, recursive: true);
    }
}

public sealed class ErrorClassTests(ErrorClassBatch batch) : IClassFixture<ErrorClassBatch>
{
    [Theory]
    [InlineData("empty", ErrorCodes.NotPdf, "empty")]
    [InlineData("text renamed .pdf", ErrorCodes.NotPdf, "%PDF-")]
    [InlineData("truncated", ErrorCodes.Corrupt, "download it again")]
    [InlineData("encrypted", ErrorCodes.Encrypted, "password")]
    [InlineData("image-only", ErrorCodes.NoTextLayer, "OCR")]
    [InlineData("missing", ErrorCodes.NotFound, "does not exist")]
    [InlineData("server down", ErrorCodes.DownloadFailed, "503")]
    [InlineData("web page URL", ErrorCodes.NotPdf, "not a PDF")]
    public void A_bad_input_gets_its_error_class_and_a_sentence_saying_what_to_do(string name, string code, string hint)
    {
        var outcome = batch.Outcomes[name];
        Assert.Equal("failed", outcome.Status);
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Contains(hint, outcome.Message);
        Assert.True(outcome.Message.Length > 30 && outcome.Message.EndsWith('.'), outcome.Message);
        // A failed input leaves no folder behind.
        Assert.False(Directory.Exists(Path.Combine(batch.Output, outcome.DocId)));
    }

    [Theory]
    [InlineData("seed-calc")]
    [InlineData("seed-html")]
    [InlineData("seed-html online")]
    public void Good_inputs_in_the_same_batch_come_out_right(string name)
    {
        var outcome = batch.Outcomes[name];
        Assert.Equal("ok", outcome.Status);
        Assert.Equal(9, outcome.TablesFound);
        var facts = BatchFixtures.ReadCsv(Path.Combine(batch.Output, outcome.DocId, "facts.csv"));
        Assert.Equal(BatchFixtures.ExpectedSeedFacts(), BatchFixtures.FactKeys(facts));
    }

    [Fact]
    public void Documents_csv_has_a_line_per_input_in_input_order_and_a_URL_input_keeps_its_URL_as_source()
    {
        var rows = BatchFixtures.ReadCsv(Path.Combine(batch.Output, "documents.csv"));
        Assert.Equal(batch.Names.Select(n => batch.Outcomes[n].DocId), rows.Select(r => r["doc_id"]));
        Assert.Equal(batch.Server.Url("/seed-html-online.pdf"), rows[10]["source"]);
        Assert.StartsWith("seed-html-online-", rows[10]["doc_id"]);
        Assert.Equal(batch.Names.Select(n => batch.Outcomes[n].ErrorCode), rows.Select(r => r["error_code"]));

        // The batch facts: the three good documents' facts, nothing else; nothing half-written anywhere.
        var facts = BatchFixtures.ReadCsv(Path.Combine(batch.Output, "facts.csv"));
        Assert.Equal(3 * 177, facts.Count);
        Assert.Empty(BatchFixtures.Leftovers(batch.Output));
        Assert.Equal(3, Directory.GetDirectories(batch.Output).Count(d => !Path.GetFileName(d).StartsWith('.')));
    }
}

public sealed class TimeoutTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-timeout-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_document_over_the_time_limit_is_stopped_and_reported_as_timeout()
    {
        var output = Path.Combine(_work, "out");
        var outcome = new BatchRunner(DocumentExtractor.Default).Run([BatchFixtures.SeedCalc],
            new BatchOptions { OutputDirectory = output, PerDocumentTimeout = TimeSpan.FromMilliseconds(1) })[0];

        Assert.Equal(ErrorCodes.Timeout, outcome.ErrorCode);
        Assert.Contains("--timeout", outcome.Message);
        Assert.False(Directory.Exists(Path.Combine(output, outcome.DocId)));
        Assert.Empty(BatchFixtures.Leftovers(output));
    }
}
