using System.Text.Json.Nodes;
using Extractor.Batch;

namespace Extractor.Tests.Batch;

/// <summary>The same inputs give the same bytes, whatever the number of workers.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-determinism-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>Good and bad inputs, one listed twice (two workers may convert it at once).</summary>
    private IReadOnlyList<string> Inputs()
    {
        var copies = BatchFixtures.GoodCopies(Path.Combine(_work, "in"), 4);
        var empty = Path.Combine(_work, "in", "empty.pdf");
        File.WriteAllBytes(empty, []);
        return [.. copies, empty, BatchFixtures.Encrypted, Path.Combine(_work, "missing.pdf"), copies[0]];
    }

    [Fact]
    public void A_1_worker_and_a_2_worker_run_write_byte_identical_output_with_reproducible_times()
    {
        var inputs = Inputs();
        var one = Path.Combine(_work, "one");
        var two = Path.Combine(_work, "two");
        new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = one, MaxParallelism = 1, Reproducible = true });
        new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = two, MaxParallelism = 2, Reproducible = true });

        // Every file, the run state included.
        var tree = BatchFixtures.Tree(one);
        Assert.Equal(tree, BatchFixtures.Tree(two));
        Assert.Contains("facts.csv", tree.Keys);
        Assert.Equal(4, tree.Keys.Count(k => k.EndsWith("/document.json", StringComparison.Ordinal)));
    }

    [Fact]
    public void Worker_processes_write_the_same_bytes_as_this_process()
    {
        var inputs = Inputs();
        // Folders of one name: index.html is titled with it.
        var here = Path.Combine(_work, "here", "out");
        var workers = Path.Combine(_work, "workers", "out");
        new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = here, MaxParallelism = 2, Reproducible = true, Html = true });
        new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions
        {
            OutputDirectory = workers, MaxParallelism = 2, Reproducible = true, Html = true, Workers = HostileFiles.Workers,
        });

        var tree = BatchFixtures.Tree(here);
        Assert.Equal(tree, BatchFixtures.Tree(workers));
        Assert.Equal(4, tree.Keys.Count(k => k.EndsWith("/report.html", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_reproducible_times_only_elapsed_ms_and_timings_ms_differ()
    {
        var inputs = Inputs();
        var one = Path.Combine(_work, "one");
        var two = Path.Combine(_work, "two");
        new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = one, MaxParallelism = 1 });
        new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = two, MaxParallelism = 2 });

        static bool Timed(string path) => path == "documents.csv" || path.EndsWith("/document.json", StringComparison.Ordinal) || path.StartsWith(".extractor/", StringComparison.Ordinal);
        Assert.Equal(BatchFixtures.Tree(one, p => !Timed(p)), BatchFixtures.Tree(two, p => !Timed(p)));
        Assert.Equal(WithoutTimes(one), WithoutTimes(two));
    }

    /// <summary>documents.csv without its elapsed_ms column, and each document.json without timings_ms.</summary>
    private static List<string> WithoutTimes(string output)
    {
        var lines = BatchFixtures.ReadCsv(Path.Combine(output, "documents.csv"))
            .Select(r => string.Join("|", r.Where(kv => kv.Key != "elapsed_ms").Select(kv => $"{kv.Key}={kv.Value}"))).ToList();
        foreach (var json in Directory.GetFiles(output, "document.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var node = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
            Assert.True(node.Remove("timings_ms"));
            lines.Add(node.ToJsonString());
        }
        return lines;
    }
}
