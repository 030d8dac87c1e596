using Extractor.Output;
using System.Globalization;
using System.Text;

namespace Extractor.Bench;

/// <summary>A benchmark's results: the machine, the corpus and each measurement, printed as text.</summary>
public sealed record BenchReport(MachineInfo Machine, BenchCorpus Corpus, IReadOnlyList<BenchMeasurement> Measurements, bool SeparateProcesses)
{
    private static readonly IReadOnlyDictionary<string, string> StageLabels = new Dictionary<string, string>
    {
        ["parse"] = "open/parse (PdfPig)",
        ["page model"] = "page model",
        ["detect"] = "detection",
        ["recognize"] = "recognition",
        ["rows"] = "rows",
        ["repair"] = "code repair",
        ["checks"] = "checks",
        ["write"] = "writing",
        ["other"] = "other",
    };

    /// <summary>Where the pipeline's output went, and that folder's file system type (empty when unknown).</summary>
    public string OutputFolder { get; init; } = string.Empty;
    public string OutputFileSystem { get; init; } = string.Empty;

    /// <summary>The files the pipeline writes per document (<c>--format</c>).</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Both;

    /// <summary>The whole-process rows: the tool converting one document, or the corpus as one harvest, in new processes.</summary>
    public IReadOnlyList<ProcessMeasurement> Processes { get; init; } = [];

    public BenchMeasurement? Find(BenchMode mode, int jobs) => Measurements.FirstOrDefault(m => m.Mode == mode && m.Jobs == jobs);

    /// <summary>Whether every floor and pipeline measurement read the same pages of the same documents.</summary>
    public bool SamePages
    {
        get
        {
            var expected = Corpus.Items.Select(d => d.Pages).ToList();
            return Measurements.All(m => m.PagesPerDocument.SequenceEqual(expected));
        }
    }

    public string ToText()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        void Line(string text = "") => sb.AppendLine(text);

        Line("Extractor benchmark");
        Line(string.Create(ci, $"machine:  {Machine.Cores} cores, {Machine.Cpu}{(Machine.MemoryBytes > 0 ? $", {Machine.MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB" : "")}; {Machine.Os}"));
        Line($"runtime:  {Machine.Runtime}, {Machine.Gc} GC, {Machine.Build} build");
        var distinctPages = Corpus.Distinct.Sum(d => d.Pages);
        Line(string.Create(ci, $"corpus:   {Corpus.Distinct.Count} PDFs with a text layer ({distinctPages:N0} pages), run {Corpus.Repeat}x: {Corpus.Documents:N0} documents, {Corpus.Pages:N0} pages"));
        foreach (var skipped in Corpus.Skipped) Line($"          left out: {skipped}");
        Line($"method:   floor = PdfPig alone reading every page's letters and paths; pipeline = conversion and writing, as the");
        Line($"          batch command does them. Each row {(SeparateProcesses ? "in a process of its own" : "in this process")}: a cold pass over the distinct PDFs (JIT");
        Line($"          compilation included: 'cold pages/s'), then the measured pass. Documents go to N worker threads, one at a");
        Line($"          time each, as --jobs N does. peak MB = the process's peak resident set (VmHWM{(Measurements.All(m => m.PeakIsolated) ? "" : ", NOT reset between rows")});");
        Line($"          cpu s = the process's CPU time in the measured pass (GC and JIT threads included); gc s = the time the");
        Line($"          garbage collector paused the workers in it; load = the 1-minute load average after it (above N: other");
        Line($"          processes were using the cores too).");
        Line($"          cores = the cores the measuring process could use: a measurement with N jobs is pinned to N cores");
        Line($"          (taskset) where the machine has more, so that 1 job on 1 core is what one core does, GC and JIT included.");
        if (OutputFolder.Length > 0)
        {
            var fs = OutputFileSystem.Length > 0 ? $" ({OutputFileSystem})" : "";
            Line($"output:   {OutputFolder}{fs}; --format {Format.ToString().ToLowerInvariant().Replace(" ", "")}");
            if (OutputFileSystem == "tmpfs")
            {
                Line($"          a memory file system: writing is serialisation and system calls, without a disk's costs. On ext4,");
                Line($"          creating files is much slower for minutes after many were deleted (e.g. an earlier bench's output);");
                Line($"          --work DIR measures the pipeline writing to DIR's disk instead.");
            }
        }
        Line();
        Line("                         cores  pages/s  documents/s    wall s     cpu s    gc s  cold pages/s  peak MB  alloc KB/page  load");
        foreach (var m in Measurements)
        {
            var name = $"{(m.Mode == BenchMode.Floor ? "floor (PdfPig)" : "pipeline")}, {m.Jobs} job{(m.Jobs == 1 ? "" : "s")}";
            Line(string.Create(ci, $"{name,-23}{(m.Cores > 0 ? m.Cores.ToString(ci) : "?"),7}{m.PagesPerSecond,9:0.0}{m.DocumentsPerSecond,13:0.00}{m.WallMs / 1000,10:0.00}{m.CpuMs / 1000,10:0.00}{m.GcPauseMs / 1000,8:0.00}{m.ColdPagesPerSecond,14:0.0}{m.PeakWorkingSetBytes / (1024.0 * 1024),9:0}{(m.Pages == 0 ? 0 : m.AllocatedBytes / 1024.0 / m.Pages),15:0}{m.LoadAverage,6:0.0}"));
        }
        foreach (var m in Measurements.Where(m => m.RunWallMs.Count > 1))
        {
            Line(string.Create(ci, $"{(m.Mode == BenchMode.Floor ? "floor" : "pipeline")}, {m.Jobs} job{(m.Jobs == 1 ? "" : "s")}: fastest of {m.RunWallMs.Count} runs; pages/s of each: {string.Join(", ", m.RunWallMs.Select(w => (m.Pages / (w / 1000)).ToString("0.0", ci)))}"));
        }
        Line();

        var jobs = Measurements.Select(m => m.Jobs).Distinct().Order().ToList();
        foreach (var j in jobs)
        {
            if (Find(BenchMode.Floor, j) is { } floor && Find(BenchMode.Pipeline, j) is { } pipeline && floor.PagesPerSecond > 0 && pipeline.CpuMs > 0)
            {
                Line(string.Create(ci, $"pipeline / floor, {j} job{(j == 1 ? "" : "s")}: {100 * pipeline.PagesPerSecond / floor.PagesPerSecond:0}% of the floor's pages/s ({100 * floor.CpuMs / pipeline.CpuMs:0}% by CPU time; cold: {(floor.ColdPagesPerSecond > 0 ? 100 * pipeline.ColdPagesPerSecond / floor.ColdPagesPerSecond : 0):0}%)"));
            }
        }
        if (jobs.Count >= 2)
        {
            foreach (var mode in new[] { BenchMode.Floor, BenchMode.Pipeline })
            {
                if (Find(mode, jobs[0]) is { } one && Find(mode, jobs[^1]) is { } many && one.PagesPerSecond > 0)
                {
                    var speedup = many.PagesPerSecond / one.PagesPerSecond;
                    var cores = one.Cores > 0 && many.Cores > 0 ? $" on {one.Cores} -> {many.Cores} cores" : "";
                    Line(string.Create(ci, $"scaling {jobs[0]} -> {jobs[^1]} jobs{cores}, {(mode == BenchMode.Floor ? "floor" : "pipeline")}: {speedup:0.00}x ({100 * speedup / ((double)jobs[^1] / jobs[0]):0}% of linear)"));
                }
            }
        }
        Line();

        foreach (var pipeline in Measurements.Where(m => m.Mode == BenchMode.Pipeline))
        {
            var total = pipeline.StageMs.Values.Sum();
            Line(string.Create(ci, $"time per stage, pipeline, {pipeline.Jobs} job{(pipeline.Jobs == 1 ? "" : "s")} (wall time inside each stage, summed over documents):"));
            Line("  stage                    ms      share   ms/page  alloc KB/page");
            double PerPage(double value) => pipeline.Pages == 0 ? 0 : value / pipeline.Pages;
            foreach (var (stage, ms) in pipeline.StageMs.OrderBy(kv => Order(kv.Key)))
            {
                var kb = pipeline.StageAllocatedBytes.GetValueOrDefault(stage) / 1024.0;
                Line(string.Create(ci, $"  {StageLabels.GetValueOrDefault(stage, stage),-20}{ms,9:0}{(total == 0 ? 0 : 100 * ms / total),10:0.0}%{PerPage(ms),10:0.000}{PerPage(kb),15:0}"));
            }
            Line(string.Create(ci, $"  {"total",-20}{total,9:0}{100,10:0.0}%{PerPage(total),10:0.000}{PerPage(pipeline.StageAllocatedBytes.Values.Sum() / 1024.0),15:0}"));
            Line();
        }

        if (Processes.Count > 0) AppendProcesses(sb);

        var floors = Measurements.Where(m => m.Mode == BenchMode.Floor).ToList();
        if (floors.Count > 0)
        {
            Line(string.Create(ci, $"floor read {floors[0].Letters:N0} letters and {floors[0].PathCommands:N0} path commands per run"));
        }
        Line(SamePages
            ? string.Create(ci, $"same pages: every floor and pipeline run read the same {Corpus.Documents:N0} document{(Corpus.Documents == 1 ? "" : "s")}, {Corpus.Pages:N0} pages")
            : "same pages: NO, the runs read different pages (see failures)");
        foreach (var failure in Measurements.SelectMany(m => m.Failures.Select(f => $"{m.Mode} {m.Jobs}: {f}")).Distinct().Take(20))
        {
            Line($"failed: {failure}");
        }
        return sb.ToString();
    }

    /// <summary>The whole-process rows, each against what it is judged by: pdftotext, one core, the floor.</summary>
    private void AppendProcesses(StringBuilder sb)
    {
        var ci = CultureInfo.InvariantCulture;
        void Line(string text = "") => sb.AppendLine(text);
        var runs = Processes.Max(p => p.RunWallMs.Count);
        Line(string.Create(ci, $"whole processes: the tool as a user runs it, a new process each run (start-up, JIT and writing included),"));
        Line(string.Create(ci, $"          {runs} run{(runs == 1 ? "" : "s")} each, every row in turn; fastest and median wall time; cpu s and peak MB as the process"));
        Line(string.Create(ci, $"          reported them at its exit (median, highest). latency = one document into a new output folder."));
        Line("                                       cores  jobs  pages  fastest s  median s    cpu s  peak MB   pages/s");
        foreach (var p in Processes)
        {
            var name = p.Kind == ProcessRowKind.Latency ? $"latency, {Shorten(p.Label, 28)}" : $"end to end, {p.Documents} documents";
            Line(string.Create(ci, $"{name,-39}{p.Cores,6}{p.Jobs,6}{p.Pages,7}{p.FastestMs / 1000,11:0.000}{p.MedianMs / 1000,10:0.000}{p.MedianCpuMs / 1000,9:0.00}{p.PeakBytes / (1024.0 * 1024),9:0}{p.PagesPerSecond,10:0.0}"));
            if (p.ReferenceWallMs.Count > 0)
            {
                Line(string.Create(ci, $"{"  " + p.ReferenceName,-39}{p.Cores,6}{"",6}{p.Pages,7}{p.ReferenceFastestMs / 1000,11:0.000}{p.ReferenceMedianMs / 1000,10:0.000}"));
            }
            foreach (var code in p.FailedExitCodes.Distinct()) Line($"  failed: exit code {code}");
        }
        Line();
        foreach (var p in Processes.Where(p => p.ReferenceFastestMs > 0))
        {
            Line(string.Create(ci, $"{p.Label}, {p.Cores} core{(p.Cores == 1 ? "" : "s")}: {p.FastestMs / p.ReferenceFastestMs:0.0}x the time of {p.ReferenceName} (fastest; median {p.MedianMs / p.ReferenceMedianMs:0.0}x)"));
        }
        foreach (var group in Processes.Where(p => p.Kind == ProcessRowKind.Latency).GroupBy(p => p.Label))
        {
            var byCores = group.OrderBy(p => p.Cores).ToList();
            if (byCores.Count >= 2 && byCores[^1].FastestMs > 0)
            {
                Line(string.Create(ci, $"{group.Key}: {byCores[0].Cores} -> {byCores[^1].Cores} cores, {byCores[0].FastestMs / byCores[^1].FastestMs:0.00}x faster (fastest; median {byCores[0].MedianMs / byCores[^1].MedianMs:0.00}x)"));
            }
        }
        foreach (var p in Processes.Where(p => p.Kind == ProcessRowKind.EndToEnd))
        {
            if (Find(BenchMode.Floor, p.Jobs) is { PagesPerSecond: > 0 } floor)
            {
                Line(string.Create(ci, $"end to end, {p.Jobs} job{(p.Jobs == 1 ? "" : "s")}: {100 * p.PagesPerSecond / floor.PagesPerSecond:0}% of the floor's pages/s with {p.Jobs} job{(p.Jobs == 1 ? "" : "s")} ({p.PagesPerSecond:0.0} vs {floor.PagesPerSecond:0.0})"));
            }
        }
        Line();
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static int Order(string stage)
    {
        var index = Benchmark.Stages.ToList().IndexOf(stage);
        return index < 0 ? Benchmark.Stages.Count - 1 : index;
    }
}
