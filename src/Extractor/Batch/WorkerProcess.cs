using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Extractor.Batch;

/// <summary>
/// One worker process of a <see cref="WorkerPool"/>: started with its managed heap capped under the memory limit and the
/// workstation garbage collector (one document at a time needs no collector per core), fed one request at a time, and
/// watched while it works: killed when it is past its time limit and <see cref="WorkerPool.Grace"/>, or over its memory
/// limit. What it writes on standard error is kept (the last few lines) to explain a crash.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>How often a working process's memory is looked at.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>What the runtime itself takes beside the managed heap (code, stacks, native buffers), left out of the heap's cap.</summary>
    private const long RuntimeOverhead = 96L * 1024 * 1024;

    private readonly Process _process;
    private readonly long _maxMemory;
    private readonly Queue<string> _stderr = new();
    /// <summary>1 once the worker is of no further use (killed, exited, or being disposed).</summary>
    private int _disposed;
    private int _released;

    private WorkerProcess(Process process, long maxMemory)
    {
        _process = process;
        _maxMemory = maxMemory;
    }

    public int Id => _process.Id;

    public bool IsAlive => _disposed == 0 && !_process.HasExited;

    public static WorkerProcess Start(WorkerCommand command, long maxMemory)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + Math.Max(maxMemory - RuntimeOverhead, maxMemory / 2).ToString("x", CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"the worker process ({command.FileName}) could not be started");
        var worker = new WorkerProcess(process, maxMemory);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (worker._stderr)
            {
                worker._stderr.Enqueue(e.Data);
                while (worker._stderr.Count > 20) worker._stderr.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>
    /// Has the worker convert one document and waits for its reply, watching its time and memory. A worker that broke a
    /// limit or died is not <see cref="IsAlive"/> afterwards. Cancelling kills the worker and throws.
    /// </summary>
    public async Task<ConversionResult> ConvertAsync(WorkerRequest message, ConversionRequest request, ConversionSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await _process.StandardInput.WriteLineAsync(WorkerProtocol.Write(message, WorkerProtocol.Request).AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The worker died before it could take the request (a broken pipe).
            return Crashed(request);
        }

        var reading = _process.StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
        while (true)
        {
            if (await Task.WhenAny(reading, Task.Delay(Poll, cancellationToken)).ConfigureAwait(false) == reading) break;
            if (cancellationToken.IsCancellationRequested)
            {
                Kill();
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (clock.Elapsed > settings.Timeout + WorkerPool.Grace)
            {
                Kill();
                return new ConversionResult(DocumentConversion.TimedOut(request.DocId, request.Source, settings.Timeout));
            }
            if (ResidentBytes() > _maxMemory)
            {
                Kill();
                return new ConversionResult(DocumentConversion.TooLarge(request.DocId, request.Source, _maxMemory));
            }
        }

        string? line;
        try
        {
            line = await reading.ConfigureAwait(false);
        }
        catch (IOException)
        {
            line = null;
        }
        if (line is null) return Crashed(request);
        var reply = WorkerProtocol.Read(line, WorkerProtocol.Reply);
        if (reply.Exiting)
        {
            // It ends by itself once it has replied; waited for, so that it is gone before the next document starts.
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) Kill();
            Interlocked.Exchange(ref _disposed, 1);
        }
        return reply.ToResult();
    }

    /// <summary>The worker ended without a reply: its stack overflowed (a PDF nested too deeply for it), or something else went wrong.</summary>
    private ConversionResult Crashed(ConversionRequest request)
    {
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        var exit = _process.HasExited ? _process.ExitCode : -1;
        string log;
        lock (_stderr) log = string.Join(" ", _stderr);
        Kill();
        if (log.Contains("Stack overflow", StringComparison.Ordinal))
        {
            return new ConversionResult(DocumentConversion.Failure(request.DocId, request.Source, ErrorCodes.Corrupt,
                "The PDF is nested too deeply to be read (reading it overflowed the converter's stack); the file is damaged or made to break readers, so check its source or report it."));
        }
        var first = log.Length > 0 ? " (" + Truncate(log) + ")" : string.Empty;
        return new ConversionResult(DocumentConversion.Failure(request.DocId, request.Source, ErrorCodes.Internal,
            $"The converter process ended while converting this file (exit code {exit}){first}; the batch went on with the others. Report it with the file."));
    }

    private static string Truncate(string log) => log.Length > 200 ? log[..200] + "…" : log;

    /// <summary>The process's resident set in bytes (Linux: /proc/PID/statm; elsewhere: its working set).</summary>
    private long ResidentBytes()
    {
        try
        {
            return ProcessMemory.ResidentBytes(_process);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        Interlocked.Exchange(ref _disposed, 1);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        try
        {
            if (_disposed == 0 && !_process.HasExited)
            {
                // Closing its input ends an idle worker at once (its reading thread exits the process).
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(2))) _process.Kill(entireProcessTree: true);
            }
            else if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        Interlocked.Exchange(ref _disposed, 1);
        _process.Dispose();
    }
}
