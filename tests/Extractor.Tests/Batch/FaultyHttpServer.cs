using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Extractor.Tests.Batch;

/// <summary>What the server does with one request for a path.</summary>
internal abstract record Reply
{
    /// <summary>200 with the whole body and its Content-Length.</summary>
    public sealed record Ok(byte[] Body, string ContentType = "application/pdf") : Reply;

    /// <summary>An error status (503, 429, 404 …), optionally with a Retry-After header.</summary>
    public sealed record Status(int Code, string? RetryAfter = null) : Reply;

    /// <summary>The connection is reset without a response.</summary>
    public sealed record Drop : Reply;

    /// <summary>200, then only the first <paramref name="Sent"/> bytes of the body, then the connection is closed.</summary>
    public sealed record Truncated(byte[] Body, int Sent, bool DeclareLength) : Reply;

    /// <summary>Nothing for <paramref name="Delay"/>, then <paramref name="Then"/>.</summary>
    public sealed record Slow(TimeSpan Delay, Reply Then) : Reply;

    /// <summary>200 with the headers and half the body, a pause of <paramref name="Stall"/>, then the rest.</summary>
    public sealed record Stalling(byte[] Body, TimeSpan Stall) : Reply;
}

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 (a raw <see cref="TcpListener"/> on a free port) that
/// answers each path from a script: the replies in order, the last one repeated. It counts
/// requests per path and the most requests in flight at once per Host header.
/// </summary>
internal sealed class FaultyHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _scripts = new();
    private readonly ConcurrentDictionary<string, Reply> _last = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTime>> _requests = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new();
    private readonly Task _accepting;

    public FaultyHttpServer()
    {
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path, string host = "127.0.0.1") => $"http://{host}:{Port}{path}";

    public void Script(string path, params Reply[] replies)
    {
        _scripts[path] = new ConcurrentQueue<Reply>(replies);
        _last[path] = replies[^1];
    }

    public int Requests(string path) => _requests.TryGetValue(path, out var times) ? times.Count : 0;

    public IReadOnlyList<DateTime> RequestTimes(string path) => _requests.TryGetValue(path, out var times) ? times.ToList() : [];

    public int TotalRequests => _requests.Values.Sum(q => q.Count);

    public int MaxInFlight(string host) => _maxInFlight.GetValueOrDefault($"{host}:{Port}");

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopped.
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (path, host) = await ReadRequestAsync(stream);
                if (path is null) return;
                _requests.GetOrAdd(path, _ => new ConcurrentQueue<DateTime>()).Enqueue(DateTime.UtcNow);
                var now = _inFlight.AddOrUpdate(host, 1, (_, n) => n + 1);
                _maxInFlight.AddOrUpdate(host, now, (_, n) => Math.Max(n, now));
                try
                {
                    var reply = _scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next
                        : _last.TryGetValue(path, out var last) ? last : new Reply.Status(404);
                    await AnswerAsync(client, stream, reply);
                }
                finally
                {
                    _inFlight.AddOrUpdate(host, 0, (_, n) => n - 1);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (it timed out): nothing to do.
            }
        }
    }

    private async Task AnswerAsync(TcpClient client, NetworkStream stream, Reply reply)
    {
        switch (reply)
        {
            case Reply.Ok ok:
                await WriteAsync(stream, Head(200, "OK", ok.ContentType, ok.Body.Length));
                await stream.WriteAsync(ok.Body, _stop.Token);
                break;
            case Reply.Status status:
                var extra = status.RetryAfter is null ? "" : $"Retry-After: {status.RetryAfter}\r\n";
                await WriteAsync(stream, $"HTTP/1.1 {status.Code} {Reason(status.Code)}\r\nContent-Length: 0\r\n{extra}Connection: close\r\n\r\n");
                break;
            case Reply.Drop:
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return;
            case Reply.Truncated cut:
                await WriteAsync(stream, Head(200, "OK", "application/pdf", cut.DeclareLength ? cut.Body.Length : null));
                await stream.WriteAsync(cut.Body.AsMemory(0, cut.Sent), _stop.Token);
                break;
            case Reply.Slow slow:
                await Task.Delay(slow.Delay, _stop.Token);
                await AnswerAsync(client, stream, slow.Then);
                return;
            case Reply.Stalling stalling:
                await WriteAsync(stream, Head(200, "OK", "application/pdf", stalling.Body.Length));
                var half = stalling.Body.Length / 2;
                await stream.WriteAsync(stalling.Body.AsMemory(0, half), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                await Task.Delay(stalling.Stall, _stop.Token);
                await stream.WriteAsync(stalling.Body.AsMemory(half), _stop.Token);
                break;
        }
        await stream.FlushAsync(_stop.Token);
        client.Client.Shutdown(SocketShutdown.Send);
    }

    private static string Head(int code, string reason, string contentType, int? length) =>
        $"HTTP/1.1 {code} {reason}\r\nContent-Type: {contentType}\r\n{(length is { } n ? $"Content-Length: {n}\r\n" : "")}Connection: close\r\n\r\n";

    private Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).AsTask();

    private static string Reason(int code) => code switch
    {
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private async Task<(string? Path, string Host)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), _stop.Token);
            if (read == 0) return (null, "");
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var lines = text[..end].Split("\r\n");
            var path = lines[0].Split(' ')[1];
            var host = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "";
            return (path, host);
        }
        return (null, "");
    }

    /// <summary>Bytes that pass for a PDF: <c>%PDF-</c> first, <c>%%EOF</c> last, <paramref name="size"/> bytes in all.</summary>
    public static byte[] FakePdf(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        "\n%%EOF\n"u8.CopyTo(bytes.AsSpan(size - 7));
        return bytes;
    }
}
