namespace Extractor.Bench;

public enum BenchMode { Floor, Pipeline }

/// <summary>One timed pass over a corpus: the floor (PdfPig alone) or the pipeline, with some number of workers.</summary>
public sealed record BenchMeasurement
{
    public required BenchMode Mode { get; init; }
    public required int Jobs { get; init; }
    /// <summary>The cores the measuring process could run on (its CPU affinity): the bench pins an N-job measurement to N cores.</summary>
    public int Cores { get; init; }
    public required int Documents { get; init; }
    public required int Pages { get; init; }
    /// <summary>Pages read of each document of the corpus, in corpus order (0 for a document that failed).</summary>
    public required IReadOnlyList<int> PagesPerDocument { get; init; }
    public required double WallMs { get; init; }
    /// <summary>CPU time the process used during the pass (all its threads, GC and JIT included), in milliseconds.</summary>
    public double CpuMs { get; init; }
    /// <summary>The machine's 1-minute load average when the pass ended (other processes compete for the cores).</summary>
    public double LoadAverage { get; init; }
    /// <summary>The process's peak resident memory (VmHWM), in bytes; 0 where it cannot be read.</summary>
    public long PeakWorkingSetBytes { get; init; }
    /// <summary>Whether <see cref="PeakWorkingSetBytes"/> is this measurement's own (a process of its own, or a reset peak).</summary>
    public bool PeakIsolated { get; init; }
    /// <summary>Bytes allocated on the managed heap during the pass.</summary>
    public long AllocatedBytes { get; init; }
    public int Gen2Collections { get; init; }
    /// <summary>Time the garbage collector paused the program's threads during the pass, in milliseconds.</summary>
    public double GcPauseMs { get; init; }
    /// <summary>
    /// The pipeline's time per stage, summed over documents, in milliseconds: parse (PdfPig),
    /// page model, detect, recognize, rows, repair, checks, write, other.
    /// </summary>
    public IReadOnlyDictionary<string, double> StageMs { get; init; } = new Dictionary<string, double>();
    /// <summary>The bytes each stage of <see cref="StageMs"/> allocated on the managed heap, summed over documents.</summary>
    public IReadOnlyDictionary<string, long> StageAllocatedBytes { get; init; } = new Dictionary<string, long>();
    /// <summary>What the floor read: letters and path commands, summed over documents.</summary>
    public long Letters { get; init; }
    public long PathCommands { get; init; }
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>The cold pass before the measured one: each distinct document once, JIT compilation included (0 when skipped).</summary>
    public int ColdPages { get; init; }
    public double ColdWallMs { get; init; }
    public double ColdCpuMs { get; init; }

    /// <summary>The wall time of every run of this measurement when it was run several times (this one is the fastest).</summary>
    public IReadOnlyList<double> RunWallMs { get; init; } = [];

    public double PagesPerSecond => WallMs <= 0 ? 0 : Pages / (WallMs / 1000);
    public double DocumentsPerSecond => WallMs <= 0 ? 0 : Documents / (WallMs / 1000);
    public double ColdPagesPerSecond => ColdWallMs <= 0 ? 0 : ColdPages / (ColdWallMs / 1000);
}
