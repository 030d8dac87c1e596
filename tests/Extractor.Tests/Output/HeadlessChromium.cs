using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extractor.Tests.Output;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket, no npm or Playwright): start it, open a page,
/// collect what the page logs (console errors, uncaught exceptions, failed loads) and every request it makes, evaluate
/// script in it and take screenshots. Started with the flags this machine's closed network needs.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task? _receiver;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Starts the browser; without one the test is skipped (failed under CI) saying what to install.</summary>
    public static async Task<HeadlessChromium> StartAsync(int width = 1400, int height = 1000)
    {
        var path = Prerequisites.Chromium();

        var profile = ReviewFixtures.TempFolder("chromium-profile");
        var info = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", $"--window-size={width},{height}", "about:blank",
        })
        {
            info.ArgumentList.Add(flag);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{path} did not start");
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            const string marker = "DevTools listening on ";
            var at = e.Data.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) endpoint.TrySetResult(e.Data[(at + marker.Length)..].Trim());
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => endpoint.TrySetException(new InvalidOperationException($"Chromium exited ({process.ExitCode}) before it listened: {log}"));

        var browser = new HeadlessChromium(process, profile);
        try
        {
            var url = await endpoint.Task.WaitAsync(Timeout);
            await browser._socket.ConnectAsync(new Uri(url), CancellationToken.None).WaitAsync(Timeout);
            browser._receiver = Task.Run(browser.ReceiveLoop);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> in a new tab with console, log and network reporting on, and waits for its load event.</summary>
    public async Task<BrowserPage> OpenAsync(string url, int width = 1400, int height = 1000)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var targetId = target.GetProperty("targetId").GetString()!;
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true });
        var page = new BrowserPage(this, attached.GetProperty("sessionId").GetString()!);
        foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Network.enable", "Page.enable" }) await page.SendAsync(domain);
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        var loaded = WaitForEventAsync("Page.loadEventFired", page.SessionId);
        await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await loaded;
        return page;
    }

    internal async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
        var result = await reply.Task.WaitAsync(Timeout);
        if (result.TryGetProperty("error", out var error)) throw new InvalidOperationException($"{method}: {error}");
        return result.GetProperty("result");
    }

    /// <summary>The events received so far for a session (method and params).</summary>
    internal IEnumerable<JsonElement> EventsOf(string sessionId) =>
        _events.Where(e => e.TryGetProperty("sessionId", out var s) && s.GetString() == sessionId);

    private async Task WaitForEventAsync(string method, string sessionId)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (EventsOf(sessionId).Any(e => e.GetProperty("method").GetString() == method)) return;
            await Task.Delay(20);
        }
        throw new TimeoutException($"no {method} within {Timeout.TotalSeconds} s");
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested || _socket.State != WebSocketState.Open)
            {
                break;
            }
            if (received.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage) continue;
            var json = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            message.SetLength(0);
            if (json.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply)) reply.TrySetResult(json);
            else if (json.TryGetProperty("method", out _)) _events.Enqueue(json);
        }
        foreach (var reply in _pending.Values) reply.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var id = Interlocked.Increment(ref _nextId);
                var close = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = id, ["method"] = "Browser.close" }.ToJsonString());
                await _socket.SendAsync(close, WebSocketMessageType.Text, true, quick.Token);
            }
        }
        catch (Exception)
        {
            // The browser is stopped below either way.
        }
        _stop.Cancel();
        if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        if (_receiver is not null) await Task.WhenAny(_receiver, Task.Delay(2000));
        _socket.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file the browser still held; the temporary folder is cleaned by the system.
        }
    }
}

/// <summary>A tab of <see cref="HeadlessChromium"/>.</summary>
internal sealed class BrowserPage(HeadlessChromium browser, string sessionId)
{
    public string SessionId { get; } = sessionId;

    public Task<JsonElement> SendAsync(string method, JsonObject? parameters = null) => browser.SendAsync(method, parameters, SessionId);

    /// <summary>Evaluates an expression in the page and returns its value (JSON-serialisable values only).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result.TryGetProperty("exceptionDetails", out var exception)) throw new InvalidOperationException($"{expression}: {exception}");
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v.Clone() : default;
    }

    /// <summary>
    /// What went wrong in the page: console.error/assert calls, uncaught exceptions, and log entries at error level
    /// (failed loads, Content-Security-Policy violations).
    /// </summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        foreach (var e in browser.EventsOf(SessionId))
        {
            var method = e.GetProperty("method").GetString();
            var p = e.GetProperty("params");
            switch (method)
            {
                case "Runtime.exceptionThrown":
                    errors.Add("exception: " + p.GetProperty("exceptionDetails"));
                    break;
                case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                    errors.Add("console: " + p.GetProperty("args"));
                    break;
                case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                    errors.Add("log: " + p.GetProperty("entry").GetProperty("text").GetString());
                    break;
            }
        }
        return errors;
    }

    /// <summary>Every URL the page requested.</summary>
    public IReadOnlyList<string> Requests() =>
        browser.EventsOf(SessionId).Where(e => e.GetProperty("method").GetString() == "Network.requestWillBeSent")
            .Select(e => e.GetProperty("params").GetProperty("request").GetProperty("url").GetString() ?? "").ToList();

    /// <summary>A PNG of the page's viewport, or of a region of the whole page (CSS pixels).</summary>
    public async Task<byte[]> ScreenshotAsync(double? x = null, double? y = null, double? width = null, double? height = null)
    {
        var parameters = new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = x is not null };
        if (x is not null) parameters["clip"] = new JsonObject { ["x"] = x, ["y"] = y, ["width"] = width, ["height"] = height, ["scale"] = 1 };
        var shot = await SendAsync("Page.captureScreenshot", parameters);
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }
}
