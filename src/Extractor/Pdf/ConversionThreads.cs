using System.Diagnostics;

namespace Extractor.Pdf;

/// <summary>
/// The threads of this process converting documents, against its cores: a document's own thread counts from start to
/// end, and a page reader's helper joins only while a core is left (<see cref="ParallelPageReader"/>), so that a
/// harvest running as many documents as there are cores does not also split their pages.
/// </summary>
public static class ConversionThreads
{
    /// <summary>
    /// How long a core freed by a finished document stays spoken for: between two documents a harvest's job writes
    /// one and reads the next for a few milliseconds, too short for a helper to pay for opening a document.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(50);

    private static int _busy;
    private static long _lastDocumentEnd;

    public static int Busy => Volatile.Read(ref _busy);

    /// <summary>Counts the calling thread as converting a document until the result is disposed.</summary>
    public static Document Enter()
    {
        Interlocked.Increment(ref _busy);
        return new Document(true);
    }

    /// <summary>Counts one more thread if a core is free for it; false when every core is taken or was only just freed.</summary>
    public static bool TryEnter()
    {
        if (Stopwatch.GetElapsedTime(Volatile.Read(ref _lastDocumentEnd)) < Grace) return false;
        var cores = Environment.ProcessorCount;
        int busy;
        while ((busy = Volatile.Read(ref _busy)) < cores)
        {
            if (Interlocked.CompareExchange(ref _busy, busy + 1, busy) == busy) return true;
        }
        return false;
    }

    /// <summary>Ends what <see cref="TryEnter"/> counted.</summary>
    public static void Exit() => Interlocked.Decrement(ref _busy);

    public readonly struct Document(bool entered) : IDisposable
    {
        public void Dispose()
        {
            if (!entered) return;
            Volatile.Write(ref _lastDocumentEnd, Stopwatch.GetTimestamp());
            Exit();
        }
    }
}
