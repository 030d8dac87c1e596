namespace Extractor.Batch;

/// <summary>
/// Converts documents on threads of this process (the library's default). The time limit is cooperative: the conversion
/// is told to stop and notices between pages and between files written, so work inside one PdfPig call (a page with
/// millions of operations) runs on until that call returns, and memory is not limited; for limits that hold whatever
/// the file, use <see cref="WorkerPool"/> (<see cref="BatchOptions.Workers"/>).
/// </summary>
internal sealed class InProcessConverter(DocumentExtractor extractor, ConversionSettings settings) : IDocumentConverter
{
    /// <summary>
    /// The stack of a conversion thread. PdfPig walks some structures by recursion (a page tree nested a hundred thousand
    /// levels deep takes 25 MB); a thread's default stack (8 MB on Linux) overflows, which ends the process. Reserved,
    /// not committed: only what is used costs memory.
    /// </summary>
    public const int StackSize = 256 * 1024 * 1024;

    public async Task<ConversionResult> ConvertAsync(byte[] bytes, ConversionRequest request, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = RunOnLargeStack(() => DocumentConversion.Run(extractor, bytes, request, settings, stop.Token));
        try
        {
            // The conversion watches its own limit; this wait is for one that does not come back to look (stuck inside
            // a PdfPig call): it is reported at once and left to finish on its own, writing nothing.
            return await work.WaitAsync(settings.Timeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            _ = work.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            return new ConversionResult(DocumentConversion.TimedOut(request.DocId, request.Source, settings.Timeout));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = work.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own with a <see cref="StackSize"/> stack, not the pool's: conversions are
    /// long and CPU-bound, and the pool must stay free for timers and downloads.
    /// </summary>
    internal static Task<T> RunOnLargeStack<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, StackSize) { IsBackground = true, Name = "extractor conversion" };
        thread.Start();
        return done.Task;
    }

    public void Dispose()
    {
    }
}
