using Extractor.Batch;
using Extractor.Output;

namespace Extractor.Tests.Batch;

/// <summary>One batch with good and bad inputs: every bad one gets its error class, the good ones still come out right.</summary>
public sealed class BatchRunnerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-batch-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Seed => Path.Combine(TestPaths.Fixtures, "seed-calc", "seed-calc.pdf");

    [Fact]
    public void Bad_inputs_are_reported_with_their_error_class_and_do_not_stop_the_batch()
    {
        var inputs = Path.Combine(_work, "in");
        Directory.CreateDirectory(inputs);
        var empty = Path.Combine(inputs, "empty.pdf");
        File.WriteAllBytes(empty, []);
        var text = Path.Combine(inputs, "webpage.pdf");
        File.WriteAllText(text, "<html><body>404 Not Found</body></html>");
        var truncated = Path.Combine(inputs, "truncated.pdf");
        var seed = File.ReadAllBytes(Seed);
        File.WriteAllBytes(truncated, seed[..(seed.Length / 3)]);
        var encrypted = Path.Combine(TestPaths.RepositoryRoot, "tests", "Extractor.Tests", "Inputs", "encrypted-seed.pdf");
        var scanned = BatchFixtures.ImageOnly;
        var missing = Path.Combine(inputs, "not-there.pdf");

        var output = Path.Combine(_work, "out");
        var outcomes = new BatchRunner(DocumentExtractor.Default).Run(
            [empty, Seed, text, truncated, encrypted, scanned, missing],
            new BatchOptions { OutputDirectory = output });

        Assert.Equal(
            [ErrorCodes.NotPdf, "", ErrorCodes.NotPdf, ErrorCodes.Corrupt, ErrorCodes.Encrypted, ErrorCodes.NoTextLayer, ErrorCodes.NotFound],
            outcomes.Select(o => o.ErrorCode));
        Assert.Equal("ok", outcomes[1].Status);
        Assert.Equal(9, outcomes[1].TablesFound);
        Assert.All(outcomes.Where(o => o.Failed), o => Assert.True(o.Message.Length > 20, o.Message));
        Assert.Contains("OCR", outcomes[5].Message);
        Assert.Contains("password", outcomes[4].Message);

        // Only the good input has a folder (beside the run state, .extractor/); nothing half-written is left behind.
        Assert.Equal([outcomes[1].DocId], Directory.GetDirectories(output).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories));

        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal("doc_id,source,status,error_code,message,pages,tables_found,checks_failed,checks_warned,elapsed_ms,identity_share,reading_confidence,statements_found,statements_resolved,statements_checked,entity_key,entity_kind", documents[0]);
        Assert.Equal(8, documents.Length);
        // Who published the one good input (the seed, 武汉市江汉区融媒体中心's 部门决算), and nothing for the failed ones.
        Assert.EndsWith(",江汉区融媒体中心,部门决算", documents[2]);
        Assert.EndsWith(",,", documents[1]);
        var facts = File.ReadAllLines(Path.Combine(output, "facts.csv"));
        Assert.Equal(178, facts.Length);
    }

    [Fact]
    public void The_batch_facts_are_each_documents_facts_in_input_order()
    {
        var html = Path.Combine(TestPaths.Fixtures, "seed-html", "seed-html.pdf");
        var output = Path.Combine(_work, "out");
        var outcomes = new BatchRunner(DocumentExtractor.Default).Run([html, Seed], new BatchOptions { OutputDirectory = output });
        var batch = File.ReadAllLines(Path.Combine(output, "facts.csv"));
        var first = File.ReadAllLines(Path.Combine(output, outcomes[0].DocId, "facts.csv"));
        var second = File.ReadAllLines(Path.Combine(output, outcomes[1].DocId, "facts.csv"));
        Assert.Equal(first.Concat(second.Skip(1)), batch);
        Assert.All(batch.Skip(1).Take(first.Length - 1), l => Assert.StartsWith(outcomes[0].DocId + ",", l));
    }

    [Fact]
    public void Rerunning_replaces_a_document_folder_whole()
    {
        var output = Path.Combine(_work, "out");
        var runner = new BatchRunner(DocumentExtractor.Default);
        var docId = runner.Run([Seed], new BatchOptions { OutputDirectory = output })[0].DocId;
        var stale = Path.Combine(output, docId, "tables", "GK99.csv");
        File.WriteAllText(stale, "left over from an older run");

        runner.Run([Seed], new BatchOptions { OutputDirectory = output, Format = OutputFormat.Json });

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(output, docId, "document.json")));
        Assert.False(File.Exists(Path.Combine(output, docId, "facts.csv")));
    }
}
