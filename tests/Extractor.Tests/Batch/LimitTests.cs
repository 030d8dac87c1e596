using System.Diagnostics;
using Extractor.Batch;

namespace Extractor.Tests.Batch;

/// <summary>Run alone: they look at this process's CPU time and at its worker processes, which other tests would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LimitCollection
{
    public const string Name = "limits";
}

/// <summary>
/// The time and memory limits stop the work, not just the report: a conversion that really runs long (or grows) is
/// stopped at its limit — its worker process is gone, its CPU time no longer grows — and the batch's next document is
/// converted as if nothing had happened.
/// </summary>
[Collection(LimitCollection.Name)]
public sealed class LimitTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-limits-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private sealed class Progress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }

    [Fact]
    public void A_conversion_over_the_time_limit_stops_working_and_the_next_document_is_converted()
    {
        // 160 pages of 100,000 glyphs: about 40 s of work on an idle machine, of which 15 s are allowed (long enough for a new worker
        // to start and convert the seed on a busy machine).
        var flood = HostileFiles.Get("glyph-flood.pdf");
        var output = Path.Combine(_work, "out");
        var earlier = ProcessTree.WorkerPids().ToHashSet();
        using var tree = new ProcessTree();
        var stopped = new List<string>();
        var progress = new Progress(p =>
        {
            if (p.Last.Source != flood) return;
            // Reported (and the next document not yet begun): the flood's worker is gone, or idle — its CPU time and
            // memory no longer grow.
            List<(int Pid, (double Cpu, long Rss, DateTime Seen) Seen)> workers;
            lock (tree.Workers) workers = tree.Workers.Where(w => !earlier.Contains(w.Key)).Select(w => (w.Key, w.Value)).ToList();
            var before = workers.ToDictionary(w => w.Pid, w => ProcessTree.Now(w.Pid));
            Thread.Sleep(1500);
            foreach (var (pid, seen) in workers)
            {
                var after = ProcessTree.Now(pid);
                stopped.Add($"{pid}: {seen.Cpu:0.0} s CPU seen; at the report {Describe(before[pid])}; 1.5 s later {Describe(after)}");
                Assert.True(seen.Cpu >= 3.0, $"the worker used {seen.Cpu} s of CPU: the conversion did not run long");
                if (after is { } a && before[pid] is { } b)
                {
                    Assert.True(a.Cpu - b.Cpu < 0.3, stopped[^1]);
                    Assert.True(a.Rss <= b.Rss + (16L << 20), stopped[^1]);
                }
            }
        });

        var outcomes = new BatchRunner(DocumentExtractor.Default).Run(InputList.Of([flood, BatchFixtures.SeedCalc]), new BatchOptions
        {
            OutputDirectory = output, MaxParallelism = 1, Workers = HostileFiles.Workers, MaxMemoryBytes = 8L << 30,
            PerDocumentTimeout = TimeSpan.FromSeconds(15),
        }, progress);

        Assert.True(outcomes[0].ErrorCode == ErrorCodes.Timeout, $"{outcomes[0].ErrorCode}: {outcomes[0].Message}");
        Assert.Contains("--timeout", outcomes[0].Message);
        Assert.NotEmpty(stopped);
        Assert.True(outcomes[1].Status == "ok", outcomes[1].Message);
        Assert.Empty(BatchFixtures.Leftovers(output));

        static string Describe((double Cpu, long Rss)? state) => state is { } s ? $"{s.Cpu:0.00} s CPU, {s.Rss >> 20} MB" : "gone";
    }

    [Fact]
    public void A_worker_that_does_not_stop_by_itself_is_killed_at_the_limit()
    {
        // A stand-in for a conversion stuck inside one library call: a worker that takes the request and spins.
        var spinning = new WorkerCommand("sh", ["-c", "while :; do :; done"]);
        var output = Path.Combine(_work, "out");
        var alive = true;
        var spun = 0.0;
        var done = false;
        var watcher = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                foreach (var pid in Descendants("sh")) spun = Math.Max(spun, ProcessTree.Now(pid)?.Cpu ?? 0);
                Thread.Sleep(50);
            }
        });
        watcher.Start();
        var progress = new Progress(_ => alive = Descendants("sh").Count > 0);
        var clock = Stopwatch.StartNew();

        var outcome = new BatchRunner(DocumentExtractor.Default).Run(InputList.Of([BatchFixtures.SeedCalc]), new BatchOptions
        {
            OutputDirectory = output, MaxParallelism = 1, Workers = spinning, PerDocumentTimeout = TimeSpan.FromSeconds(1),
        }, progress)[0];

        Volatile.Write(ref done, true);
        watcher.Join();

        Assert.Equal(ErrorCodes.Timeout, outcome.ErrorCode);
        Assert.True(spun >= 1.0, $"the worker spun for {spun} s of CPU");
        Assert.False(alive, "the spinning worker was still running when its timeout was reported");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) + WorkerPool.Grace + TimeSpan.FromSeconds(10));
    }

    /// <summary>The descendants of this process whose command is <paramref name="name"/>.</summary>
    private static List<int> Descendants(string name) => ProcessTree.Descendants().Where(pid => ProcessTree.Command(pid) == name).ToList();

    [Fact]
    public void A_worker_over_the_memory_limit_is_stopped_and_the_next_document_is_not_affected()
    {
        const long limit = 256L * 1024 * 1024;
        var output = Path.Combine(_work, "out");
        using var tree = new ProcessTree();

        var outcomes = new BatchRunner(DocumentExtractor.Default).Run(InputList.Of([HostileFiles.Get("glyph-flood.pdf"), BatchFixtures.SeedHtml]), new BatchOptions
        {
            OutputDirectory = output, MaxParallelism = 1, Workers = HostileFiles.Workers, MaxMemoryBytes = limit,
            PerDocumentTimeout = TimeSpan.FromMinutes(5),
        });

        Assert.True(outcomes[0].ErrorCode == ErrorCodes.TooLarge, $"{outcomes[0].ErrorCode}: {outcomes[0].Message}");
        Assert.Contains("256 MB", outcomes[0].Message);
        Assert.True(outcomes[1].Status == "ok", outcomes[1].Message);
        Assert.Equal(BatchFixtures.ExpectedSeedFacts(), BatchFixtures.FactKeys(BatchFixtures.ReadCsv(Path.Combine(output, outcomes[1].DocId, "facts.csv"))));
        // No worker grew past the limit by more than what 50 ms of allocation can add before it is looked at again.
        Assert.All(tree.Workers.Values, w => Assert.True(w.Rss < limit + 64L * 1024 * 1024, $"a worker reached {w.Rss >> 20} MB"));
        Assert.Empty(BatchFixtures.Leftovers(output));
    }

    [Fact]
    public void In_this_process_a_conversion_over_the_time_limit_stops_at_its_next_page()
    {
        // 40 pages of 100,000 glyphs: half a minute of work or more, of which 1 s is allowed.
        var flood = HostileFiles.Get("glyph-flood.pdf");
        var output = Path.Combine(_work, "out");
        var self = Process.GetCurrentProcess();
        TimeSpan atReport = default;
        var progress = new Progress(p =>
        {
            if (p.Last.Source == flood) atReport = Cpu();
        });

        var outcome = new BatchRunner(DocumentExtractor.Default).Run(InputList.Of([flood]), new BatchOptions
        {
            OutputDirectory = output, MaxParallelism = 1, PerDocumentTimeout = TimeSpan.FromSeconds(1),
        }, progress)[0];
        // The page being read when the time ran out is finished (a page of this file takes up to a second or two);
        // after that nothing more is done.
        Thread.Sleep(3000);
        var settled = Cpu();
        Thread.Sleep(1500);
        var after = Cpu();

        Assert.True(outcome.ErrorCode == ErrorCodes.Timeout, $"{outcome.Status} {outcome.ErrorCode}: {outcome.Message}");
        Assert.False(Directory.Exists(Path.Combine(output, outcome.DocId)));
        // Had the conversion gone on, this process would have used a core all the while.
        Assert.True(settled - atReport < TimeSpan.FromSeconds(2.5), $"{(settled - atReport).TotalSeconds:0.00} s of CPU in the 3 s after the timeout");
        Assert.True(after - settled < TimeSpan.FromSeconds(0.3), $"{(after - settled).TotalSeconds:0.00} s of CPU 3 to 4.5 s after the timeout");
        Assert.Empty(BatchFixtures.Leftovers(output));

        TimeSpan Cpu()
        {
            self.Refresh();
            return self.TotalProcessorTime;
        }
    }
}
