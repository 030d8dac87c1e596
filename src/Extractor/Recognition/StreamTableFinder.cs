using System.Text.RegularExpressions;
using Extractor.Pdf;
using Extractor.Tables;
using Extractor.Templates;

namespace Extractor.Recognition;

/// <summary>
/// Finds the tables the lattice detector cannot see and hands them to the stream detector: a
/// table title with no ruled grid under it (a 三线表 or a table without rules), a ruled header
/// whose body has no rules, and the rest of such a table on the next page.
/// </summary>
public sealed partial class StreamTableFinder
{
    private readonly TitleMatcher _titles;
    private readonly StreamDetector _detector;

    public StreamTableFinder(TemplateCatalog catalog, StreamDetector detector)
    {
        _titles = new TitleMatcher(catalog);
        _detector = detector;
    }

    public static StreamTableFinder Default { get; } = new(TemplateCatalog.Default, StreamDetector.Instance);

    /// <summary>The layouts with stream grids added where the lattice found none.</summary>
    public IReadOnlyList<PageLayout> AddStreamTables(IReadOnlyList<PageLayout> layouts)
    {
        var result = new List<PageLayout>(layouts.Count);
        CellGrid? open = null;
        foreach (var layout in layouts)
        {
            var page = layout.Page;
            var grids = new List<CellGrid>();
            var lines = layout.Lines;
            var stops = lines.Where(l => IsStop(l.Text)).Select(l => l.Box.Top).ToList();

            // A ruled header whose body is not ruled: the lattice grid holds no data row.
            foreach (var grid in layout.Grids)
            {
                var body = HeaderAnalyzer.FindBodyStart(grid);
                var hasData = Enumerable.Range(body, grid.Rows - body).Any(r => HeaderAnalyzer.RowHasData(grid, r));
                var below = Bottom(grid.Bounds.Bottom, stops, layout, page);
                if (!hasData && lines.Any(l => l.Box.Top >= grid.Bounds.Bottom - 1 && l.Box.Bottom <= below && HasAmount(l.Text)))
                {
                    var area = new Box(0, grid.Bounds.Top - 1, page.Width, below);
                    grids.Add(_detector.Detect(page, area, grid.ColumnEdges) ?? grid);
                }
                else
                {
                    grids.Add(grid);
                }
            }

            // A title with no grid under it.
            var captions = lines.Where(l => IsTitle(l.Text)).ToList();
            var continuedFromTop = open is not null && layout.Grids.Count == 0 && captions.Count == 0;
            foreach (var caption in captions)
            {
                if (layout.Grids.Any(g => g.Bounds.Top >= caption.Box.Bottom - 1 && !captions.Any(c => c.Box.Top > caption.Box.Bottom && c.Box.Bottom <= g.Bounds.Top))) continue;
                var top = CaptionBottom(caption, lines);
                var bottom = Bottom(top, stops, layout, page, captions);
                var grid = _detector.Detect(page, new Box(0, top, page.Width, bottom));
                if (grid is not null) grids.Add(grid);
            }
            if (continuedFromTop)
            {
                var bottom = Bottom(0, stops, layout, page);
                var grid = _detector.Detect(page, new Box(0, 0, page.Width, bottom), open!.ColumnEdges);
                if (grid is not null) grids.Add(grid);
            }

            var streams = grids.Where(g => g.Method == "stream").ToList();
            open = streams.Count > 0 && !stops.Any(s => s > streams.Max(g => g.Bounds.Bottom)) ? streams.MaxBy(g => g.Bounds.Bottom) : null;
            result.Add(streams.Count == 0 ? layout : PageLayout.Build(page, grids.OrderBy(g => g.Bounds.Top).ToList()));
        }
        return result;
    }

    private bool IsTitle(string text)
    {
        var compact = text.Replace(" ", "");
        if (compact.StartsWith("注", StringComparison.Ordinal) || compact.Length > 60) return false;
        return _titles.MatchTitle(compact) is not null;
    }

    /// <summary>Below a title come its label, department and unit lines; the table starts after them.</summary>
    private static double CaptionBottom(TextLine caption, IReadOnlyList<TextLine> lines)
    {
        var bottom = caption.Box.Bottom;
        foreach (var line in lines.Where(l => l.Box.Top >= caption.Box.Bottom - 1).OrderBy(l => l.Box.Top))
        {
            if (!CaptionLine().IsMatch(line.Text.Replace(" ", ""))) break;
            bottom = line.Box.Bottom;
        }
        return bottom + 0.5;
    }

    /// <summary>Where a table starting at <paramref name="top"/> must end: a note, the next title or grid, or the page end.</summary>
    private double Bottom(double top, List<double> stops, PageLayout layout, PageModel page, List<TextLine>? captions = null)
    {
        var limit = page.Height;
        foreach (var stop in stops.Where(s => s > top + 1)) limit = Math.Min(limit, stop);
        foreach (var grid in layout.Grids.Where(g => g.Bounds.Top > top + 1)) limit = Math.Min(limit, grid.Bounds.Top);
        foreach (var caption in captions ?? layout.Lines.Where(l => IsTitle(l.Text)).ToList())
        {
            if (caption.Box.Top > top + 1) limit = Math.Min(limit, caption.Box.Top);
        }
        return limit - 0.5;
    }

    private static bool IsStop(string text)
    {
        var compact = text.Replace(" ", "");
        return compact.StartsWith("注：", StringComparison.Ordinal) || compact.StartsWith("注:", StringComparison.Ordinal) || compact.StartsWith("备注", StringComparison.Ordinal)
               || compact.StartsWith("说明：", StringComparison.Ordinal);
    }

    private static bool HasAmount(string text) => AmountLike().IsMatch(text);

    [GeneratedRegex(@"^((部门|单位|公开|预算|决算)*(公开)?\d{1,2}表|(部门|单位)?(公开)?表[\d一二三四五六七八九十]+|.*(单位|部门|编制单位|填报单位)[：:].*|20\d{2}年\d{1,2}月\d{1,2}日)$")]
    private static partial Regex CaptionLine();

    [GeneratedRegex(@"\d\.\d{2}\b|\d{1,3}(,\d{3})+")]
    private static partial Regex AmountLike();
}
