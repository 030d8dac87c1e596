using System.Diagnostics;
using System.Globalization;
using Extractor.Batch;

namespace Extractor.Cli;

/// <summary>How progress is shown: a live line redrawn in place (a terminal), a log line per input (redirected output), or nothing.</summary>
public enum ProgressMode { Live, Plain, None }

/// <summary>
/// Renders a batch's progress on standard error. Live: one line redrawn in place — done/total,
/// percentage, rate, ETA, failures, skipped — with each failure printed above it as it happens.
/// Plain: one log line per input. Either way, a summary at the end.
/// </summary>
public sealed class ProgressDisplay : IProgress<BatchProgress>
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _writer;
    private readonly ProgressMode _mode;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _width;
    private readonly object _gate = new();
    private TimeSpan? _lastDraw;
    private bool _lineOpen;
    private int _converted;

    public ProgressDisplay(TextWriter writer, ProgressMode mode, int width = 0)
    {
        _writer = writer;
        _mode = mode;
        _width = width > 20 ? width : 120;
    }

    public void Start(int total, string description)
    {
        if (_mode == ProgressMode.None) return;
        _writer.WriteLine($"{description}: {total} input{(total == 1 ? "" : "s")}");
    }

    public void Report(BatchProgress value)
    {
        if (_mode == ProgressMode.None) return;
        lock (_gate)
        {
            var o = value.Last;
            if (!o.Resumed) _converted++;
            if (_mode == ProgressMode.Plain)
            {
                _writer.WriteLine($"{Counter(value)} {o.Source}: {Detail(o)}");
                return;
            }
            if (o.Failed)
            {
                ClearLine();
                _writer.WriteLine($"failed {o.Source}: {o.ErrorCode}: {o.Message}");
            }
            var now = _clock.Elapsed;
            if (_lastDraw is { } last && now - last < RedrawInterval && value.Done < value.Total && !o.Failed) return;
            _lastDraw = now;
            var line = StatusLine(value, now);
            if (line.Length >= _width) line = line[..(_width - 2)] + "…";
            _writer.Write("\r\u001b[2K" + line);
            _writer.Flush();
            _lineOpen = true;
        }
    }

    /// <summary>The summary: how many of each status, the failures by error code, the time taken, where the output is.</summary>
    public void Finish(IReadOnlyList<DocumentOutcome> outcomes, string outputDirectory)
    {
        lock (_gate)
        {
            ClearLine();
            var failed = outcomes.Where(o => o.Failed).ToList();
            var partial = outcomes.Count(o => o.Status == "partial");
            var resumed = outcomes.Count(o => o.Resumed);
            var byCode = failed.GroupBy(o => o.ErrorCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} {g.Key}");
            var summary = $"{outcomes.Count} inputs: {outcomes.Count - failed.Count - partial} ok, {partial} partial, {failed.Count} failed"
                + (failed.Count > 0 ? $" ({string.Join(", ", byCode)})" : "")
                + $". {resumed} done by an earlier run and skipped. {Duration(_clock.Elapsed)}. Output in {Path.GetFullPath(outputDirectory)}";
            _writer.WriteLine(summary);
            if (failed.Count > 0)
            {
                _writer.WriteLine("Failed inputs have a sentence saying what to do in documents.csv; run the same command again to retry them (finished ones are skipped).");
            }
        }
    }

    public void Interrupted(string outputDirectory)
    {
        lock (_gate)
        {
            ClearLine();
            _writer.WriteLine($"Interrupted. Finished documents are kept in {Path.GetFullPath(outputDirectory)}; run the same command again to go on from there.");
        }
    }

    private void ClearLine()
    {
        if (!_lineOpen) return;
        _writer.Write("\r\u001b[2K");
        _lineOpen = false;
    }

    private string StatusLine(BatchProgress p, TimeSpan elapsed)
    {
        if (p.Stage == BatchStage.BatchCodes)
        {
            return $"batch codes: converting again with the batch's codes {p.Done}/{p.Total}  failed {p.Failed}";
        }
        var percent = p.Total == 0 ? 100 : 100.0 * p.Done / p.Total;
        var rate = elapsed.TotalSeconds > 0 ? _converted / elapsed.TotalSeconds : 0;
        var remaining = p.Total - p.Done;
        var eta = remaining == 0 ? "0s" : rate > 0 ? Duration(TimeSpan.FromSeconds(remaining / rate)) : "--";
        var skipped = p.Resumed > 0 ? $"  skipped {p.Resumed}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{p.Done}/{p.Total}] {percent:0.0}%  {rate:0.0} docs/s  ETA {eta}  failed {p.Failed}{skipped}  {Path.GetFileName(p.Last.Source.TrimEnd('/'))}");
    }

    private static string Counter(BatchProgress p) => p.Stage == BatchStage.BatchCodes ? $"[batch codes {p.Done}/{p.Total}]" : $"[{p.Done}/{p.Total}]";

    private static string Detail(DocumentOutcome o) =>
        o.Failed ? $"{o.ErrorCode}: {o.Message} ({o.ElapsedMs} ms)"
        : o.Resumed ? $"{o.Status}, done by an earlier run, skipped"
        : $"{o.Status}, {o.TablesFound} tables, {o.Pages} pages ({o.ElapsedMs} ms)";

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s"
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0}s");
}
