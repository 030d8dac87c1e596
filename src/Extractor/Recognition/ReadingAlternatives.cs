using Extractor.Pdf;
using Extractor.Tables;

namespace Extractor.Recognition;

/// <summary>
/// Other plausible readings of a recognised table, built from the same printed text: the columns named by their
/// headers alone (without what the body holds); for a ruled table, the same area read by text alignment (rules that
/// do not separate what they seem to); for a table read by alignment, columns from the body's alignment alone
/// (without the header's labels), and the body's lines kept as printed (wrapped names not joined). Each is a whole
/// recognised table of the same template, for the reader to judge by the table's arithmetic.
/// </summary>
public static class ReadingAlternatives
{
    public const string ColumnsByHeader = "columns by header";
    public const string TextAlignment = "text alignment";
    public const string ColumnsFromBody = "columns from the body";
    public const string LinesAsPrinted = "lines as printed";

    public static IEnumerable<(string Name, RecognizedTable Table)> For(RecognizedTable table, IReadOnlyList<PageModel> pages, string? year)
    {
        if (table.Template is null) yield break;
        var byHeader = ColumnMapper.Map(table.Parts[0].Grid, table.Parts[0].BodyStart, table.Template, year, byContent: false);
        if (!byHeader.SequenceEqual(table.Columns)) yield return (ColumnsByHeader, table with { Columns = byHeader });

        if (table.Method == "lattice")
        {
            if (Redetect(table, pages, year, StreamDetector.Instance, useEdges: false) is { } stream) yield return (TextAlignment, stream);
        }
        else
        {
            var options = StreamDetector.Instance.Options;
            if (Redetect(table, pages, year, new StreamDetector(options with { ColumnsFromHeader = false }), useEdges: false) is { } body)
                yield return (ColumnsFromBody, body);
            if (Redetect(table, pages, year, new StreamDetector(options with { JoinWrappedLines = false }), useEdges: true) is { } lines)
                yield return (LinesAsPrinted, lines);
        }
    }

    /// <summary>
    /// Every part of the table read again by the stream detector over the area its grid covers (with the part's own
    /// column edges when <paramref name="useEdges"/>); null when a part gives no table or the parts do not line up.
    /// </summary>
    private static RecognizedTable? Redetect(RecognizedTable table, IReadOnlyList<PageModel> pages, string? year, StreamDetector detector, bool useEdges)
    {
        var parts = new List<TablePart>();
        foreach (var part in table.Parts)
        {
            var page = pages.FirstOrDefault(p => p.Number == part.Grid.Page);
            if (page is null) return null;
            var b = part.Grid.Bounds;
            var area = new Box(b.Left - 1, b.Top - 1, b.Right + 1, b.Bottom + 1);
            var grid = detector.Detect(page, area, useEdges ? part.Grid.ColumnEdges : null);
            if (grid is null) return null;
            if (parts.Count > 0)
            {
                grid = TableRecognizer.Align(parts[0].Grid, grid);
                if (grid is null) return null;
            }
            parts.Add(new TablePart(grid, parts.Count == 0 ? HeaderAnalyzer.FindBodyStart(grid) : ContinuationStart(grid)));
        }
        return table with { Parts = parts, Columns = ColumnMapper.Map(parts[0].Grid, parts[0].BodyStart, table.Template, year) };
    }

    /// <summary>A continuation's body starts after any header it repeats: at its first row with an amount or a code.</summary>
    private static int ContinuationStart(Tables.CellGrid grid)
    {
        for (var r = 0; r < grid.Rows; r++)
        {
            if (HeaderAnalyzer.RowHasData(grid, r) && !HeaderAnalyzer.IsColumnNumberRow(grid, r)) return r;
        }
        return 0;
    }
}
