using System.Text.RegularExpressions;
using Extractor.Tables;

namespace Extractor.Recognition;

/// <summary>
/// Splits a grid into header rows and body rows and reads each column's header path
/// (the texts of the header cells above it, top to bottom, joined by '/').
/// </summary>
public static partial class HeaderAnalyzer
{
    /// <summary>Index of the first body row. Header rows come before it; the 栏次 row is the last of them.</summary>
    public static int FindBodyStart(CellGrid grid)
    {
        var limit = Math.Min(grid.Rows, 12);
        var firstData = -1;
        var columnNumbers = -1;
        for (var r = 0; r < limit; r++)
        {
            if (IsColumnNumberRow(grid, r))
            {
                if (firstData < 0) columnNumbers = r;
                continue;
            }
            if (firstData < 0 && RowHasData(grid, r)) firstData = r;
        }
        if (columnNumbers >= 0) return columnNumbers + 1;
        if (firstData >= 0) return Math.Max(firstData, 1);
        // A table printed without a single amount (an empty 政府性基金 table): the header ends at the
        // first blank row or the first row that names an item ("一、…").
        for (var r = 1; r < grid.Rows; r++)
        {
            var texts = grid.CellsInRow(r).Where(c => c.Row == r).Select(c => c.Text.Replace(" ", "")).Where(t => t.Length > 0).ToList();
            if (texts.Count == 0 || texts.Any(t => ItemOrdinal().IsMatch(t)) || (texts.Count == 1 && texts[0] is "合计" or "总计")) return r;
        }
        return Math.Min(1, grid.Rows);
    }

    /// <summary>
    /// The 栏次 row numbers the columns ("栏次 | 1 | 2 …", or just "1 2 3 …", or 甲 乙 丙): it belongs to
    /// the header and is dropped.
    /// </summary>
    public static bool IsColumnNumberRow(CellGrid grid, int row)
    {
        var texts = grid.CellsInRow(row).Where(c => c.Row == row || c.RowSpan == 1).Select(c => c.Text).Where(t => t.Length > 0).ToList();
        if (texts.Count == 0) return false;
        if (texts.Any(t => t.Replace(" ", "") is "栏次" or "栏号")) return true;
        if (texts.Count < 2) return false;
        if (texts.All(t => t is "甲" or "乙" or "丙" or "丁" || SmallNumber().IsMatch(t)))
        {
            var numbers = texts.Where(t => SmallNumber().IsMatch(t)).Select(int.Parse).ToList();
            return numbers.Count >= 2 && numbers.SequenceEqual(numbers.Order()) && numbers.Distinct().Count() == numbers.Count && numbers[0] <= 2;
        }
        return false;
    }

    /// <summary>Whether a row holds an amount or a classification code: the first such row starts the body.</summary>
    public static bool RowHasData(CellGrid grid, int row) =>
        grid.CellsInRow(row).Any(c => DataLike().IsMatch(c.Text.Replace(" ", "")));

    /// <summary>Header path of every column (empty where no header text stands above it).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> HeaderPaths(CellGrid grid, int bodyStart)
    {
        var paths = new List<IReadOnlyList<string>>(grid.Columns);
        for (var c = 0; c < grid.Columns; c++)
        {
            var segments = new List<string>();
            GridCell? previous = null;
            for (var r = 0; r < bodyStart; r++)
            {
                var cell = grid.At(r, c);
                if (cell is null || cell.IsEmpty || ReferenceEquals(cell, previous)) continue;
                if (IsColumnNumberLabel(cell.Text) || IsCaptionCell(grid, cell)) continue;
                previous = cell;
                segments.Add(cell.Text);
            }
            paths.Add(segments);
        }
        return paths;
    }

    /// <summary>
    /// A title or caption line ruled into the table's first rows (a cell across the whole width, or the unit and
    /// department line “预算单位：长春市信访局 … 单位：万元”): it names the table, not a column.
    /// </summary>
    private static bool IsCaptionCell(CellGrid grid, GridCell cell)
    {
        var text = cell.Text.Replace(" ", "");
        return (grid.Columns > 2 && cell.ColumnSpan == grid.Columns && text.Length >= 8 && text.Contains('表')) || CaptionLine().IsMatch(text);
    }

    [GeneratedRegex(@"^(预算单位|部门|单位|编制单位|填报单位|部门名称|单位名称)[：:]")]
    private static partial Regex CaptionLine();

    /// <summary>A cell of the 栏次 row that only numbers a column: not part of any header.</summary>
    private static bool IsColumnNumberLabel(string text)
    {
        var t = text.Replace(" ", "");
        return t is "栏次" or "栏号" or "甲" or "乙" or "丙" or "丁" || SmallNumber().IsMatch(t);
    }

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex SmallNumber();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex ItemOrdinal();

    [GeneratedRegex(@"^[-(（]?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+|\d{3,})[)）]?$")]
    private static partial Regex DataLike();
}
