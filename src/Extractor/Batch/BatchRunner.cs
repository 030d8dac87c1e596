namespace Extractor.Batch;

/// <summary>
/// Converts a list of inputs (files or URLs) into an output folder: a folder per document, then
/// the batch's facts.csv and documents.csv. Documents are converted in parallel, URLs downloaded
/// ahead of them, inputs finished by an earlier run skipped; a failing input becomes a
/// documents.csv row with a stable error code and the batch goes on. The output is the same
/// whatever the degree of parallelism: see <see cref="BatchRun"/>.
/// </summary>
public sealed class BatchRunner
{
    private readonly DocumentExtractor _extractor;
    private readonly HttpMessageHandler? _handler;

    public BatchRunner(DocumentExtractor extractor) => _extractor = extractor;

    /// <summary>
    /// Starts the batch's first worker process now, before the caller's own set-up, for a batch that will convert with
    /// <paramref name="command"/> and <paramref name="maxMemoryBytes"/> (see <see cref="BatchOptions.Workers"/>); the
    /// batch takes it. Call <see cref="DiscardEarlyWorker"/> when done, in case no batch did.
    /// </summary>
    public static void StartWorkerEarly(WorkerCommand command, long maxMemoryBytes) => WorkerPool.StartEarly(command, maxMemoryBytes);

    /// <summary>Stops a worker started by <see cref="StartWorkerEarly"/> that no batch took.</summary>
    public static void DiscardEarlyWorker() => WorkerPool.DiscardEarly();

    /// <summary>A runner whose downloads go through <paramref name="handler"/> (a proxy, a test double).</summary>
    public BatchRunner(DocumentExtractor extractor, HttpMessageHandler handler) : this(extractor) => _handler = handler;

    /// <summary>Each string a file path or URL, taken as it is (no folder or manifest expansion).</summary>
    public IReadOnlyList<DocumentOutcome> Run(IReadOnlyList<string> inputs, BatchOptions options, IProgress<BatchProgress>? progress = null) =>
        Run(InputList.Of(inputs.Select(s => new BatchInput(s))), options, progress);

    public IReadOnlyList<DocumentOutcome> Run(InputList inputs, BatchOptions options, IProgress<BatchProgress>? progress = null) =>
        Task.Run(() => RunAsync(inputs, options, progress)).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the batch. Cancelling stops it between documents' steps: documents finished so far
    /// stay finished (a rerun skips them), none is left half-written, and the batch files
    /// (facts.csv, documents.csv) are not rewritten; the task then ends in
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <returns>One outcome per input of this run's shard, in input order.</returns>
    public async Task<IReadOnlyList<DocumentOutcome>> RunAsync(InputList inputs, BatchOptions options, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var selected = Enumerable.Range(0, inputs.Count).Where(i => options.Shard.Includes(inputs.Items[i].Source)).ToList();
        using var run = new BatchRun(_extractor, inputs, selected, options, progress, _handler);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }
}
