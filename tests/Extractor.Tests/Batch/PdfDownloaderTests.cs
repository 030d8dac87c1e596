using System.Security.Cryptography;
using Extractor.Batch;

namespace Extractor.Tests.Batch;

/// <summary>Downloads against a local server that fails in every way a government web server does.</summary>
public sealed class PdfDownloaderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-download-").FullName;
    private readonly FaultyHttpServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>Tiny delays and limits so the faults play out in milliseconds; the breaker stays out of the way unless a test wants it.</summary>
    private static DownloadOptions Fast => new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(1),
        MaxConcurrentDownloads = 8,
        MaxPerHost = 8,
        BreakerMinimumThroughput = 1000,
        MaxBytes = 1024 * 1024,
    };

    private PdfDownloader Downloader(DownloadOptions options) => new(options, new DownloadCache(Path.Combine(_work, "cache")));

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Every_file_arrives_intact_or_is_reported_download_failed_and_nothing_half_written_is_kept()
    {
        var files = Enumerable.Range(0, 12).Select(i => FaultyHttpServer.FakePdf(150_000 + i * 1000, i)).ToArray();
        var big = FaultyHttpServer.FakePdf(2 * 1024 * 1024, 99);
        var slow = TimeSpan.FromSeconds(3);
        var cases = new (string Path, Reply[] Script, byte[]? Arrives, int Requests)[]
        {
            ("/ok.pdf", [new Reply.Ok(files[0])], files[0], 1),
            ("/503-503-ok.pdf", [new Reply.Status(503), new Reply.Status(503), new Reply.Ok(files[1])], files[1], 3),
            ("/500-ok.pdf", [new Reply.Status(500), new Reply.Ok(files[2])], files[2], 2),
            ("/dropped-ok.pdf", [new Reply.Drop(), new Reply.Ok(files[3])], files[3], 2),
            ("/cut-with-length-ok.pdf", [new Reply.Truncated(files[4], files[4].Length / 2, DeclareLength: true), new Reply.Ok(files[4])], files[4], 2),
            ("/cut-without-length-ok.pdf", [new Reply.Truncated(files[5], files[5].Length / 2, DeclareLength: false), new Reply.Ok(files[5])], files[5], 2),
            ("/slow-headers-ok.pdf", [new Reply.Slow(slow, new Reply.Ok(files[6])), new Reply.Ok(files[6])], files[6], 2),
            ("/stalled-body-ok.pdf", [new Reply.Stalling(files[7], slow), new Reply.Ok(files[7])], files[7], 2),
            ("/slow-but-in-time.pdf", [new Reply.Slow(TimeSpan.FromMilliseconds(100), new Reply.Ok(files[8]))], files[8], 1),
            ("/always-503.pdf", [new Reply.Status(503)], null, 4),
            ("/always-dropped.pdf", [new Reply.Drop()], null, 4),
            ("/always-cut.pdf", [new Reply.Truncated(files[9], files[9].Length - 100, DeclareLength: false)], null, 4),
            ("/always-slow.pdf", [new Reply.Slow(slow, new Reply.Ok(files[10]))], null, 4),
            ("/missing.pdf", [new Reply.Status(404)], null, 1),
            ("/too-big.pdf", [new Reply.Ok(big)], null, 1),
        };
        foreach (var c in cases) _server.Script(c.Path, c.Script);

        using var downloader = Downloader(Fast);
        var results = await Task.WhenAll(cases.Select(c => downloader.DownloadAsync(_server.Url(c.Path))));

        for (var i = 0; i < cases.Length; i++)
        {
            var (path, _, expected, requests) = cases[i];
            var result = results[i];
            Assert.True(expected is not null == result.Succeeded, $"{path}: {result.ErrorCode} {result.Message}");
            Assert.True(requests == _server.Requests(path), $"{path}: {_server.Requests(path)} requests");
            if (expected is not null)
            {
                Assert.Equal(Sha(expected), result.File!.Sha256);
                Assert.Equal(expected, await File.ReadAllBytesAsync(result.File.Path));
            }
            else
            {
                Assert.Equal(ErrorCodes.DownloadFailed, result.ErrorCode);
                Assert.Null(downloader.Cache.TryGet(_server.Url(path)));
            }
        }
        Assert.Contains("503", results[9].Message);
        Assert.Contains("closed before the file was complete", results[10].Message);
        Assert.Contains("%%EOF", results[11].Message);
        Assert.Contains("within 1 s", results[12].Message);
        Assert.Contains("404", results[13].Message);
        Assert.Contains("size limit", results[14].Message);

        // The cache holds the nine whole files and their records, and no part file.
        var cached = Directory.GetFiles(downloader.Cache.Directory);
        Assert.Equal(9, cached.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Equal(9, cached.Count(f => f.EndsWith(".json", StringComparison.Ordinal)));
        Assert.DoesNotContain(cached, f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_before_the_next_attempt()
    {
        var file = FaultyHttpServer.FakePdf(10_000, 1);
        _server.Script("/busy.pdf", new Reply.Status(429, RetryAfter: "1"), new Reply.Ok(file));
        using var downloader = Downloader(Fast);

        var result = await downloader.DownloadAsync(_server.Url("/busy.pdf"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2, result.Attempts);
        var times = _server.RequestTimes("/busy.pdf");
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(950), $"waited {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_limit_ends_the_download_at_once()
    {
        _server.Script("/come-back-tomorrow.pdf", new Reply.Status(503, RetryAfter: "86400"));
        using var downloader = Downloader(Fast);

        var result = await downloader.DownloadAsync(_server.Url("/come-back-tomorrow.pdf"));

        Assert.Equal(ErrorCodes.DownloadFailed, result.ErrorCode);
        Assert.Contains("86400 s", result.Message);
        Assert.Equal(1, _server.Requests("/come-back-tomorrow.pdf"));
    }

    [Fact]
    public async Task A_web_page_instead_of_a_PDF_is_not_pdf_and_is_not_kept()
    {
        _server.Script("/page.pdf", new Reply.Ok("<!DOCTYPE html><html><body>文件不存在</body></html>"u8.ToArray(), "text/html"));
        using var downloader = Downloader(Fast);

        var result = await downloader.DownloadAsync(_server.Url("/page.pdf"));

        Assert.Equal(ErrorCodes.NotPdf, result.ErrorCode);
        Assert.Contains("<!DOCTYPE html>", result.Message);
        Assert.Empty(Directory.GetFiles(downloader.Cache.Directory));
    }

    [Fact]
    public async Task The_circuit_of_a_failing_host_opens_and_spares_it_further_requests()
    {
        for (var i = 0; i < 6; i++) _server.Script($"/down{i}.pdf", new Reply.Status(503));
        using var downloader = Downloader(Fast with
        {
            MaxRetries = 1, BreakerMinimumThroughput = 4, BreakerFailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30),
        });

        var results = new List<DownloadResult>();
        for (var i = 0; i < 6; i++) results.Add(await downloader.DownloadAsync(_server.Url($"/down{i}.pdf")));

        Assert.All(results, r => Assert.Equal(ErrorCodes.DownloadFailed, r.ErrorCode));
        // Two files with two attempts each open the circuit; the other four are not requested at all.
        Assert.Equal(4, _server.TotalRequests);
        Assert.All(results.Skip(2), r => Assert.Contains("circuit open", r.Message));
    }

    [Fact]
    public async Task No_more_than_the_per_host_limit_of_downloads_are_in_flight_at_once_per_host()
    {
        var file = FaultyHttpServer.FakePdf(10_000, 2);
        var urls = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            _server.Script($"/slow{i}.pdf", new Reply.Slow(TimeSpan.FromMilliseconds(150), new Reply.Ok(file)));
            urls.Add(_server.Url($"/slow{i}.pdf"));
            urls.Add(_server.Url($"/slow{i}.pdf", host: "localhost"));
        }
        using var downloader = Downloader(Fast with { MaxPerHost = 2, MaxConcurrentDownloads = 12 });

        var results = await Task.WhenAll(urls.Select(u => downloader.DownloadAsync(u)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        // Without the limit all six of a host would be in flight together (each reply takes 150 ms); how many were at
        // once below the limit depends on how busy the machine is, so only the bound is asserted.
        Assert.InRange(_server.MaxInFlight("127.0.0.1"), 1, 2);
        Assert.InRange(_server.MaxInFlight("localhost"), 1, 2);
    }

    [Fact]
    public async Task A_cached_URL_is_not_fetched_again_and_a_damaged_cache_entry_is()
    {
        var file = FaultyHttpServer.FakePdf(20_000, 3);
        _server.Script("/once.pdf", new Reply.Ok(file));
        var url = _server.Url("/once.pdf");
        using (var downloader = Downloader(Fast))
        {
            var first = await downloader.DownloadAsync(url);
            var second = await downloader.DownloadAsync(url);
            Assert.False(first.FromCache);
            Assert.True(second.FromCache);
            Assert.Equal(first.File!.Sha256, second.File!.Sha256);
            Assert.Equal(1, _server.Requests("/once.pdf"));

            var bytes = await File.ReadAllBytesAsync(second.File.Path);
            bytes[100] ^= 0xff;
            await File.WriteAllBytesAsync(second.File.Path, bytes);
        }
        using (var downloader = Downloader(Fast))
        {
            var again = await downloader.DownloadAsync(url);
            Assert.False(again.FromCache);
            Assert.Equal(Sha(file), again.File!.Sha256);
            Assert.Equal(2, _server.Requests("/once.pdf"));
        }
    }
}
