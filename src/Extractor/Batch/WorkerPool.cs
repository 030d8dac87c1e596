using System.Collections.Concurrent;

namespace Extractor.Batch;

/// <summary>How to start a worker process: a program and its arguments (the extractor's own command and <c>worker</c>).</summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments);

/// <summary>
/// Converts documents in worker processes (<see cref="WorkerHost"/>), one document at a time each, as many as the batch
/// has jobs. A worker is started when first needed and reused for document after document (its start-up and compiling
/// are paid once); one that breaks a limit is killed, which stops its work and frees its memory for certain, and a new
/// one is started for the next document. The limits: the time limit (the worker stops a document at its limit itself,
/// between pages; one that does not — stuck inside a PDF library call — is killed a moment later), and the memory limit
/// (the worker's managed heap is capped a little under it, so an ordinary document that needs more fails cleanly inside
/// the worker; its resident set is checked every 50 ms, and a worker over the limit is killed).
/// </summary>
internal sealed class WorkerPool : IDocumentConverter
{
    /// <summary>How long past its time limit a worker may take to report a timeout itself before it is killed.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly WorkerCommand _command;
    private readonly ConversionSettings _settings;
    private readonly long _maxMemory;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<WorkerProcess> _idle = [];
    private readonly ConcurrentDictionary<WorkerProcess, byte> _all = new();
    private int _disposed;

    private static readonly object EarlyGate = new();
    private static (WorkerCommand Command, long MaxMemory, WorkerProcess Process)? _early;

    public WorkerPool(WorkerCommand command, ConversionSettings settings, int size, long maxMemoryBytes)
    {
        _command = command;
        _settings = settings;
        _maxMemory = maxMemoryBytes;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Workers started so far, killed or not (for the tests and the bench).</summary>
    public int Started => _all.Count;

    public async Task<ConversionResult> ConvertAsync(byte[] bytes, ConversionRequest request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        WorkerProcess? worker = null;
        try
        {
            if (!_idle.TryTake(out worker) || !worker.IsAlive)
            {
                worker?.Dispose();
                worker = TakeEarly(_command, _maxMemory) ?? WorkerProcess.Start(_command, _maxMemory);
                _all[worker] = 0;
            }
            var result = await worker.ConvertAsync(WorkerRequest.Of(request, _settings, _maxMemory), request, _settings, cancellationToken).ConfigureAwait(false);
            if (!worker.IsAlive)
            {
                worker.Dispose();
                worker = null;
                // A worker killed in the middle of writing leaves its staged folder behind: removed now, not at the next run.
                OutputJanitor.CleanDocument(_settings.OutputDirectory, request.DocId);
            }
            return result;
        }
        catch
        {
            worker?.Dispose();
            worker = null;
            OutputJanitor.CleanDocument(_settings.OutputDirectory, request.DocId);
            throw;
        }
        finally
        {
            if (worker is not null) _idle.Add(worker);
            _slots.Release();
        }
    }

    /// <summary>
    /// Starts one worker before the batch is set up, so that its start-up (the runtime, loading the catalogs) runs while
    /// this process loads its own: for a one-document run that is most of the time a second process costs. The first
    /// pool with the same command and memory limit takes it; <see cref="DiscardEarly"/> stops it if none does.
    /// </summary>
    public static void StartEarly(WorkerCommand command, long maxMemoryBytes)
    {
        lock (EarlyGate)
        {
            _early?.Process.Dispose();
            _early = (command, maxMemoryBytes, WorkerProcess.Start(command, maxMemoryBytes));
        }
    }

    /// <summary>Stops the worker <see cref="StartEarly"/> started, if no batch took it.</summary>
    public static void DiscardEarly()
    {
        lock (EarlyGate)
        {
            _early?.Process.Dispose();
            _early = null;
        }
    }

    private static WorkerProcess? TakeEarly(WorkerCommand command, long maxMemory)
    {
        lock (EarlyGate)
        {
            if (_early is not { } early || early.MaxMemory != maxMemory || early.Command.FileName != command.FileName
                || !early.Command.Arguments.SequenceEqual(command.Arguments))
            {
                return null;
            }
            _early = null;
            if (early.Process.IsAlive) return early.Process;
            early.Process.Dispose();
            return null;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        foreach (var worker in _all.Keys) worker.Dispose();
    }
}
