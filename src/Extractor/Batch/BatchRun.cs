using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Extractor.Codes;
using Extractor.Output;
using Extractor.Output.Html;

namespace Extractor.Batch;

/// <summary>
/// One run of a batch. Two stages feed each other through a bounded channel: the first resolves
/// inputs to local files (a path as it is, a URL through the download cache) a little ahead of the
/// second, which converts up to <see cref="BatchOptions.MaxParallelism"/> documents at once, each
/// written to its own folder and recorded in the <see cref="ResumeLedger"/> as it finishes.
/// Then the documents left with unresolved codes are converted again with the codes of the whole
/// batch (<see cref="BatchCodeBooks"/>, complete by then), and the batch files are written from the
/// outcomes in input order. Results are stored by input position, and nothing a document writes
/// depends on another one's timing, so the output is the same for any number of workers.
/// </summary>
internal sealed class BatchRun : IDisposable
{
    private readonly DocumentExtractor _extractor;
    private readonly InputList _inputs;
    private readonly IReadOnlyList<int> _selected;
    private readonly BatchOptions _options;
    private readonly IProgress<BatchProgress>? _progress;
    private readonly HttpMessageHandler? _handler;
    private readonly string _optionsKey;
    private readonly ResumeLedger _ledger;
    private readonly BatchCodeBooks _books = new();
    private readonly KeyedLock _documentLocks = new();
    private readonly DocumentOutcome[] _outcomes;
    private readonly List<Pending> _pending = [];
    private readonly object _gate = new();
    private PdfDownloader? _downloader;
    private int _done, _failed, _resumed;

    /// <summary>A document whose output depends on the batch's codes: converted again when they differ from those it was made with.</summary>
    private sealed record Pending(int Slot, string Year, string Path, string Sha256, string BatchBook);

    /// <summary>An input resolved to a local file, or the reason it could not be.</summary>
    private sealed record Resolved(int Slot, string? Path, DocumentOutcome? Failure);

    public BatchRun(DocumentExtractor extractor, InputList inputs, IReadOnlyList<int> selected, BatchOptions options, IProgress<BatchProgress>? progress, HttpMessageHandler? handler)
    {
        _extractor = extractor;
        _inputs = inputs;
        _selected = selected;
        _options = options;
        _progress = progress;
        _handler = handler;
        _optionsKey = RunFingerprint.Of(options);
        _outcomes = new DocumentOutcome[selected.Count];
        Directory.CreateDirectory(options.OutputDirectory);
        _ledger = new ResumeLedger(Path.Combine(options.StateDirectory, "ledger"));
    }

    public void Dispose() => _downloader?.Dispose();

    private BatchInput InputAt(int slot) => _inputs.Items[_selected[slot]];

    private int Jobs => Math.Max(1, _options.MaxParallelism);

    public async Task<IReadOnlyList<DocumentOutcome>> ExecuteAsync(CancellationToken cancellationToken)
    {
        OutputJanitor.Clean(_options.OutputDirectory, _options.StateDirectory, _ledger.Directory);
        if (Enumerable.Range(0, _selected.Count).Any(s => InputAt(s).IsUrl))
        {
            var cache = new DownloadCache(_options.DownloadCacheDirectory);
            // The default cache is this output folder's own: whatever part file it holds, a killed run left.
            // A cache shared with other processes (--cache) keeps the parts they may be writing.
            cache.RemoveStaleParts(_options.Download.CacheDirectory is null ? TimeSpan.Zero : TimeSpan.FromHours(1));
            _downloader = new PdfDownloader(_options.Download, cache, _handler);
        }

        await ConvertAllAsync(cancellationToken).ConfigureAwait(false);
        if (_options.BatchCodeEvidence) await ApplyBatchCodesAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var documents = Enumerable.Range(0, _selected.Count).Where(s => !_outcomes[s].Failed).Select(s => _outcomes[s].DocId).ToList();
        var encoding = _options.CsvBom ? AtomicFile.Utf8Bom : AtomicFile.Utf8;
        if (_options.Format.Has(OutputFormat.Csv)) BatchFiles.WriteFacts(Path.Combine(_options.OutputDirectory, BatchFiles.Facts), documents.Select(d => (_options.OutputDirectory, d)), encoding);
        BatchFiles.WriteOrder(Path.Combine(_options.StateDirectory, BatchFiles.Order), Enumerable.Range(0, _selected.Count).Select(s => (_selected[s], _outcomes[s].DocId)));
        BatchFiles.WriteDocuments(Path.Combine(_options.OutputDirectory, BatchFiles.Documents), _outcomes,
            _selected.Select(i => _inputs.Items[i]).ToList(), _inputs.ExtraColumns, _options.Entities, encoding);
        BatchFiles.WritePublished(_options.OutputDirectory, documents, _options.Format.Has(OutputFormat.Parquet), _options.Package);
        if (_options.Html) BatchIndexWriter.Write(_options.OutputDirectory);
        return _outcomes;
    }

    /// <summary>First pass: every input resolved, converted (or found done) and recorded.</summary>
    private async Task ConvertAllAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<Resolved>(new BoundedChannelOptions(Jobs * 2) { SingleWriter = false, SingleReader = false });
        var resolvers = Math.Max(2, _downloader is null ? 1 : _options.Download.MaxConcurrentDownloads);
        var producer = Guard(stop, async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, _selected.Count), new ParallelOptions { MaxDegreeOfParallelism = resolvers, CancellationToken = stop.Token },
                    async (slot, token) => await channel.Writer.WriteAsync(await ResolveAsync(slot, token).ConfigureAwait(false), token).ConfigureAwait(false)).ConfigureAwait(false);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        });
        var consumers = Enumerable.Range(0, Jobs).Select(_ => Guard(stop, async () =>
        {
            await foreach (var resolved in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await ConvertOneAsync(resolved, stop.Token).ConfigureAwait(false);
            }
        })).ToList();
        var stages = consumers.Append(producer).ToList();
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            // A stage failed and stopped the others: report its error, not their cancellation.
            var cause = stages.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>Runs a stage's task; if it fails, the other stages are stopped too (none waits forever on the channel).</summary>
    private static Task Guard(CancellationTokenSource stop, Func<Task> work) => Task.Run(async () =>
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    });

    private async Task<Resolved> ResolveAsync(int slot, CancellationToken cancellationToken)
    {
        var input = InputAt(slot);
        if (!input.IsUrl) return new Resolved(slot, input.Source, null);
        var clock = Stopwatch.StartNew();
        DownloadResult download;
        try
        {
            download = await _downloader!.DownloadAsync(input.Source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Network and server problems are results, not exceptions; this is the cache's disk, say.
            download = DownloadResult.Failed(input.Source, ErrorCodes.DownloadFailed,
                $"The download could not be kept ({e.GetType().Name}: {e.Message}); check the cache folder's disk and rerun.", 0);
        }
        return download.Succeeded
            ? new Resolved(slot, download.File!.Path, null)
            : new Resolved(slot, null, Failure(UnknownDocId(input.Source), input.Source, download.ErrorCode, download.Message, clock));
    }

    private async Task ConvertOneAsync(Resolved resolved, CancellationToken cancellationToken)
    {
        try
        {
            await ConvertOrSkipAsync(resolved, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not the document's fault (the output could not be written, say), but one input never stops the batch.
            lock (_gate)
            {
                if (_outcomes[resolved.Slot] is not null) throw;
            }
            var source = InputAt(resolved.Slot).Source;
            Record(resolved.Slot, Failure(UnknownDocId(source), source, ErrorCodes.Internal,
                $"Converting or writing this input failed ({e.GetType().Name}: {e.Message}); check the output folder's disk and rerun, or report it with the file.", Stopwatch.StartNew()), BatchStage.Convert);
        }
    }

    private async Task ConvertOrSkipAsync(Resolved resolved, CancellationToken cancellationToken)
    {
        var slot = resolved.Slot;
        var source = InputAt(slot).Source;
        if (resolved.Failure is not null)
        {
            Record(slot, resolved.Failure, BatchStage.Convert);
            return;
        }
        var clock = Stopwatch.StartNew();
        var (bytes, readFailure) = Read(resolved.Path!, source, clock);
        if (bytes is null)
        {
            Record(slot, readFailure!, BatchStage.Convert);
            return;
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        if (!_options.Force && _ledger.TryGet(source) is { } done && done.Sha256 == sha && done.Options == _optionsKey && done.Status != "failed"
            && Directory.Exists(Path.Combine(_options.OutputDirectory, done.DocId)))
        {
            if (_options.BatchCodeEvidence) _books.Add(done.Year, done.Codes);
            if (done.Unresolved) AddPending(new Pending(slot, done.Year, resolved.Path!, sha, done.BatchBook));
            Record(slot, done.ToOutcome(source), BatchStage.Convert);
            return;
        }

        var (outcome, document) = await ConvertAsync(bytes, source, sha, _extractor, clock, cancellationToken).ConfigureAwait(false);
        if (document is not null)
        {
            var codes = BatchCodeBooks.CodesOf(document);
            var unresolved = _options.BatchCodeEvidence && document.TemplateTables.Any(t => t.Rows.Any(r => r.CodeRepair == CodeEvidence.Unresolved));
            outcome = await WriteAsync(document, outcome, LedgerEntry.Of(outcome, sha, _optionsKey) with
            {
                Year = document.Metadata.Year, Unresolved = unresolved, Codes = codes,
            }, clock, cancellationToken, bytes).ConfigureAwait(false);
            if (_options.BatchCodeEvidence) _books.Add(document.Metadata.Year, codes);
            if (unresolved) AddPending(new Pending(slot, document.Metadata.Year, resolved.Path!, sha, string.Empty));
        }
        Record(slot, outcome, BatchStage.Convert);
    }

    /// <summary>
    /// Second pass: a document with codes left unresolved is converted again with the codes the
    /// batch's documents of its year print in full, unless its output was already made with
    /// exactly those (a resumed run).
    /// </summary>
    private async Task ApplyBatchCodesAsync(CancellationToken cancellationToken)
    {
        var books = new Dictionary<string, (CodeBook Book, string Fingerprint)?>(StringComparer.Ordinal);
        foreach (var year in _pending.Select(p => p.Year).Distinct()) books[year] = _books.For(year);
        var redo = _pending.Where(p => (books[p.Year]?.Fingerprint ?? string.Empty) != p.BatchBook).OrderBy(p => p.Slot).ToList();
        if (redo.Count == 0) return;
        var done = 0;
        await Parallel.ForEachAsync(redo, new ParallelOptions { MaxDegreeOfParallelism = Jobs, CancellationToken = cancellationToken }, async (pending, token) =>
        {
            var source = InputAt(pending.Slot).Source;
            var book = books[pending.Year];
            var extractor = book is { } b ? _extractor.WithRepairer(_extractor.Repairer.WithBatch(b.Book)) : _extractor;
            var clock = Stopwatch.StartNew();
            var (bytes, failure) = Read(pending.Path, source, clock);
            DocumentOutcome outcome;
            if (bytes is null || Convert.ToHexStringLower(SHA256.HashData(bytes)) != pending.Sha256)
            {
                outcome = failure ?? Failure(UnknownDocId(source), source, ErrorCodes.Corrupt, "The file changed while the batch was running; run the batch again.", clock);
                _ledger.Remove(source);
            }
            else
            {
                (outcome, var document) = await ConvertAsync(bytes, source, pending.Sha256, extractor, clock, token).ConfigureAwait(false);
                if (document is not null)
                {
                    var entry = (_ledger.TryGet(source) ?? LedgerEntry.Of(outcome, pending.Sha256, _optionsKey) with
                    {
                        Year = pending.Year, Unresolved = true, Codes = BatchCodeBooks.CodesOf(document),
                    }) with { BatchBook = book?.Fingerprint ?? string.Empty };
                    outcome = await WriteAsync(document, outcome, entry, clock, token, bytes).ConfigureAwait(false);
                }
                else
                {
                    _ledger.Remove(source);
                }
            }
            lock (_gate)
            {
                Record(pending.Slot, outcome, BatchStage.BatchCodes, ++done, redo.Count);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The document's folder swapped in whole, then its ledger entry: a kill between the two only
    /// means it is converted again. Returns the outcome with its final elapsed time.
    /// </summary>
    private async Task<DocumentOutcome> WriteAsync(DocumentResult document, DocumentOutcome outcome, LedgerEntry entry, Stopwatch clock, CancellationToken cancellationToken, byte[]? source = null)
    {
        if (_options.Reproducible) document = document with { StageTimes = document.StageTimes.ToDictionary(t => t.Key, _ => TimeSpan.Zero) };
        using (await _documentLocks.AcquireAsync(document.DocId, cancellationToken).ConfigureAwait(false))
        {
            DocumentWriter.Write(_options.OutputDirectory, document, _options.Format,
                new ReviewOptions { Html = _options.Html, Annotate = _options.Annotate, SourcePdf = _options.Annotate ? source : null }, _options.CsvBom);
            outcome = outcome with { ElapsedMs = Elapsed(clock) };
            _ledger.Put(entry with
            {
                Status = outcome.Status, ErrorCode = outcome.ErrorCode, Message = outcome.Message, Pages = outcome.Pages,
                TablesFound = outcome.TablesFound, ChecksFailed = outcome.ChecksFailed, ChecksWarned = outcome.ChecksWarned,
                ElapsedMs = outcome.ElapsedMs, StatementsFound = outcome.Coverage.Found, StatementsResolved = outcome.Coverage.Resolved,
                StatementsChecked = outcome.Coverage.Checked,
            });
        }
        return outcome;
    }

    /// <summary>Converts one document within the time limit; every failure becomes an outcome, only the batch's cancellation throws.</summary>
    private async Task<(DocumentOutcome Outcome, DocumentResult? Document)> ConvertAsync(
        byte[] bytes, string source, string sha, DocumentExtractor extractor, Stopwatch clock, CancellationToken cancellationToken)
    {
        var docId = DocumentExtractor.DocId(source, sha);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A thread of its own, not the pool's: conversions are long and CPU-bound, and the pool must
        // stay free for timers (this time limit) and downloads.
        var converting = Stopwatch.StartNew();
        var work = Task.Factory.StartNew(() => extractor.Extract(bytes, source, cancel.Token), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var abandoned = false;
        try
        {
            var document = await work.WaitAsync(_options.PerDocumentTimeout, cancellationToken).ConfigureAwait(false);
            // WaitAsync's timer runs on the pool and can fire late when the pool is busy, after the
            // conversion has already finished past its limit; the limit is the time taken, not the timer.
            if (converting.Elapsed > _options.PerDocumentTimeout) throw new TimeoutException();
            return (DocumentOutcome.Converted(document, source, Elapsed(clock)).Of(document), document);
        }
        catch (TimeoutException)
        {
            // The conversion is told to stop; it is not waited for (it notices between pages) and writes nothing.
            abandoned = true;
            Abandon(cancel, work);
            return (Failure(docId, source, ErrorCodes.Timeout,
                $"Converting the document took longer than {_options.PerDocumentTimeout.TotalSeconds:0.###} s and was stopped; raise --timeout or report the file.", clock), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            abandoned = true;
            Abandon(cancel, work);
            throw;
        }
        catch (ExtractionException x)
        {
            return (Failure(docId, source, x.Code, x.Message, clock), null);
        }
        catch (Exception e)
        {
            return (Failure(docId, source, ErrorCodes.Internal,
                $"The extractor failed on this file ({e.GetType().Name}: {e.Message}); please report it with the file." + (Environment.GetEnvironmentVariable("EXTRACTOR_DEBUG") is { Length: > 0 } ? "\n" + e : ""), clock), null);
        }
        finally
        {
            if (!abandoned) cancel.Dispose();
        }
    }

    private static void Abandon(CancellationTokenSource cancel, Task work)
    {
        cancel.Cancel();
        work.ContinueWith(t => { _ = t.Exception; cancel.Dispose(); }, TaskScheduler.Default);
    }

    private (byte[]? Bytes, DocumentOutcome? Failure) Read(string path, string source, Stopwatch clock)
    {
        try
        {
            return (File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var notFound = e is FileNotFoundException or DirectoryNotFoundException;
            return (null, Failure(UnknownDocId(source), source, notFound ? ErrorCodes.NotFound : ErrorCodes.Corrupt,
                notFound ? "The input file does not exist; check the path." : $"The input could not be read ({e.Message}).", clock));
        }
    }

    private void AddPending(Pending pending)
    {
        lock (_gate) _pending.Add(pending);
    }

    /// <summary>Stores an input's outcome and reports progress; reports are serialised, so Done only grows.</summary>
    private void Record(int slot, DocumentOutcome outcome, BatchStage stage, int? done = null, int? total = null)
    {
        lock (_gate)
        {
            var previous = _outcomes[slot];
            _outcomes[slot] = outcome;
            if (previous is null)
            {
                _done++;
                if (outcome.Resumed) _resumed++;
            }
            _failed += (outcome.Failed ? 1 : 0) - (previous?.Failed == true ? 1 : 0);
            _progress?.Report(new BatchProgress(done ?? _done, total ?? _selected.Count, _failed, outcome) { Resumed = _resumed, Stage = stage });
        }
    }

    private long Elapsed(Stopwatch clock) => _options.Reproducible ? 0 : clock.ElapsedMilliseconds;

    private static string UnknownDocId(string source) => DocumentExtractor.DocId(source, new string('0', 64));

    private DocumentOutcome Failure(string docId, string source, string code, string message, Stopwatch clock) =>
        new(docId, source, "failed", code, message, 0, 0, 0, 0, Elapsed(clock));
}
