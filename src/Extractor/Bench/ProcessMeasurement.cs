namespace Extractor.Bench;

/// <summary>What a whole-process row times: one document converted, or a whole corpus as one harvest.</summary>
public enum ProcessRowKind { Latency, EndToEnd }

/// <summary>
/// The command-line tool run as a user runs it, several times: a new process each run, timed from its start to its
/// exit (runtime start-up, JIT and writing included), pinned to <see cref="Cores"/> cores. For a latency row, the
/// same file converted by a reference program (pdftotext -layout) in turn with it, where there is one.
/// </summary>
public sealed record ProcessMeasurement
{
    public required ProcessRowKind Kind { get; init; }
    /// <summary>The file converted (latency) or "corpus" (end to end).</summary>
    public required string Label { get; init; }
    public required int Documents { get; init; }
    public required int Pages { get; init; }
    public required int Cores { get; init; }
    /// <summary>The tool's --jobs.</summary>
    public required int Jobs { get; init; }
    /// <summary>Each run's wall time, in run order.</summary>
    public required IReadOnlyList<double> RunWallMs { get; init; }
    /// <summary>Each run's CPU time as the process reported it at its exit (all threads), 0 where it did not.</summary>
    public IReadOnlyList<double> RunCpuMs { get; init; } = [];
    /// <summary>The highest peak resident set (VmHWM) of the runs, 0 where none was reported.</summary>
    public long PeakBytes { get; init; }
    /// <summary>Exit codes other than 0 and 3 (converted; a check failed), one per run that had one.</summary>
    public IReadOnlyList<int> FailedExitCodes { get; init; } = [];
    /// <summary>The reference program's name and its wall times, run in turn with the tool's (latency rows).</summary>
    public string ReferenceName { get; init; } = string.Empty;
    public IReadOnlyList<double> ReferenceWallMs { get; init; } = [];

    public double FastestMs => Fastest(RunWallMs);
    public double MedianMs => Median(RunWallMs);
    public double MedianCpuMs => Median(RunCpuMs);
    public double ReferenceFastestMs => Fastest(ReferenceWallMs);
    public double ReferenceMedianMs => Median(ReferenceWallMs);
    /// <summary>Pages per second of the fastest run.</summary>
    public double PagesPerSecond => FastestMs <= 0 ? 0 : Pages / (FastestMs / 1000);

    public static double Fastest(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Min();

    /// <summary>The middle value (the mean of the two middle ones for an even count); 0 for none.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
