namespace Extractor.Batch;

/// <summary>How URLs are fetched: politeness, retries, limits. The defaults suit government web servers.</summary>
public sealed record DownloadOptions
{
    /// <summary>Where downloads are kept, by URL (null: <c>&lt;out&gt;/.extractor/downloads</c>).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Downloads in flight at once, over all hosts.</summary>
    public int MaxConcurrentDownloads { get; init; } = 4;

    /// <summary>Downloads in flight at once from one host (host:port), retries and their waits included.</summary>
    public int MaxPerHost { get; init; } = 2;

    /// <summary>Retries after the first attempt, on 5xx, 408, 429, time-outs, dropped connections and bodies cut short.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay; it doubles with each retry, with jitter (a <c>Retry-After</c> from the server wins).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts computed by the backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A <c>Retry-After</c> longer than this ends the download (reported <c>download_failed</c>) instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Time limit of one attempt: connection, headers and the whole body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Largest file accepted.</summary>
    public long MaxBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>The circuit of a host opens when at least this share of its attempts failed…</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>…among at least this many attempts…</summary>
    public int BreakerMinimumThroughput { get; init; } = 10;

    /// <summary>…within this window.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>While open, downloads from the host fail at once (<c>download_failed</c>; a rerun redoes them).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; init; } = "Extractor/1.0 (budget-disclosure harvester)";
}
