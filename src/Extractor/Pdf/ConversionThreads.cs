namespace Extractor.Pdf;

/// <summary>
/// The threads of this process converting documents, against its cores: a document's own thread counts from start to
/// end, and a page reader's helper joins only while a core is left (<see cref="ParallelPageReader"/>), so that a
/// harvest running as many documents as there are cores does not also split their pages.
/// </summary>
public static class ConversionThreads
{
    private static int _busy;

    public static int Busy => Volatile.Read(ref _busy);

    /// <summary>Counts the calling thread as converting until the result is disposed.</summary>
    public static Scope Enter()
    {
        Interlocked.Increment(ref _busy);
        return new Scope();
    }

    /// <summary>Counts one more thread if a core is free for it; false when every core is taken.</summary>
    public static bool TryEnter()
    {
        var cores = Environment.ProcessorCount;
        int busy;
        while ((busy = Volatile.Read(ref _busy)) < cores)
        {
            if (Interlocked.CompareExchange(ref _busy, busy + 1, busy) == busy) return true;
        }
        return false;
    }

    public static void Exit() => Interlocked.Decrement(ref _busy);

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => Exit();
    }
}
