using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Extractor.Batch;

/// <summary>
/// Fetches PDFs over HTTP(S) into a <see cref="DownloadCache"/>, politely and resiliently: per
/// host a limit of downloads in flight and a circuit breaker; per download retries with
/// exponential backoff and jitter on 5xx, 408, 429 (honouring <c>Retry-After</c>), time-outs,
/// dropped connections and bodies cut short; per attempt a time limit covering the whole body; a
/// size limit; and the content checked to be a PDF (<c>%PDF-</c> in its first KiB, <c>%%EOF</c> in
/// its last KiB) before it is kept. A URL already in the cache is not fetched again.
/// </summary>
public sealed class PdfDownloader : IDisposable
{
    private const int Window = 1024;

    private readonly DownloadOptions _options;
    private readonly DownloadCache _cache;
    private readonly HttpClient _client;
    private readonly SemaphoreSlim _global;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostSlots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ResiliencePipeline<Attempt>> _hostPipelines = new(StringComparer.OrdinalIgnoreCase);
    private readonly KeyedLock _urlLocks = new();

    public PdfDownloader(DownloadOptions options, DownloadCache cache, HttpMessageHandler? handler = null)
    {
        _options = options;
        _cache = cache;
        _global = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentDownloads));
        _client = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            // Each attempt has its own limit (the pipeline's timeout), covering the body too.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/pdf, */*;q=0.5");
    }

    public DownloadCache Cache => _cache;

    public void Dispose()
    {
        _client.Dispose();
        _global.Dispose();
    }

    /// <summary>The URL's file, from the cache or downloaded into it; never throws for a network or server problem.</summary>
    public async Task<DownloadResult> DownloadAsync(string url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return DownloadResult.Failed(url, ErrorCodes.DownloadFailed, "The URL is not a valid http(s) address; correct it in the manifest.", 0);
        }
        using var sameUrl = await _urlLocks.AcquireAsync(url, cancellationToken).ConfigureAwait(false);
        if (_cache.TryGet(url) is { } cached) return DownloadResult.Ok(cached, 0, fromCache: true);

        var host = _hostSlots.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(Math.Max(1, _options.MaxPerHost)));
        await host.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _global.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await FetchAsync(uri, url, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _global.Release();
            }
        }
        finally
        {
            host.Release();
        }
    }

    private async Task<DownloadResult> FetchAsync(Uri uri, string url, CancellationToken cancellationToken)
    {
        var pipeline = _hostPipelines.GetOrAdd(uri.Authority, _ => BuildPipeline());
        var state = new AttemptState(this, uri, url);
        Attempt attempt;
        try
        {
            attempt = await pipeline.ExecuteAsync(static (s, token) => s.Owner.AttemptAsync(s, token), state, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            return DownloadResult.Failed(url, ErrorCodes.DownloadFailed,
                $"Not downloaded: too many downloads from {uri.Host} failed just before, so it is given a rest (circuit open); rerun later, files already converted are kept.",
                state.Attempts);
        }
        catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            return DownloadResult.Failed(url, ErrorCodes.DownloadFailed,
                $"The download failed after {Attempts(state.Attempts)} (last: {Describe(e)}); the server may be down or overloaded, so rerun later (files already converted are kept).",
                state.Attempts);
        }

        switch (attempt.Kind)
        {
            case AttemptKind.Ok:
                return DownloadResult.Ok(_cache.Commit(url, attempt.PartPath!, attempt.Sha256!, attempt.Length), state.Attempts, fromCache: false);
            case AttemptKind.NotPdf:
                return DownloadResult.Failed(url, ErrorCodes.NotPdf,
                    $"The server sent something that is not a PDF (it begins '{attempt.Preview}'); check that the URL points at the PDF itself and not at a web page.",
                    state.Attempts);
            case AttemptKind.TooLarge:
                return DownloadResult.Failed(url, ErrorCodes.DownloadFailed,
                    $"The file is larger than the size limit of {_options.MaxBytes / (1024.0 * 1024):0.#} MB (--max-size); raise the limit if the file is genuine.",
                    state.Attempts);
            default:
                var status = $"HTTP {attempt.Status} ({attempt.Reason})";
                if (attempt.RetryAfter > _options.MaxRetryAfter)
                {
                    return DownloadResult.Failed(url, ErrorCodes.DownloadFailed,
                        $"The server answered {status} and asks to come back in {attempt.RetryAfter.Value.TotalSeconds:0} s; rerun later (files already converted are kept).",
                        state.Attempts);
                }
                return IsRetriable(attempt.Status)
                    ? DownloadResult.Failed(url, ErrorCodes.DownloadFailed,
                        $"The download failed after {Attempts(state.Attempts)} (last: {status}); the server may be down or overloaded, so rerun later (files already converted are kept).",
                        state.Attempts)
                    : DownloadResult.Failed(url, ErrorCodes.DownloadFailed,
                        $"The server answered {status}; check that the URL is right (it may have moved).",
                        state.Attempts);
        }
    }

    private ResiliencePipeline<Attempt> BuildPipeline()
    {
        var transient = new PredicateBuilder<Attempt>()
            .Handle<Exception>(IsTransient)
            .HandleResult(a => a.Kind == AttemptKind.Status && IsRetriable(a.Status) && !(a.RetryAfter > _options.MaxRetryAfter));
        return new ResiliencePipelineBuilder<Attempt>()
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = Math.Max(0, _options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                // The server's Retry-After, when it gives one, is the delay; otherwise the backoff's.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait ? (TimeSpan?)wait : null),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Attempt>
            {
                ShouldHandle = transient,
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, _options.BreakerMinimumThroughput),
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakDuration,
            })
            .AddTimeout(_options.RequestTimeout)
            .Build();
    }

    private static bool IsRetriable(int status) => status >= 500 || status is 408 or 429;

    private static bool IsTransient(Exception e) => e is HttpRequestException or IOException or TimeoutRejectedException;

    private string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => $"no complete answer within {_options.RequestTimeout.TotalSeconds:0.###} s",
        TruncatedDownloadException t => t.Message,
        HttpRequestException { InnerException: IOException } or IOException => "the connection was closed before the file was complete",
        HttpRequestException h => $"the connection failed: {h.Message}",
        _ => e.Message,
    };

    private static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";

    /// <summary>One GET: the response's status, or the whole body in a part file of the cache with its SHA-256.</summary>
    private async ValueTask<Attempt> AttemptAsync(AttemptState state, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref state.Attempts);
        using var request = new HttpRequestMessage(HttpMethod.Get, state.Uri);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return new Attempt(AttemptKind.Status) { Status = (int)response.StatusCode, Reason = response.ReasonPhrase ?? response.StatusCode.ToString(), RetryAfter = RetryAfterOf(response) };
        }
        var declared = response.Content.Headers.ContentLength;
        if (declared > _options.MaxBytes) return new Attempt(AttemptKind.TooLarge);

        var part = _cache.NewPartPath(state.Url);
        var kept = false;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[Window];
            var tail = new byte[Window];
            int headLength = 0, tailLength = 0;
            long total = 0;
            await using (var file = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, buffer.Length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > _options.MaxBytes) return new Attempt(AttemptKind.TooLarge);
                    if (headLength < Window)
                    {
                        var n = Math.Min(Window - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, n);
                        headLength += n;
                        if (headLength == Window && !HasPdfHeader(head, headLength)) return NotPdf(head, headLength);
                    }
                    KeepTail(tail, ref tailLength, buffer, read);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                if (!HasPdfHeader(head, headLength)) return NotPdf(head, headLength);
                if (declared is { } expected && total != expected)
                {
                    throw new TruncatedDownloadException($"the file arrived incomplete ({total:N0} of {expected:N0} bytes)");
                }
                if (!EndsLikePdf(tail, tailLength))
                {
                    throw new TruncatedDownloadException($"the file arrived without the end every PDF has (%%EOF) after {total:N0} bytes, so it was cut short");
                }
                file.Flush(flushToDisk: true);
            }
            kept = true;
            return new Attempt(AttemptKind.Ok) { PartPath = part, Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), Length = total };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!kept) TryDelete(part);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static bool HasPdfHeader(byte[] head, int length) => IndexOf(head, length, "%PDF-"u8) >= 0;

    private static bool EndsLikePdf(byte[] tail, int length) => IndexOf(tail, length, "%%EOF"u8) >= 0;

    private static int IndexOf(byte[] data, int length, ReadOnlySpan<byte> value) => data.AsSpan(0, length).IndexOf(value);

    private static void KeepTail(byte[] tail, ref int tailLength, byte[] chunk, int read)
    {
        if (read >= Window)
        {
            Array.Copy(chunk, read - Window, tail, 0, Window);
            tailLength = Window;
            return;
        }
        var keep = Math.Min(tailLength, Window - read);
        Array.Copy(tail, tailLength - keep, tail, 0, keep);
        Array.Copy(chunk, 0, tail, keep, read);
        tailLength = keep + read;
    }

    private static Attempt NotPdf(byte[] head, int length)
    {
        var text = Encoding.UTF8.GetString(head, 0, Math.Min(length, 60));
        var preview = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        if (preview.Length > 40) preview = preview[..40] + "…";
        return new Attempt(AttemptKind.NotPdf) { Preview = length == 0 ? "(nothing: the body is empty)" : preview };
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for RemoveStaleParts.
        }
    }

    private sealed class AttemptState(PdfDownloader owner, Uri uri, string url)
    {
        public PdfDownloader Owner { get; } = owner;
        public Uri Uri { get; } = uri;
        public string Url { get; } = url;
        public int Attempts;
    }

    private enum AttemptKind { Ok, Status, NotPdf, TooLarge }

    private sealed record Attempt(AttemptKind Kind)
    {
        public int Status { get; init; }
        public string Reason { get; init; } = string.Empty;
        public TimeSpan? RetryAfter { get; init; }
        public string? PartPath { get; init; }
        public string? Sha256 { get; init; }
        public long Length { get; init; }
        public string Preview { get; init; } = string.Empty;
    }
}
