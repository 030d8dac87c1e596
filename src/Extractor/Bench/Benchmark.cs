using System.Diagnostics;
using System.Globalization;
using Extractor.Output;
using Extractor.Pdf;

namespace Extractor.Bench;

/// <summary>
/// Runs one measurement over a corpus: the floor (PdfPig alone reading every page's letters and
/// paths, <see cref="PdfFloorReader"/>) or the pipeline (<see cref="DocumentExtractor"/> and
/// <see cref="DocumentWriter"/>, as the batch command converts a document), on
/// <c>jobs</c> worker threads taking documents in corpus order, one document per worker at a
/// time, as <c>--jobs</c> does. A cold pass over the distinct documents runs first and is
/// reported apart, so that the measured pass is the steady state of a long batch.
/// </summary>
public static class Benchmark
{
    /// <summary>Stage names of <see cref="BenchMeasurement.StageMs"/>, in pipeline order.</summary>
    public static readonly IReadOnlyList<string> Stages = ["parse", "page model", "detect", "recognize", "rows", "repair", "checks", "write", "other"];

    /// <summary>
    /// Runs <paramref name="mode"/> over the corpus with <paramref name="jobs"/> workers: first a
    /// cold pass over the distinct documents (JIT compilation included; reported apart, skipped
    /// when <paramref name="warmup"/> is false), then the measured pass over every document.
    /// </summary>
    /// <param name="ownProcess">The process runs this measurement only: its peak memory is the measurement's own.</param>
    /// <param name="format">The files the pipeline writes per document, as <c>--format</c> (default: csv and json).</param>
    public static BenchMeasurement Measure(BenchCorpus corpus, BenchMode mode, int jobs, string workDirectory, bool warmup = true, bool ownProcess = false,
        OutputFormat format = OutputFormat.Both)
    {
        Directory.CreateDirectory(workDirectory);
        var isolated = ownProcess || PeakMemory.TryReset();
        jobs = Math.Max(1, jobs);

        Pass? cold = null;
        if (warmup)
        {
            cold = RunPass(mode, jobs, corpus.Distinct, Path.Combine(workDirectory, "cold"), format);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var pass = RunPass(mode, jobs, corpus.Items, Path.Combine(workDirectory, "run"), format);
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var gen2Collections = GC.CollectionCount(2) - gen2;
        var gcPause = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        var peak = PeakMemory.Read();

        return new BenchMeasurement
        {
            Mode = mode,
            Jobs = jobs,
            Cores = Environment.ProcessorCount,
            Documents = corpus.Items.Count,
            Pages = pass.Pages.Sum(),
            PagesPerDocument = pass.Pages,
            WallMs = pass.WallMs,
            CpuMs = pass.CpuMs,
            LoadAverage = PeakMemory.LoadAverage(),
            ColdPages = cold?.Pages.Sum() ?? 0,
            ColdWallMs = cold?.WallMs ?? 0,
            ColdCpuMs = cold?.CpuMs ?? 0,
            PeakWorkingSetBytes = peak,
            PeakIsolated = isolated,
            AllocatedBytes = allocatedBytes,
            Gen2Collections = gen2Collections,
            GcPauseMs = gcPause,
            StageMs = mode == BenchMode.Pipeline ? pass.StageMs : new Dictionary<string, double>(),
            StageAllocatedBytes = mode == BenchMode.Pipeline ? pass.StageAllocated : new Dictionary<string, long>(),
            Letters = pass.Letters,
            PathCommands = pass.PathCommands,
            Failures = (cold?.Failures ?? []).Concat(pass.Failures).Distinct().ToList(),
        };
    }

    private sealed record Pass(int[] Pages, double WallMs, double CpuMs, Dictionary<string, double> StageMs, Dictionary<string, long> StageAllocated, long Letters, long PathCommands, List<string> Failures);

    /// <summary>One pass: <paramref name="jobs"/> threads take the documents in order, one at a time each.</summary>
    private static Pass RunPass(BenchMode mode, int jobs, IReadOnlyList<BenchDocument> items, string outputRoot, OutputFormat format)
    {
        var extractor = DocumentExtractor.Default;
        var pages = new int[items.Count];
        var workers = Enumerable.Range(0, jobs).Select(_ => new Worker()).ToList();
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var threads = workers.Select(worker => new Thread(() =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count)
            {
                // A folder per document run: the same document twice never writes to one folder at once.
                pages[index] = RunOne(mode, extractor, items[index], Path.Combine(outputRoot, index.ToString("D5", CultureInfo.InvariantCulture)), worker, format);
            }
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        clock.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;

        var stages = Stages.ToDictionary(s => s, _ => 0.0);
        var allocated = Stages.ToDictionary(s => s, _ => 0L);
        foreach (var worker in workers)
        {
            foreach (var (stage, ms) in worker.StageMs) stages[stage] = stages.GetValueOrDefault(stage) + ms;
            foreach (var (stage, bytes) in worker.StageAllocated) allocated[stage] = allocated.GetValueOrDefault(stage) + bytes;
        }
        return new Pass(pages, clock.Elapsed.TotalMilliseconds, cpuMs, stages, allocated, workers.Sum(w => w.Letters), workers.Sum(w => w.PathCommands),
            workers.SelectMany(w => w.Failures).ToList());
    }

    /// <summary>What one worker thread adds up; only that thread touches it until it is joined.</summary>
    private sealed class Worker
    {
        public readonly Dictionary<string, double> StageMs = new();
        public readonly Dictionary<string, long> StageAllocated = new();
        public readonly List<string> Failures = [];
        public long Letters;
        public long PathCommands;

        public void Add(string stage, double ms, long allocated)
        {
            StageMs[stage] = StageMs.GetValueOrDefault(stage) + ms;
            StageAllocated[stage] = StageAllocated.GetValueOrDefault(stage) + allocated;
        }
    }

    /// <summary>Runs one document; returns the pages read (0 when it failed).</summary>
    private static int RunOne(BenchMode mode, DocumentExtractor extractor, BenchDocument document, string outputRoot, Worker worker, OutputFormat format)
    {
        try
        {
            var bytes = File.ReadAllBytes(document.Path);
            if (mode == BenchMode.Floor)
            {
                var counts = PdfFloorReader.Read(bytes);
                worker.Letters += counts.Letters;
                worker.PathCommands += counts.PathCommands;
                return counts.Pages;
            }

            ParseClock.Reset();
            var start = Stopwatch.GetTimestamp();
            var result = extractor.Extract(bytes, document.Path);
            var extracted = Stopwatch.GetTimestamp();
            var allocatedBeforeWrite = GC.GetAllocatedBytesForCurrentThread();
            DocumentWriter.Write(outputRoot, result, format);
            var written = Stopwatch.GetTimestamp();
            var writeAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBeforeWrite;

            var parse = Stopwatch.GetElapsedTime(0, ParseClock.Ticks).TotalMilliseconds;
            var accounted = 0.0;
            foreach (var (stage, time) in result.StageTimes)
            {
                var ms = time.TotalMilliseconds;
                var allocated = result.StageAllocatedBytes.GetValueOrDefault(stage);
                if (stage == "read")
                {
                    worker.Add("parse", parse, ParseClock.AllocatedBytes);
                    worker.Add("page model", Math.Max(0, ms - parse), Math.Max(0, allocated - ParseClock.AllocatedBytes));
                }
                else
                {
                    worker.Add(stage, ms, allocated);
                }
                accounted += stage == "read" ? Math.Max(ms, parse) : ms;
            }
            worker.Add("write", Stopwatch.GetElapsedTime(extracted, written).TotalMilliseconds, writeAllocated);
            worker.Add("other", Math.Max(0, Stopwatch.GetElapsedTime(start, extracted).TotalMilliseconds - accounted), 0);
            return result.Source.Pages;
        }
        catch (Exception e)
        {
            worker.Failures.Add($"{document.Path}: {e.GetType().Name}: {e.Message}");
            return 0;
        }
    }
}
