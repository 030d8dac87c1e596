using Extractor.Output;
using Extractor.Output.Package;

namespace Extractor.Batch;

public sealed record BatchOptions
{
    public required string OutputDirectory { get; init; }
    public OutputFormat Format { get; init; } = OutputFormat.Both;
    /// <summary>Write each document's report.html and the batch's index.html.</summary>
    public bool Html { get; init; }
    /// <summary>Write each document's annotated.pdf (the source with failed checks outlined).</summary>
    public bool Annotate { get; init; }
    /// <summary>Start every CSV file with a UTF-8 byte order mark, so that Excel opens it as UTF-8 (<c>--csv-bom</c>).</summary>
    public bool CsvBom { get; init; }

    /// <summary>The publisher's title, licence and other properties for datapackage.json (<c>--package-*</c>).</summary>
    public PackageMetadata Package { get; init; } = PackageMetadata.None;

    /// <summary>
    /// A document taking longer than this, its writing included, is stopped and reported as <c>timeout</c>. Held for real
    /// only with <see cref="Workers"/> (the worker is killed); in this process a conversion is told to stop and notices
    /// between pages.
    /// </summary>
    public TimeSpan PerDocumentTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Convert in worker processes started with this command, killed and replaced when a document breaks the time or
    /// memory limit; null: convert on threads of this process. The command line tool sets it to itself.
    /// </summary>
    public WorkerCommand? Workers { get; init; }

    /// <summary>
    /// The memory one worker may use (resident set, bytes); a document that needs more is stopped and reported as
    /// <c>too_large</c>. Only with <see cref="Workers"/>. Default: <see cref="DefaultMaxMemory"/>.
    /// </summary>
    public long MaxMemoryBytes { get; init; } = DefaultMaxMemory(Environment.ProcessorCount);

    /// <summary>
    /// The default memory limit of one worker: a quarter of the machine's memory shared among the jobs, at least 256 MB
    /// and at most 640 MB. The largest document of the real corpus needs about 200 MB, and at the most, two jobs stay
    /// under 1.5 GB together with the batch process.
    /// </summary>
    public static long DefaultMaxMemory(int jobs)
    {
        const long mb = 1024 * 1024;
        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return Math.Clamp(total / 4 / Math.Max(1, jobs), 256 * mb, 640 * mb);
    }

    /// <summary>CSV text cells that a spreadsheet would run as a formula get a leading <c>'</c> (never <c>value</c>).</summary>
    public bool ExcelSafe { get; init; }
    /// <summary>
    /// Repair codes left unresolved with the codes other documents of the batch print in full for
    /// the same year (a second pass over the documents that need it).
    /// </summary>
    public bool BatchCodeEvidence { get; init; } = true;

    /// <summary>Documents converted at once (default: the number of cores). The output does not depend on it.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Convert every input again, ignoring what earlier runs finished (the download cache is still used).</summary>
    public bool Force { get; init; }

    /// <summary>Which share of the inputs this run takes (<c>--shard i/n</c>).</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.All;

    /// <summary>
    /// Write times as 0 (documents.csv <c>elapsed_ms</c>, document.json <c>timings_ms</c>), so that
    /// two runs over the same inputs give byte-identical output.
    /// </summary>
    public bool Reproducible { get; init; }

    /// <summary>
    /// Anything else that changes what a conversion writes and that the runner cannot see, such as
    /// the SHA-256 of user catalogs; part of the options fingerprint that decides resumption.
    /// </summary>
    public string ConversionKey { get; init; } = string.Empty;

    public DownloadOptions Download { get; init; } = new();

    /// <summary>
    /// The user's mapping of names to keys (<c>--entities</c>) for the entity_key and entity_kind columns of
    /// documents.csv. It changes no document's folder, so it is not part of the options a resumed run must share.
    /// </summary>
    public Linking.EntityMap? Entities { get; init; }

    /// <summary>Run state (resume ledger, order of the inputs) and, by default, the download cache.</summary>
    public string StateDirectory => Path.Combine(OutputDirectory, ".extractor");

    public string DownloadCacheDirectory => Download.CacheDirectory ?? Path.Combine(StateDirectory, "downloads");
}
