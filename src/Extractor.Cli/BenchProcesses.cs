using System.Diagnostics;
using System.Globalization;
using Extractor.Bench;

namespace Extractor.Cli;

/// <summary>
/// The bench's whole-process rows: this program run as a user runs it, a new process each run (one document into a new
/// folder, or a whole corpus as one harvest), every row once per round so that a slow moment of a shared machine
/// spreads over all of them, and for one document the reference program on the same file right after.
/// </summary>
internal static class BenchProcesses
{
    /// <summary>A row to run: its inputs, how many documents and pages they hold, on how many cores.</summary>
    public sealed record Plan(ProcessRowKind Kind, string Label, IReadOnlyList<string> Inputs, int Documents, int Pages, int Cores, string? ReferenceFile = null);

    /// <summary>What a one-document row is compared with, where it is installed: poppler's text extraction with layout.</summary>
    public const string ReferenceName = "pdftotext -layout";

    public static IReadOnlyList<ProcessMeasurement> Run(IReadOnlyList<Plan> plans, int runs, string work, TextWriter stderr)
    {
        var reference = Reference();
        var walls = plans.Select(_ => new List<double>()).ToList();
        var cpus = plans.Select(_ => new List<double>()).ToList();
        var peaks = new long[plans.Count];
        var failed = plans.Select(_ => new List<int>()).ToList();
        var references = plans.Select(_ => new List<double>()).ToList();
        for (var run = 1; run <= runs; run++)
        {
            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench: {(plan.Kind == ProcessRowKind.Latency ? "latency, " + plan.Label : "end to end")}, {plan.Cores} core{(plan.Cores == 1 ? "" : "s")}, a new process{(runs > 1 ? $" (run {run} of {runs})" : "")} …"));
                var name = $"process-{i + 1}-{run}";
                var usage = Path.Combine(work, name + ".usage");
                var start = BenchCommand.StartSelf(plan.Cores, [.. plan.Inputs, "--out", Path.Combine(work, name), "--progress", "none"]);
                start.Environment[ResourceReport.Variable] = usage;
                var (wall, exit) = Time(start);
                walls[i].Add(wall);
                if (exit is not (CommandLine.Success or CommandLine.ChecksFailed)) failed[i].Add(exit);
                var (cpu, peak) = ResourceReport.Read(usage);
                cpus[i].Add(cpu);
                peaks[i] = Math.Max(peaks[i], peak);

                if (plan.ReferenceFile is { } file && reference is not null)
                {
                    var text = Path.Combine(work, name + ".txt");
                    var (referenceWall, referenceExit) = Time(BenchCommand.Pinned(reference, plan.Cores, ["-layout", file, text]));
                    if (referenceExit == 0) references[i].Add(referenceWall);
                }
            }
        }
        return plans.Select((plan, i) => new ProcessMeasurement
        {
            Kind = plan.Kind,
            Label = plan.Label,
            Documents = plan.Documents,
            Pages = plan.Pages,
            Cores = plan.Cores,
            Jobs = plan.Cores,
            RunWallMs = walls[i],
            RunCpuMs = cpus[i],
            PeakBytes = peaks[i],
            FailedExitCodes = failed[i],
            ReferenceName = references[i].Count > 0 ? ReferenceName : string.Empty,
            ReferenceWallMs = references[i],
        }).ToList();
    }

    /// <summary>
    /// The corpus as the inputs of one harvest: a folder of links to its documents, named in corpus order, each
    /// repetition under a name of its own (the same file listed twice may be converted once).
    /// </summary>
    public static string LinkCorpus(BenchCorpus corpus, string folder)
    {
        Directory.CreateDirectory(folder);
        var items = corpus.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var link = Path.Combine(folder, $"{i:D5}-{Path.GetFileName(items[i].Path)}");
            File.CreateSymbolicLink(link, items[i].Path);
        }
        return folder;
    }

    /// <summary>Runs a process to its end, its output discarded: its wall time from start to exit, and its exit code.</summary>
    private static (double WallMs, int ExitCode) Time(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        Task.WaitAll(output, error);
        return (clock.Elapsed.TotalMilliseconds, process.ExitCode);
    }

    private static string? Reference()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, "pdftotext");
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
