using Extractor.Cli;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Cli;

/// <summary>The convert command's batch options, its progress display, and <c>extractor merge</c>.</summary>
public sealed class BatchCommandLineTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-cli-batch-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private (int Exit, string Stderr) Run(params string[] args)
    {
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, new StringWriter(), stderr);
        return (exit, stderr.ToString());
    }

    private string BadFile()
    {
        var bad = Path.Combine(_work, "webpage.pdf");
        File.WriteAllText(bad, "<html></html>");
        return bad;
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--jobs", "two")]
    [InlineData("--shard", "2/2")]
    [InlineData("--shard", "1")]
    [InlineData("--progress", "fancy")]
    [InlineData("--retries", "-1")]
    [InlineData("--request-timeout", "0")]
    [InlineData("--max-size", "x")]
    [InlineData("--max-memory", "10")]
    [InlineData("--max-memory", "lots")]
    [InlineData("merge", "somewhere")]
    public void A_wrong_batch_option_exits_2_with_a_message(params string[] args)
    {
        var (exit, stderr) = Run(args);
        Assert.Equal(CommandLine.UsageError, exit);
        Assert.StartsWith("extractor: ", stderr);
    }

    [Fact]
    public void A_csv_manifest_without_a_source_column_exits_2()
    {
        var manifest = Path.Combine(_work, "list.csv");
        File.WriteAllText(manifest, "path\na.pdf\n");
        var (exit, stderr) = Run(manifest, "--out", Path.Combine(_work, "out"));
        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("no 'source' column", stderr);
    }

    [Fact]
    public void Plain_progress_logs_a_line_per_input_and_a_summary_and_a_rerun_skips_what_is_done()
    {
        var output = Path.Combine(_work, "out");
        var bad = BadFile();
        var (exit, stderr) = Run(BatchFixtures.SeedCalc, bad, BatchFixtures.SeedHtml, "--out", output, "--jobs", "2", "--progress", "plain");

        Assert.Equal(CommandLine.SomeInputsFailed, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Count(l => l.StartsWith('[')));
        Assert.Contains(lines, l => l.StartsWith("[", StringComparison.Ordinal) && l.Contains("webpage.pdf: not_pdf: "));
        Assert.Contains(lines, l => l.Contains("seed-calc.pdf: ok, 9 tables, 14 pages"));
        Assert.Contains("3 inputs: 2 ok, 0 partial, 1 failed (1 not_pdf). 0 done by an earlier run and skipped.", stderr);
        Assert.DoesNotContain('\r', stderr);

        (exit, stderr) = Run(BatchFixtures.SeedCalc, bad, BatchFixtures.SeedHtml, "--out", output, "--progress", "plain");
        Assert.Equal(CommandLine.SomeInputsFailed, exit);
        Assert.Contains("seed-calc.pdf: ok, done by an earlier run, skipped", stderr);
        Assert.Contains("2 done by an earlier run and skipped", stderr);
    }

    [Fact]
    public void Live_progress_redraws_one_line_with_rate_ETA_and_failures_and_prints_failures_above_it()
    {
        var (exit, stderr) = Run(BatchFixtures.SeedCalc, BadFile(), "--out", Path.Combine(_work, "out"), "--progress", "live", "--jobs", "1");

        Assert.Equal(CommandLine.SomeInputsFailed, exit);
        Assert.Contains("\r\u001b[2K[", stderr);
        Assert.Matches(@"\[2/2\] 100\.0%  \d+\.\d docs/s  ETA 0s  failed 1", stderr);
        Assert.Contains("failed " + Path.Combine(_work, "webpage.pdf") + ": not_pdf: ", stderr);
        Assert.Contains("2 inputs: 1 ok, 0 partial, 1 failed (1 not_pdf)", stderr);
    }

    [Fact]
    public void Progress_none_prints_no_progress_lines_only_the_summary()
    {
        var (exit, stderr) = Run(BatchFixtures.SeedHtml, "--out", Path.Combine(_work, "out"), "--progress", "none");
        // Converted; the seed's own “三公” contradiction is a failed check.
        Assert.Equal(CommandLine.ChecksFailed, exit);
        Assert.DoesNotContain("[1/1]", stderr);
        Assert.Contains("1 inputs: 1 ok", stderr);
    }

    [Fact]
    public void Shards_run_by_the_command_and_merged_by_extractor_merge_hold_every_input_once()
    {
        var inputs = Path.Combine(_work, "in");
        BatchFixtures.GoodCopies(inputs, 4);
        var shards = new[] { Path.Combine(_work, "s0"), Path.Combine(_work, "s1") };
        var counts = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var (exit, stderr) = Run(inputs, "--out", shards[i], "--shard", $"{i}/2", "--progress", "plain");
            Assert.Contains($"shard {i}/2 of 4 inputs", stderr);
            counts.Add(File.ReadAllLines(Path.Combine(shards[i], "documents.csv")).Length - 1);
            // Every copy of the seed converts and fails its “三公” check: exit 3 unless the shard is empty.
            Assert.Equal(counts[^1] > 0 ? CommandLine.ChecksFailed : CommandLine.Success, exit);
        }
        Assert.Equal(4, counts.Sum());

        var merged = Path.Combine(_work, "merged");
        var (mergeExit, mergeErr) = Run("merge", shards[0], shards[1], "--out", merged);

        Assert.Equal(CommandLine.Success, mergeExit);
        Assert.Contains("4 inputs, in input order", mergeErr);
        var rows = BatchFixtures.ReadCsv(Path.Combine(merged, "documents.csv"));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Path.Combine(inputs, $"doc{i:00}.pdf")), rows.Select(r => r["source"]));
        Assert.Equal(4 * 177, BatchFixtures.ReadCsv(Path.Combine(merged, "facts.csv")).Count);
        Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(merged, r["doc_id"], "document.json"))));
    }

    [Fact]
    public void A_text_manifest_of_URLs_is_downloaded_into_the_cache_with_the_download_options()
    {
        using var server = new FaultyHttpServer();
        server.Script("/a/seed.pdf", new Reply.Drop(), new Reply.Ok(File.ReadAllBytes(BatchFixtures.SeedCalc)));
        server.Script("/a/gone.pdf", new Reply.Status(404));
        var manifest = Path.Combine(_work, "urls.txt");
        File.WriteAllLines(manifest, ["# two links", server.Url("/a/seed.pdf"), server.Url("/a/gone.pdf")]);
        var cache = Path.Combine(_work, "cache");

        var (exit, stderr) = Run(manifest, "--out", Path.Combine(_work, "out"), "--cache", cache, "--retries", "2", "--retry-delay", "0.01",
            "--request-timeout", "10", "--per-host", "1", "--downloads", "2", "--max-size", "50", "--progress", "plain");

        Assert.Equal(CommandLine.SomeInputsFailed, exit);
        Assert.Contains("gone.pdf: download_failed: The server answered HTTP 404", stderr);
        var rows = BatchFixtures.ReadCsv(Path.Combine(_work, "out", "documents.csv"));
        Assert.Equal([server.Url("/a/seed.pdf"), server.Url("/a/gone.pdf")], rows.Select(r => r["source"]));
        Assert.Equal("ok", rows[0]["status"]);
        Assert.Equal(2, server.Requests("/a/seed.pdf"));
        Assert.Single(Directory.GetFiles(cache, "*.pdf"));
    }

    [Theory]
    [InlineData(5.2, "5.2s")]
    [InlineData(125, "2m05s")]
    [InlineData(3 * 3600 + 7 * 60, "3h07m")]
    public void Durations_read_as_a_person_writes_them(double seconds, string text) =>
        Assert.Equal(text, ProgressDisplay.Duration(TimeSpan.FromSeconds(seconds)));
}
