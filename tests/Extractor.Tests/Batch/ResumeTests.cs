using System.Diagnostics;
using Extractor.Batch;
using Extractor.Output;

namespace Extractor.Tests.Batch;

/// <summary>A batch stopped mid-way — cancelled, or its process killed — and run again.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-resume-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private BatchOptions Options(string output, int jobs = 2) => new() { OutputDirectory = output, MaxParallelism = jobs, Reproducible = true };

    private static BatchRunner Runner => new(DocumentExtractor.Default);

    /// <summary>The folders of the documents finished so far, with the time their document.json was written.</summary>
    private static Dictionary<string, DateTime> Finished(string output) =>
        Directory.GetDirectories(output).Where(d => !Path.GetFileName(d).StartsWith('.'))
            .ToDictionary(d => Path.GetFileName(d)!, d => File.GetLastWriteTimeUtc(Path.Combine(d, "document.json")));

    [Fact]
    public async Task A_cancelled_batch_rerun_skips_finished_files_leaves_nothing_half_written_and_equals_a_clean_run()
    {
        var inputs = BatchFixtures.GoodCopies(Path.Combine(_work, "in"), 6);
        var clean = Path.Combine(_work, "clean");
        Runner.Run(inputs, Options(clean));

        var output = Path.Combine(_work, "out");
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p => { if (p.Done == 3) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Runner.RunAsync(InputList.Of(inputs.Select(i => new BatchInput(i))), Options(output), progress, cancel.Token));

        // Stopped mid-way: some documents are finished and whole, the batch files are not written, nothing is half-written.
        var finished = Finished(output);
        Assert.InRange(finished.Count, 3, 5);
        Assert.All(finished.Keys, id => Assert.True(File.Exists(Path.Combine(output, id, "facts.csv")) && File.Exists(Path.Combine(output, id, "report.md"))));
        Assert.False(File.Exists(Path.Combine(output, "documents.csv")));
        Assert.Empty(BatchFixtures.Leftovers(output));

        var outcomes = Runner.Run(inputs, Options(output));

        Assert.Equal(finished.Keys.Order(), outcomes.Where(o => o.Resumed).Select(o => o.DocId).Order());
        Assert.All(finished, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(Path.Combine(output, f.Key, "document.json"))));
        Assert.Empty(BatchFixtures.Leftovers(output));
        Assert.Equal(BatchFixtures.Output(clean), BatchFixtures.Output(output));
    }

    [Fact]
    public void A_killed_process_rerun_skips_finished_files_leaves_nothing_half_written_and_equals_a_clean_run()
    {
        var inputs = BatchFixtures.GoodCopies(Path.Combine(_work, "in"), 10);
        var clean = Path.Combine(_work, "clean");
        Runner.Run(inputs, Options(clean));

        // The command itself, in a process of its own, killed once two documents are finished. Its last input is a URL
        // whose server never answers, so the batch cannot end before the kill however fast or slow the machine is.
        using var server = new FaultyHttpServer();
        server.Script("/never.pdf", new Reply.Slow(TimeSpan.FromMinutes(30), new Reply.Status(503)));
        var output = Path.Combine(_work, "out");
        var cli = Path.Combine(AppContext.BaseDirectory, "Extractor.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            cli, Path.Combine(_work, "in"), server.Url("/never.pdf"), "--out", output, "--jobs", "2", "--reproducible",
            "--retries", "0", "--request-timeout", "1800",
        })
        {
            start.ArgumentList.Add(arg);
        }
        using (var process = Process.Start(start)!)
        {
            process.ErrorDataReceived += (_, _) => { };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var ledger = Path.Combine(output, ".extractor", "ledger");
            var clock = Stopwatch.StartNew();
            while (!(Directory.Exists(ledger) && Directory.GetFiles(ledger, "*.json").Length >= 2) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                Thread.Sleep(100);
            }
            Assert.False(process.HasExited, "the batch ended before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // Killed mid-way: the documents finished are whole; the batch files were never written.
        var finished = Finished(output);
        Assert.InRange(finished.Count, 2, 10);
        Assert.False(File.Exists(Path.Combine(output, "documents.csv")));
        var done = Directory.GetFiles(Path.Combine(output, ".extractor", "ledger"), "*.json").Length;

        var outcomes = Runner.Run(InputExpander.Expand([Path.Combine(_work, "in")]), Options(output));

        Assert.Equal(done, outcomes.Count(o => o.Resumed));
        Assert.All(outcomes.Where(o => o.Resumed), o => Assert.Equal(finished[o.DocId], File.GetLastWriteTimeUtc(Path.Combine(output, o.DocId, "document.json"))));
        Assert.Empty(BatchFixtures.Leftovers(output));
        Assert.Equal(BatchFixtures.Output(clean), BatchFixtures.Output(output));
    }

    [Fact]
    public void A_rerun_redoes_failed_changed_and_forced_inputs_and_inputs_whose_options_changed()
    {
        var inputs = BatchFixtures.GoodCopies(Path.Combine(_work, "in"), 3);
        var broken = Path.Combine(_work, "in", "broken.pdf");
        File.WriteAllText(broken, "not yet");
        List<string> all = [.. inputs, broken];
        var output = Path.Combine(_work, "out");
        var first = Runner.Run(all, Options(output));
        Assert.Equal(ErrorCodes.NotPdf, first[3].ErrorCode);

        // The broken file is fixed and another one changes: those two are converted again, the others skipped.
        File.Copy(BatchFixtures.SeedCalc, broken, overwrite: true);
        File.Copy(BatchFixtures.SeedCalc, inputs[1], overwrite: true);
        var second = Runner.Run(all, Options(output));
        Assert.Equal([true, false, true, false], second.Select(o => o.Resumed));
        Assert.Equal("ok", second[3].Status);
        Assert.NotEqual(first[1].DocId, second[1].DocId);

        Assert.All(Runner.Run(all, Options(output) with { Force = true }), o => Assert.False(o.Resumed));
        Assert.All(Runner.Run(all, Options(output) with { Format = OutputFormat.Csv }), o => Assert.False(o.Resumed));
        Assert.All(Runner.Run(all, Options(output) with { Format = OutputFormat.Csv, MaxParallelism = 1, PerDocumentTimeout = TimeSpan.FromMinutes(1) }), o => Assert.True(o.Resumed));
    }

    [Fact]
    public void A_finished_document_whose_folder_was_deleted_is_converted_again()
    {
        var inputs = BatchFixtures.GoodCopies(Path.Combine(_work, "in"), 2);
        var output = Path.Combine(_work, "out");
        var first = Runner.Run(inputs, Options(output));
        Directory.Delete(Path.Combine(output, first[0].DocId), recursive: true);

        var second = Runner.Run(inputs, Options(output));

        Assert.Equal([false, true], second.Select(o => o.Resumed));
        Assert.True(File.Exists(Path.Combine(output, first[0].DocId, "facts.csv")));
    }

    private sealed class Progress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
