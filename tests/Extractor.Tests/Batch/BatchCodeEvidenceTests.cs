using Extractor.Batch;
using Extractor.Codes;

namespace Extractor.Tests.Batch;

/// <summary>
/// The second pass: documents left with unresolved codes are converted again with the codes the
/// whole batch prints in full for their year. Without the embedded catalogs the seeds leave codes
/// unresolved that the batch's documents print in full, so the pass has work to do.
/// </summary>
public sealed class BatchCodeEvidenceTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-batch-codes-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static BatchRunner Runner => new(DocumentExtractor.Default.WithRepairer(new CodeRepairer(new ClassificationCatalog([]))));

    private static string Other2024 => Prerequisites.CorpusFile("shanghai-putuo-czj-2024-dept-final-MODIFIED.pdf");

    private BatchOptions Options(string output, int jobs) => new() { OutputDirectory = output, MaxParallelism = jobs, Reproducible = true };

    private sealed class Stages : IProgress<BatchProgress>
    {
        public List<BatchProgress> Reports { get; } = [];
        public void Report(BatchProgress value) => Reports.Add(value);
        public int Redone => Reports.Count(r => r.Stage == BatchStage.BatchCodes);
    }

    private static int BatchRepairs(string output, string docId) =>
        BatchFixtures.ReadCsv(Path.Combine(output, docId, "facts.csv")).Count(f => f["code_repair"] == CodeEvidence.Batch);

    [Fact]
    public void The_batch_codes_and_the_documents_repaired_with_them_do_not_depend_on_the_order_or_the_number_of_workers()
    {
        string[] inputs = [BatchFixtures.SeedCalc, BatchFixtures.SeedHtml, Other2024];
        var forward = Path.Combine(_work, "forward");
        var backward = Path.Combine(_work, "backward");
        var stages = new Stages();
        var outcomes = Runner.Run(inputs, Options(forward, 1), stages);
        Runner.Run(inputs.Reverse().ToList(), Options(backward, 2));

        Assert.Equal(2, stages.Redone);
        Assert.True(BatchRepairs(forward, outcomes[0].DocId) > 0);
        Assert.True(BatchRepairs(forward, outcomes[1].DocId) > 0);
        // Each document's folder is the same bytes; only the batch files follow the input order.
        Assert.Equal(BatchFixtures.Tree(forward, p => p.Contains('/') && !p.StartsWith('.')), BatchFixtures.Tree(backward, p => p.Contains('/') && !p.StartsWith('.')));
    }

    [Fact]
    public void A_rerun_repeats_the_second_pass_only_where_the_batch_codes_changed()
    {
        var output = Path.Combine(_work, "out");
        Runner.Run([BatchFixtures.SeedCalc, BatchFixtures.SeedHtml], Options(output, 2));

        var same = new Stages();
        var again = Runner.Run([BatchFixtures.SeedCalc, BatchFixtures.SeedHtml], Options(output, 2), same);
        Assert.All(again, o => Assert.True(o.Resumed));
        Assert.Equal(0, same.Redone);

        // Another document of 2024 joins: the seeds are repaired again with its codes, as a clean run of the three would.
        var more = new Stages();
        string[] three = [BatchFixtures.SeedCalc, BatchFixtures.SeedHtml, Other2024];
        Runner.Run(three, Options(output, 2), more);
        Assert.Equal(2, more.Redone);
        var clean = Path.Combine(_work, "clean");
        Runner.Run(three, Options(clean, 2));
        Assert.Equal(BatchFixtures.Output(clean), BatchFixtures.Output(output));
    }
}
