using Extractor.Pdf;
using Extractor.Tables;
using Extractor.Templates;

namespace Extractor.Recognition;

/// <summary>
/// Decides what every grid of a document is: a template table (by its title, else by its header
/// keywords), the continuation of the table on the page before, or a generic table. Tables that
/// continue over pages become one table with several parts.
/// </summary>
public sealed class TableRecognizer
{
    private readonly TemplateCatalog _catalog;
    public TableRecognizer(TemplateCatalog catalog)
    {
        _catalog = catalog;
    }

    public static TableRecognizer Default { get; } = new(TemplateCatalog.Default);

    /// <summary>Recognises the tables of a document of the given kind (only that kind's templates apply).</summary>
    public IReadOnlyList<RecognizedTable> Recognize(IReadOnlyList<PageLayout> pages, string kind, string? defaultUnit = null, string? year = null)
    {
        var titles = new TitleMatcher(new TemplateCatalog(_catalog.Templates.Where(t => t.Kind == kind)));
        var tables = new List<RecognizedTable>();
        RecognizedTable? open = null;
        var openLastPage = 0;
        TableCaption? pending = null;
        var pendingPage = 0;
        foreach (var layout in pages)
        {
            for (var i = 0; i < layout.Grids.Count; i++)
            {
                var grid = layout.Grids[i];
                var caption = titles.Read(layout.LinesAbove(i));
                if (caption.Template is null && CaptionInGrid(grid, titles) is { } inside) caption = inside;
                // A title printed at the foot of the page before, with its table on this page.
                if (i == 0 && caption.Template is null && pending is not null && pendingPage == layout.Page.Number - 1) caption = pending with { Unit = caption.Unit ?? pending.Unit };
                var nextPage = open is not null && i == 0 && IsNextPage(pages, openLastPage, layout.Page.Number);
                var untitled = caption.Template is null && caption.Title.Length == 0;
                var sameTitle = caption.Template is not null && caption.Template.Id == open?.Template?.Id;
                var continues = nextPage && (untitled || sameTitle);
                var aligned = continues && open is not null ? Align(open.Parts[0].Grid, grid) : null;
                if (aligned is not null && open is not null)
                {
                    grid = aligned;
                    var body = ContinuationBodyStart(open, grid);
                    var index = tables.IndexOf(open);
                    open = open with { Parts = [.. open.Parts, new TablePart(grid, body)] };
                    tables[index] = open;
                    openLastPage = layout.Page.Number;
                    continue;
                }

                var template = caption.Template;
                var by = "title";
                if (template is null)
                {
                    template = MatchByHeader(grid, kind);
                    by = template is null ? "none" : "header";
                }
                var bodyStart = HeaderAnalyzer.FindBodyStart(grid);
                var unit = caption.Unit ?? UnitNear(layout, i) ?? defaultUnit ?? "万元";
                var table = new RecognizedTable
                {
                    Id = template?.Id ?? $"T{layout.Page.Number}-{i + 1}",
                    Template = template,
                    Title = caption.Title,
                    Label = caption.Label,
                    Unit = unit,
                    Parts = [new TablePart(grid, bodyStart)],
                    Columns = ColumnMapper.Map(grid, bodyStart, template, year),
                    Year = year,
                    RecognizedBy = by,
                };
                tables.Add(table);
                open = table;
                openLastPage = layout.Page.Number;
            }
            // Only short lines: a sentence of the narrative that names a table is not its title.
            var foot = titles.Read(layout.LinesBelowLastGrid().Where(l => l.Text.Replace(" ", "").Length <= 40).ToList());
            pending = foot.Template is not null ? foot : null;
            pendingPage = layout.Page.Number;
        }
        return ResolveDuplicates(tables);
    }

    /// <summary>
    /// Some producers rule the title into the table: a first row of one cell across the whole width
    /// ("2026年本年一般公共预算支出表（预算表5）"), often followed by a row with the unit.
    /// </summary>
    private static TableCaption? CaptionInGrid(CellGrid grid, TitleMatcher titles)
    {
        var lines = new List<TextLine>();
        for (var r = 0; r < Math.Min(3, grid.Rows); r++)
        {
            var cells = grid.CellsInRow(r).Where(c => !c.IsEmpty).ToList();
            if (cells.Count == 0) continue;
            if (cells.Count > 2 || cells.Sum(c => c.ColumnSpan) < grid.Columns / 2) break;
            lines.AddRange(cells.Select(c => new TextLine(c.Text, c.Box, [c.Text], [])));
        }
        if (lines.Count == 0) return null;
        lines.Reverse();
        var caption = titles.Read(lines);
        return caption.Template is null ? null : caption;
    }

    /// <summary>The next page, or the one after a near-empty spill-over page (a border and nothing else).</summary>
    private static bool IsNextPage(IReadOnlyList<PageLayout> pages, int last, int current)
    {
        if (current == last + 1) return true;
        if (current != last + 2) return false;
        var between = pages.FirstOrDefault(p => p.Page.Number == last + 1);
        return between is not null && between.Grids.Count == 0 && between.Page.Glyphs.Count < 20;
    }

    /// <summary>
    /// The continuation laid on the first part's columns, or null when it does not fit them. A page
    /// that drops a few vertical rules (codes merged over 类 | 款 | 项) has fewer columns, but each
    /// of its column edges is one of the first part's: its cells then span those columns.
    /// </summary>
    internal static CellGrid? Align(CellGrid first, CellGrid next)
    {
        if (first.Columns == next.Columns) return next;
        const double tolerance = 3.0;
        int IndexOf(double x) => first.ColumnEdges.Select((e, i) => (Distance: Math.Abs(e - x), i)).Where(d => d.Distance <= tolerance).Select(d => d.i).DefaultIfEmpty(-1).First();
        var map = next.ColumnEdges.Select(IndexOf).ToList();
        // Every edge is one of the first part's, in order, and the two span the same width.
        if (map.Any(i => i < 0) || map.Zip(map.Skip(1)).Any(p => p.Second <= p.First) || map[0] != 0 || map[^1] != first.Columns) return null;
        var cells = next.Cells.Select(c => c with
        {
            Column = map[c.Column],
            ColumnSpan = map[c.Column + c.ColumnSpan] - map[c.Column],
        }).ToList();
        // Positions before the first mapped edge or after the last stay empty.
        var covered = new bool[next.Rows, first.Columns];
        foreach (var c in cells)
            for (var r = c.Row; r <= c.LastRow; r++)
                for (var k = c.Column; k <= c.LastColumn; k++) covered[r, k] = true;
        for (var r = 0; r < next.Rows; r++)
            for (var k = 0; k < first.Columns; k++)
                if (!covered[r, k]) cells.Add(new GridCell(r, k, 1, 1, new Pdf.Box(first.ColumnEdges[k], next.RowEdges[r], first.ColumnEdges[k + 1], next.RowEdges[r + 1]), string.Empty));
        return new CellGrid(next.Page, next.Method, next.RowEdges, first.ColumnEdges, cells) { Confidence = next.Confidence };
    }

    /// <summary>A continuation's header rows are dropped when they repeat the first part's header.</summary>
    private static int ContinuationBodyStart(RecognizedTable open, CellGrid grid)
    {
        var first = open.Parts[0];
        var headerTexts = new HashSet<string>();
        for (var r = 0; r < first.BodyStart; r++)
        {
            foreach (var cell in first.Grid.CellsInRow(r)) headerTexts.Add(TextNormalizer.MatchKey(cell.Text));
        }
        var body = 0;
        while (body < grid.Rows && body < first.BodyStart + 1)
        {
            var cells = grid.CellsInRow(body).Where(c => !c.IsEmpty).ToList();
            var repeated = cells.Count > 0 && cells.All(c => headerTexts.Contains(TextNormalizer.MatchKey(c.Text)));
            if (!repeated && !HeaderAnalyzer.IsColumnNumberRow(grid, body)) break;
            body++;
        }
        // Word repeats the rows marked as header rows at the top of every page, and producers often mark the 合计 row
        // under the header too: a continuation's first body rows printed exactly as the first part's are that
        // repetition, not new rows (their amounts would be counted twice).
        var k = 0;
        while (body + k < grid.Rows && first.BodyStart + k < first.Grid.Rows && k < 3 && SameRow(first.Grid, first.BodyStart + k, grid, body + k)) k++;
        return body + k;
    }

    /// <summary>Whether two grid rows (of grids laid on the same columns) print the same non-empty texts in the same columns.</summary>
    private static bool SameRow(CellGrid a, int rowA, CellGrid b, int rowB)
    {
        if (a.Columns != b.Columns) return false;
        var any = false;
        for (var c = 0; c < a.Columns; c++)
        {
            var ta = TextNormalizer.MatchKey(a.TextAt(rowA, c));
            var tb = TextNormalizer.MatchKey(b.TextAt(rowB, c));
            if (ta != tb) return false;
            any |= ta.Length > 0;
        }
        return any && HeaderAnalyzer.RowHasData(a, rowA);
    }

    /// <summary>A table without a recognisable title is a template table when exactly one template's header keywords are all in its header.</summary>
    private TableTemplate? MatchByHeader(CellGrid grid, string kind)
    {
        var bodyStart = HeaderAnalyzer.FindBodyStart(grid);
        var header = string.Concat(Enumerable.Range(0, bodyStart).SelectMany(grid.CellsInRow).Select(c => TextNormalizer.MatchKey(c.Text)));
        if (header.Length == 0) return null;
        var matches = _catalog.Templates
            .Where(t => t.Kind == kind && t.HeaderKeywords.Count > 0 && t.HeaderKeywords.All(k => header.Contains(TextNormalizer.MatchKey(k), StringComparison.Ordinal)))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string? UnitNear(PageLayout layout, int gridIndex)
    {
        foreach (var line in layout.LinesAbove(gridIndex).Take(8))
        {
            var unit = TitleMatcher.UnitOf(line.Text);
            if (unit is not null) return unit;
        }
        return null;
    }

    /// <summary>
    /// A template can be matched twice (a summary table in the narrative, a table printed twice):
    /// the one with more amounts keeps the id, the others become generic tables.
    /// </summary>
    private static IReadOnlyList<RecognizedTable> ResolveDuplicates(List<RecognizedTable> tables)
    {
        var result = new List<RecognizedTable>(tables);
        foreach (var group in tables.Where(t => t.Template is not null).GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            var keep = group.OrderByDescending(AmountCount).ThenBy(t => t.Parts[0].Grid.Page).First();
            foreach (var other in group.Where(t => !ReferenceEquals(t, keep)))
            {
                var grid = other.Parts[0].Grid;
                var index = result.IndexOf(other);
                var onPage = tables.Where(t => t.Parts[0].Grid.Page == grid.Page).ToList();
                result[index] = other with
                {
                    Id = $"T{grid.Page}-{onPage.IndexOf(other) + 1}",
                    Template = null,
                    RecognizedBy = "none",
                    Columns = ColumnMapper.Map(grid, other.Parts[0].BodyStart, null),
                };
            }
        }
        return result;
    }

    private static int AmountCount(RecognizedTable table) =>
        table.Parts.Sum(p => Enumerable.Range(p.BodyStart, p.Grid.Rows - p.BodyStart)
            .SelectMany(p.Grid.CellsInRow)
            .Count(c => c.Text.Any(char.IsAsciiDigit) && c.Text.Contains('.')));
}
