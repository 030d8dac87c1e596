using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Extractor.Pdf;

/// <summary>
/// Reads a document's pages on every core the process has free: PdfPig's document is not shared between threads, so
/// each helper opens the PDF over the same bytes and takes the next page no one has taken, and the pages are put back
/// in order. Pages come out as <see cref="PdfDocumentReader"/> reads them alone, and a bad document gets the error it
/// would get there (the lowest page that fails decides it). A helper joins only where a core is free
/// (<see cref="ConversionThreads"/>) and enough pages are left to pay for opening the document again, also in the
/// middle of a document: the last large document of a harvest gets the cores the other jobs leave. A helper stops when
/// a document started after it needs its core.
/// </summary>
public sealed class ParallelPageReader
{
    /// <summary>
    /// Pages left untaken for a helper to join: a helper opens the document again and parses again the fonts its pages
    /// use, which costs about as much as reading a few pages.
    /// </summary>
    public const int PagesPerHelper = 6;

    public static ParallelPageReader Default { get; } = new(PdfDocumentReader.Instance);

    private readonly PdfDocumentReader _reader;
    private readonly int? _threads;

    /// <param name="threads">Read with exactly this many threads when the document has pages for them, whatever the
    /// other conversions of the process do (null: as many as there are free cores).</param>
    public ParallelPageReader(PdfDocumentReader reader, int? threads = null)
    {
        _reader = reader;
        _threads = threads is null ? null : Math.Max(1, threads.Value);
    }

    public IReadOnlyList<PageModel> Read(byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (_threads == 1) return _reader.Read(bytes, cancellationToken);
        return new Reading(this, bytes, cancellationToken).Run();
    }

    /// <summary>One document being read: the page counter its workers share, the helpers started and what they read.</summary>
    private sealed class Reading
    {
        private readonly ParallelPageReader _owner;
        private readonly byte[] _bytes;
        private readonly CancellationToken _cancellationToken;
        private readonly object _gate = new();
        private readonly List<Thread> _helpers = [];
        private readonly List<IReadOnlyList<PageModel>> _parts = [];
        private readonly List<(int Page, ExceptionDispatchInfo Error)> _failures = [];
        private int _taken;
        private int _stopAfter = int.MaxValue;
        private long _helperParseTicks, _helperParseAllocated, _helperTicks;
        private bool _closed;

        public Reading(ParallelPageReader owner, byte[] bytes, CancellationToken cancellationToken)
        {
            _owner = owner;
            _bytes = bytes;
            _cancellationToken = cancellationToken;
        }

        public IReadOnlyList<PageModel> Run()
        {
            var start = Stopwatch.GetTimestamp();
            Work(new PageShare(Take, helper: false));
            Thread[] helpers;
            lock (_gate)
            {
                _closed = true;
                helpers = [.. _helpers];
            }
            foreach (var helper in helpers) helper.Join();
            AttributeHelperParsing(Stopwatch.GetTimestamp() - start);

            _cancellationToken.ThrowIfCancellationRequested();
            if (_failures.Count > 0) _failures.MinBy(f => f.Page).Error.Throw();
            var pages = _parts.SelectMany(p => p).OrderBy(p => p.Number).ToList();
            // A document without text gets the reader's own verdict (no text layer, or worse), as it words it.
            if (pages.Count > 0 && pages.All(p => p.Glyphs.Count == 0)) return _owner._reader.Read(_bytes, _cancellationToken);
            return pages;
        }

        /// <summary>
        /// Hands out the next page (past the end once none is left, or past a page that failed). Called by each worker
        /// before each page it reads, after its document is open: the moment to let a helper join when a core is free.
        /// </summary>
        public int Take(int pageCount, bool helper)
        {
            // A helper gives its core back to a document started since it joined: the pages it leaves, the others take.
            if (helper && _owner._threads is null && ConversionThreads.Busy > Environment.ProcessorCount) return int.MaxValue;
            var page = Interlocked.Increment(ref _taken);
            if (page > Volatile.Read(ref _stopAfter)) return int.MaxValue;
            if (pageCount - page >= PagesPerHelper) MaybeAddHelper();
            return page;
        }

        private void MaybeAddHelper()
        {
            var fixedCount = _owner._threads;
            lock (_gate)
            {
                if (_closed || _failures.Count > 0) return;
                if (fixedCount is { } n ? _helpers.Count + 1 >= n : !ConversionThreads.TryEnter()) return;
                var share = new PageShare(Take, helper: true);
                var thread = new Thread(() =>
                {
                    try
                    {
                        Work(share);
                    }
                    finally
                    {
                        if (fixedCount is null) ConversionThreads.Exit();
                    }
                }) { IsBackground = true, Name = "page reader" };
                _helpers.Add(thread);
                thread.Start();
            }
        }

        private void Work(PageShare share)
        {
            var start = Stopwatch.GetTimestamp();
            if (share.Helper) ParseClock.Reset();
            try
            {
                var pages = _owner._reader.Read(_bytes, share, _cancellationToken);
                lock (_gate) _parts.Add(pages);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                // The caller sees the cancellation once every worker has stopped.
            }
            catch (Exception) when (share.Helper && share.Current == 0)
            {
                // A helper that could not open what the first worker opened took no page: the others read them all.
            }
            catch (Exception e)
            {
                lock (_gate) _failures.Add((share.Current, ExceptionDispatchInfo.Capture(e)));
                // Pages after the failed one are not read; those before it are, for one of them may fail first.
                InterlockedMin(ref _stopAfter, share.Current);
            }
            finally
            {
                if (share.Helper)
                {
                    Interlocked.Add(ref _helperParseTicks, ParseClock.Ticks);
                    Interlocked.Add(ref _helperParseAllocated, ParseClock.AllocatedBytes);
                    Interlocked.Add(ref _helperTicks, Stopwatch.GetTimestamp() - start);
                }
            }
        }

        /// <summary>
        /// The benchmark splits the reading's wall time into PdfPig's part and the page model by the calling thread's
        /// <see cref="ParseClock"/>: helpers' threads count in it in proportion to the time they worked.
        /// </summary>
        private void AttributeHelperParsing(long wallTicks)
        {
            if (_helperTicks <= 0 || wallTicks <= 0) return;
            var callerParse = ParseClock.Ticks;
            var share = (double)(callerParse + _helperParseTicks) / (wallTicks + _helperTicks);
            ParseClock.Add((long)(share * wallTicks) - callerParse, _helperParseAllocated);
        }

        private static void InterlockedMin(ref int target, int value)
        {
            int current;
            while (value < (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }

    /// <summary>One worker's view of a document being read: the pages it takes, and the one it is on.</summary>
    internal sealed class PageShare(Func<int, bool, int> take, bool helper)
    {
        public bool Helper { get; } = helper;

        /// <summary>The page this worker is reading (0 before its first).</summary>
        public int Current { get; private set; }

        /// <summary>The next page to read: past <paramref name="pageCount"/> when there is none.</summary>
        public int Next(int pageCount) => Current = take(pageCount, Helper);
    }
}
