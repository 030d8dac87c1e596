using System.Diagnostics;

namespace Extractor.Pdf;

/// <summary>
/// Time spent inside PdfPig (opening the file, parsing each page's content into letters and
/// paths) on the current thread, so the benchmark can tell parsing from building the page model.
/// A document is read on one thread, or on helpers that add their share to it, so a thread-local sum is the document's own.
/// </summary>
internal static class ParseClock
{
    [ThreadStatic] private static long _ticks;
    [ThreadStatic] private static long _allocated;

    /// <summary>Stopwatch ticks spent in PdfPig on this thread since the last <see cref="Reset"/>.</summary>
    public static long Ticks => _ticks;

    /// <summary>Bytes PdfPig allocated on this thread since the last <see cref="Reset"/>.</summary>
    public static long AllocatedBytes => _allocated;

    public static void Reset() => (_ticks, _allocated) = (0, 0);

    /// <summary>Counts on this thread what PdfPig did for it on others (pages read by helper threads).</summary>
    public static void Add(long ticks, long allocated) => (_ticks, _allocated) = (_ticks + ticks, _allocated + allocated);

    public static T Time<T>(Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return work();
        }
        finally
        {
            _ticks += Stopwatch.GetTimestamp() - start;
            _allocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
    }
}
