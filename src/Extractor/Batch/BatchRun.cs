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
    private readonly InputList _inputs;
    private readonly IReadOnlyList<int> _selected;
    private readonly BatchOptions _options;
    private readonly IProgress<BatchProgress>? _progress;
    private readonly HttpMessageHandler? _handler;
    private readonly string _optionsKey;
    private readonly ResumeLedger _ledger;
    private readonly BatchCodeBooks _books = new();
    private readonly IDocumentConverter _converter;
    private readonly DocumentOutcome[] _outcomes;
    /// <summary>Each input's doc_id once its content is known (null before, or when it could not be read).</summary>
    private readonly string?[] _docIdOf;
    /// <summary>Per doc_id, the outcome of its one conversion (or resumption), which inputs that are the same file wait for.</summary>
    private readonly Dictionary<string, TaskCompletionSource<(DocumentOutcome Outcome, LedgerEntry? Entry)>> _claims = new(StringComparer.Ordinal);
    /// <summary>Per doc_id, the input that converts it.</summary>
    private readonly Dictionary<string, int> _converting = new(StringComparer.Ordinal);
    /// <summary>Inputs that are the same file as one listed before them.</summary>
    private readonly List<int> _duplicates = [];
    /// <summary>
    /// Per doc_id of a local file listed more than once, the input listed first: the document records its path, whichever
    /// input happens to convert it, so the output does not depend on the order the jobs reach them.
    /// </summary>
    private readonly Dictionary<string, int> _firstListed = new(StringComparer.Ordinal);
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
        _inputs = inputs;
        _selected = selected;
        _options = options;
        _progress = progress;
        _handler = handler;
        _optionsKey = RunFingerprint.Of(options);
        _outcomes = new DocumentOutcome[selected.Count];
        _docIdOf = new string?[selected.Count];
        Directory.CreateDirectory(options.OutputDirectory);
        var settings = ConversionSettings.Of(options);
        _converter = options.Workers is { } workers
            ? new WorkerPool(workers, settings, Jobs, options.MaxMemoryBytes)
            : new InProcessConverter(extractor, settings);
        _ledger = new ResumeLedger(Path.Combine(options.StateDirectory, "ledger"));
    }

    public void Dispose()
    {
        _converter.Dispose();
        _downloader?.Dispose();
    }

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

        FindFilesListedTwice();
        await ConvertAllAsync(cancellationToken).ConfigureAwait(false);
        if (_options.BatchCodeEvidence) await ApplyBatchCodesAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        SettleDuplicates();

        var documents = Enumerable.Range(0, _selected.Count).Where(s => !_outcomes[s].Failed).Select(s => _outcomes[s].DocId).Distinct().ToList();
        var encoding = _options.CsvBom ? AtomicFile.Utf8Bom : AtomicFile.Utf8;
        if (_options.Format.Has(OutputFormat.Csv)) BatchFiles.WriteFacts(Path.Combine(_options.OutputDirectory, BatchFiles.Facts), documents.Select(d => (_options.OutputDirectory, d)), encoding);
        BatchFiles.WriteOrder(Path.Combine(_options.StateDirectory, BatchFiles.Order), Enumerable.Range(0, _selected.Count).Select(s => (_selected[s], _outcomes[s].DocId)));
        BatchFiles.WriteDocuments(Path.Combine(_options.OutputDirectory, BatchFiles.Documents), _outcomes,
            _selected.Select(i => _inputs.Items[i]).ToList(), _inputs.ExtraColumns, _options.Entities, encoding, _options.ExcelSafe);
        BatchFiles.WritePublished(_options.OutputDirectory, documents, _options.Format.Has(OutputFormat.Parquet), _options.Package);
        if (_options.Html) BatchIndexWriter.Write(_options.OutputDirectory);
        return _outcomes;
    }

    /// <summary>
    /// Hashes, before any conversion, the local inputs that share a file name (only those can share a doc_id), so that
    /// each doc_id knows the input listed first. A file that cannot be read here is left to the conversion to report.
    /// </summary>
    private void FindFilesListedTwice()
    {
        var sameName = Enumerable.Range(0, _selected.Count).Where(s => !InputAt(s).IsUrl)
            .GroupBy(s => DocumentExtractor.DocId(InputAt(s).Source, "00000000"), StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var slot in sameName.SelectMany(g => g).Order())
        {
            try
            {
                using var stream = File.OpenRead(InputAt(slot).Source);
                var docId = DocumentExtractor.DocId(InputAt(slot).Source, Convert.ToHexStringLower(SHA256.HashData(stream)));
                _firstListed.TryAdd(docId, slot);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
            }
        }
    }

    /// <summary>The source a document records: the input listed first among those that are the same file.</summary>
    private string RecordedSource(int slot, string docId) =>
        _firstListed.TryGetValue(docId, out var first) ? InputAt(first).Source : InputAt(slot).Source;

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
            : new Resolved(slot, null, Failure(DocumentConversion.UnknownDocId(input.Source), input.Source, download.ErrorCode, download.Message, clock));
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
            Record(resolved.Slot, Failure(DocumentConversion.UnknownDocId(source), source, ErrorCodes.Internal,
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
        var (bytes, sha, readFailure) = Read(resolved.Path!, source, clock, _converter is InProcessConverter);
        if (sha is null)
        {
            Record(slot, readFailure!, BatchStage.Convert);
            return;
        }
        var docId = DocumentExtractor.DocId(source, sha);

        // The same file (name and content) listed twice is converted once: the first input to reach it converts it,
        // the others wait and take its outcome.
        TaskCompletionSource<(DocumentOutcome Outcome, LedgerEntry? Entry)> claim;
        bool duplicate;
        lock (_gate)
        {
            _docIdOf[slot] = docId;
            duplicate = _claims.TryGetValue(docId, out var first);
            if (duplicate)
            {
                claim = first!;
                _duplicates.Add(slot);
            }
            else
            {
                _claims[docId] = claim = new TaskCompletionSource<(DocumentOutcome, LedgerEntry?)>(TaskCreationOptions.RunContinuationsAsynchronously);
                _converting[docId] = slot;
            }
        }
        if (duplicate)
        {
            var (outcome, entry) = await claim.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (entry is not null) _ledger.Put(entry with { Source = source });
            Record(slot, outcome with { Source = source }, BatchStage.Convert);
            return;
        }

        try
        {
            var recorded = RecordedSource(slot, docId);
            var (outcome, entry) = await ConvertOrResumeAsync(slot, recorded, resolved.Path!, bytes, sha, docId, clock, cancellationToken).ConfigureAwait(false);
            if (entry is not null && recorded != source) _ledger.Put(entry with { Source = source });
            claim.SetResult((outcome, entry));
            Record(slot, outcome with { Source = source }, BatchStage.Convert);
        }
        catch (Exception e)
        {
            claim.TrySetException(e);
            throw;
        }
    }

    private async Task<(DocumentOutcome Outcome, LedgerEntry? Entry)> ConvertOrResumeAsync(
        int slot, string source, string path, byte[]? bytes, string sha, string docId, Stopwatch clock, CancellationToken cancellationToken)
    {
        // A ledger entry is trusted only for the doc_id this input's name and content give: an entry naming another
        // folder (a forged or foreign ledger) is ignored, and the input converted again.
        if (!_options.Force && _ledger.TryGet(source) is { } done && done.Sha256 == sha && done.Options == _optionsKey && done.Status != "failed"
            && done.DocId == docId && Directory.Exists(DocumentFolder.PathOf(_options.OutputDirectory, docId)))
        {
            if (_options.BatchCodeEvidence) _books.Add(done.Year, done.Codes);
            if (done.Unresolved) AddPending(new Pending(slot, done.Year, path, sha, done.BatchBook));
            return (done.ToOutcome(source), done);
        }

        var result = await _converter.ConvertAsync(bytes ?? [], new ConversionRequest(path, source, sha), cancellationToken).ConfigureAwait(false);
        var outcome = result.Outcome with { ElapsedMs = Elapsed(clock) };
        if (!result.Written) return (outcome, null);
        var codes = result.Codes ?? [];
        var entry = LedgerEntry.Of(outcome, sha, _optionsKey) with { Year = result.Year, Unresolved = result.Unresolved, Codes = codes };
        _ledger.Put(entry);
        if (_options.BatchCodeEvidence) _books.Add(result.Year, codes);
        if (result.Unresolved) AddPending(new Pending(slot, result.Year, path, sha, string.Empty));
        return (outcome, entry);
    }

    /// <summary>
    /// Second pass: a document with codes left unresolved is converted again with the codes the
    /// batch's documents of its year print in full, unless its output was already made with
    /// exactly those (a resumed run).
    /// </summary>
    private async Task ApplyBatchCodesAsync(CancellationToken cancellationToken)
    {
        var books = new Dictionary<string, (CodeBook Book, string Fingerprint, IReadOnlyList<string[]> Codes)?>(StringComparer.Ordinal);
        foreach (var year in _pending.Select(p => p.Year).Distinct()) books[year] = _books.For(year);
        var redo = _pending.Where(p => (books[p.Year]?.Fingerprint ?? string.Empty) != p.BatchBook).OrderBy(p => p.Slot).ToList();
        if (redo.Count == 0) return;
        var done = 0;
        await Parallel.ForEachAsync(redo, new ParallelOptions { MaxDegreeOfParallelism = Jobs, CancellationToken = cancellationToken }, async (pending, token) =>
        {
            var own = InputAt(pending.Slot).Source;
            string source;
            lock (_gate) source = RecordedSource(pending.Slot, _docIdOf[pending.Slot]!);
            var book = books[pending.Year];
            var clock = Stopwatch.StartNew();
            var (bytes, sha, failure) = Read(pending.Path, own, clock, _converter is InProcessConverter);
            DocumentOutcome outcome;
            if (sha is null || sha != pending.Sha256)
            {
                outcome = failure ?? Failure(DocumentConversion.UnknownDocId(own), own, ErrorCodes.Corrupt, "The file changed while the batch was running; run the batch again.", clock);
                RemoveLedger(pending.Slot);
            }
            else
            {
                var result = await _converter.ConvertAsync(bytes ?? [], new ConversionRequest(pending.Path, source, sha, book?.Codes), token).ConfigureAwait(false);
                outcome = result.Outcome with { ElapsedMs = Elapsed(clock) };
                if (result.Written)
                {
                    var entry = (_ledger.TryGet(source) ?? LedgerEntry.Of(outcome, pending.Sha256, _optionsKey) with
                    {
                        Year = pending.Year, Unresolved = true, Codes = result.Codes ?? [],
                    }) with
                    {
                        BatchBook = book?.Fingerprint ?? string.Empty,
                        Status = outcome.Status, ErrorCode = outcome.ErrorCode, Message = outcome.Message, Pages = outcome.Pages,
                        TablesFound = outcome.TablesFound, ChecksFailed = outcome.ChecksFailed, ChecksWarned = outcome.ChecksWarned,
                        ElapsedMs = outcome.ElapsedMs,
                    };
                    PutLedger(pending.Slot, entry);
                }
                else
                {
                    RemoveLedger(pending.Slot);
                }
            }
            lock (_gate)
            {
                Record(pending.Slot, outcome with { Source = own }, BatchStage.BatchCodes, ++done, redo.Count);
                foreach (var duplicate in DuplicatesOf(pending.Slot)) _outcomes[duplicate] = outcome with { Source = InputAt(duplicate).Source };
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The inputs that took their outcome from <paramref name="slot"/>'s conversion (the same file listed again).</summary>
    private List<int> DuplicatesOf(int slot)
    {
        lock (_gate)
        {
            var docId = _docIdOf[slot];
            return _duplicates.Where(d => _docIdOf[d] == docId).ToList();
        }
    }

    /// <summary>The ledger entry of an input and of every input that is the same file.</summary>
    private void PutLedger(int slot, LedgerEntry entry)
    {
        _ledger.Put(entry);
        _ledger.Put(entry with { Source = InputAt(slot).Source });
        foreach (var duplicate in DuplicatesOf(slot)) _ledger.Put(entry with { Source = InputAt(duplicate).Source });
    }

    private void RemoveLedger(int slot)
    {
        _ledger.Remove(InputAt(slot).Source);
        lock (_gate) _ledger.Remove(RecordedSource(slot, _docIdOf[slot] ?? string.Empty));
        foreach (var duplicate in DuplicatesOf(slot)) _ledger.Remove(InputAt(duplicate).Source);
    }

    /// <summary>
    /// The outcomes of inputs that are the same file, made independent of which one was converted: the first in input
    /// order carries the conversion's outcome, each later one says it is the same file.
    /// </summary>
    private void SettleDuplicates()
    {
        foreach (var group in Enumerable.Range(0, _selected.Count).Where(s => _docIdOf[s] is not null).GroupBy(s => _docIdOf[s]!).Where(g => g.Count() > 1))
        {
            var slots = group.Order().ToList();
            var converted = _outcomes[_converting[group.Key]];
            var firstSource = InputAt(slots[0]).Source;
            _outcomes[slots[0]] = converted with { Source = firstSource };
            foreach (var slot in slots.Skip(1))
            {
                _outcomes[slot] = converted with
                {
                    Source = InputAt(slot).Source, ElapsedMs = 0,
                    Message = $"The same file (name and content) as {firstSource}, listed earlier: converted once, into {group.Key}/." + (converted.Message.Length > 0 ? " " + converted.Message : ""),
                };
            }
        }
    }

    /// <summary>
    /// The input's SHA-256, and its bytes when the conversion runs in this process (a worker reads the file itself, so
    /// this process never holds it whole).
    /// </summary>
    private (byte[]? Bytes, string? Sha256, DocumentOutcome? Failure) Read(string path, string source, Stopwatch clock, bool keepBytes)
    {
        try
        {
            if (keepBytes)
            {
                var bytes = File.ReadAllBytes(path);
                return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), null);
            }
            using var stream = File.OpenRead(path);
            return (null, Convert.ToHexStringLower(SHA256.HashData(stream)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var notFound = e is FileNotFoundException or DirectoryNotFoundException;
            return (null, null, Failure(DocumentConversion.UnknownDocId(source), source, notFound ? ErrorCodes.NotFound : ErrorCodes.Corrupt,
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

    private DocumentOutcome Failure(string docId, string source, string code, string message, Stopwatch clock) =>
        new(docId, source, "failed", code, message, 0, 0, 0, 0, Elapsed(clock));
}
