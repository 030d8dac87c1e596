using System.Globalization;
using System.Text;
using System.Xml;
using Extractor.Checks;
using Extractor.Recognition;
using Extractor.Rows;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

using Extractor.Arithmetic;

namespace Extractor.Output.Xlsx;

/// <summary>
/// Writes one document as an Excel workbook (<c>--format xlsx</c>): a sheet per recognised table laid out as printed —
/// its title and unit, its header rows with the merged cells merged, its body rows from every page it runs over — then a
/// <c>facts</c> sheet (facts.csv) and a <c>checks</c> sheet (failed checks first). Codes, 行次 and names are text, so
/// 2070808 keeps its digits and 05 its zero; amounts are numbers shown with the decimals they were printed with.
/// Written with SpreadCheetah, which streams each sheet's rows straight into the file.
/// </summary>
public static class WorkbookWriter
{
    public const string FactsSheet = "facts";
    public const string ChecksSheet = "checks";

    public static readonly IReadOnlyList<string> ChecksHeader = ["status", "id", "tables", "expected", "actual", "difference", "tolerance", "pages", "message", "quote"];

    public static string FileName(DocumentResult document) => document.DocId + ".xlsx";

    public static void Write(Stream stream, DocumentResult document) => WriteAsync(stream, document).GetAwaiter().GetResult();

    private static async Task WriteAsync(Stream stream, DocumentResult document)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions
        {
            // Some readers (ADO, Spreadsheet Compare) want every cell's reference; it costs little.
            WriteCellReferenceAttributes = true,
            PreserveStringWhitespace = true,
        }).ConfigureAwait(false);
        var styles = WorkbookStyles.Register(spreadsheet);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { FactsSheet, ChecksSheet };
        foreach (var table in document.Tables)
        {
            await WriteSheetAsync(spreadsheet, SheetName(names, table.Id), TableSheet(table), styles).ConfigureAwait(false);
        }
        await WriteSheetAsync(spreadsheet, FactsSheet, FactsSheetOf(document), styles).ConfigureAwait(false);
        await WriteSheetAsync(spreadsheet, ChecksSheet, ChecksSheetOf(document), styles).ConfigureAwait(false);
        await spreadsheet.FinishAsync().ConfigureAwait(false);
    }

    /// <summary>A table as printed: title, label and unit, the first page's header rows, then the body rows of every page.</summary>
    internal static SheetModel TableSheet(ExtractedTable table)
    {
        var source = table.Source;
        var sheet = new SheetModel();
        sheet.AddRow([SheetCell.Text(source.Title.Length > 0 ? source.Title : table.Id, WorkbookStyles.Title)]);
        var caption = string.Join("    ", new[] { source.Label, source.Unit.Length > 0 ? "单位：" + source.Unit : "" }.Where(t => t.Length > 0));
        sheet.AddRow([SheetCell.Text(caption, WorkbookStyles.Default)]);

        var roles = source.Columns.GroupBy(c => c.Index).ToDictionary(g => g.Key, g => g.First().Role);
        for (var p = 0; p < source.Parts.Count; p++)
        {
            var part = source.Parts[p];
            var grid = part.Grid;
            var first = p == 0 ? 0 : part.BodyStart;
            var top = sheet.Rows.Count - first;
            for (var r = first; r < grid.Rows; r++)
            {
                var header = r < part.BodyStart;
                var cells = new SheetCell?[grid.Columns];
                for (var c = 0; c < grid.Columns; c++)
                {
                    var cell = grid.At(r, c);
                    if (cell is null) continue;
                    if (cell.Row != r || cell.Column != c)
                    {
                        // A position a merged cell covers: bordered like it, empty.
                        cells[c] = SheetCell.Text(string.Empty, header ? WorkbookStyles.Header : WorkbookStyles.Text);
                        continue;
                    }
                    cells[c] = header ? SheetCell.Text(cell.Text, WorkbookStyles.Header)
                        : roles.GetValueOrDefault(c) == ColumnRole.Amount ? AmountCell(cell.Text)
                        : SheetCell.Text(cell.Text, WorkbookStyles.Text);
                    if ((cell.RowSpan > 1 || cell.ColumnSpan > 1) && cell.Row >= first)
                    {
                        var lastRow = Math.Min(cell.LastRow, grid.Rows - 1);
                        var lastColumn = Math.Min(cell.LastColumn, grid.Columns - 1);
                        if (lastRow > r || lastColumn > c) sheet.Merges.Add((top + r, c, top + lastRow, lastColumn));
                    }
                }
                sheet.AddRow(cells);
            }
            if (p == 0) sheet.FrozenRows = sheet.Rows.Count - (grid.Rows - part.BodyStart);
        }
        return sheet;
    }

    /// <summary>An amount cell: a number shown as printed (decimals, thousands separators, %), else the text as printed.</summary>
    internal static SheetCell AmountCell(string printed)
    {
        if (AmountParser.TryParse(printed, out var value, out var percent) != AmountParser.Outcome.Value) return SheetCell.Text(printed, WorkbookStyles.Text);
        var grouped = printed.Contains(',') || printed.Contains('，');
        return percent
            ? SheetCell.Number(value / 100m, WorkbookStyles.Number(value.Scale, grouped, percent: true))
            : SheetCell.Number(value, WorkbookStyles.Number(value.Scale, grouped));
    }

    private static SheetModel FactsSheetOf(DocumentResult document)
    {
        var sheet = new SheetModel { FrozenRows = 1 };
        sheet.AddRow(Fact.Header.Select(h => (SheetCell?)SheetCell.Text(h, WorkbookStyles.Header)).ToArray());
        var value = Fact.Header.ToList().IndexOf("value");
        var page = Fact.Header.ToList().IndexOf("page");
        foreach (var fact in Fact.Of(document))
        {
            var cells = FactsCsvWriter.Cells(fact);
            sheet.AddRow(cells.Select((text, i) =>
                (SheetCell?)(i == value ? SheetCell.Number(fact.Value, WorkbookStyles.Number(fact.Value.Scale))
                    : i == page ? SheetCell.Number(fact.Page, WorkbookStyles.Number(0))
                    : SheetCell.Text(text, WorkbookStyles.Text))).ToArray());
        }
        return sheet;
    }

    private static SheetModel ChecksSheetOf(DocumentResult document)
    {
        var sheet = new SheetModel { FrozenRows = 1 };
        sheet.AddRow(ChecksHeader.Select(h => (SheetCell?)SheetCell.Text(h, WorkbookStyles.Header)).ToArray());
        foreach (var check in document.Checks.OrderBy(c => StatusOrder(c.Status)))
        {
            sheet.AddRow(
            [
                SheetCell.Text(check.Status, WorkbookStyles.Text), SheetCell.Text(check.Id, WorkbookStyles.Text),
                SheetCell.Text(string.Join(",", check.Tables), WorkbookStyles.Text),
                Optional(check.Expected), Optional(check.Actual), Optional(check.Difference), Optional(check.Tolerance),
                SheetCell.Text(string.Join(",", check.Pages.Select(p => p.ToString(CultureInfo.InvariantCulture))), WorkbookStyles.Text),
                SheetCell.Text(check.Message, WorkbookStyles.Text), SheetCell.Text(check.Quote ?? string.Empty, WorkbookStyles.Text),
            ]);
        }
        return sheet;
    }

    /// <summary>Failures first, then warnings, checks that could not run, and passes (the order of report.md).</summary>
    internal static int StatusOrder(string status) => status switch
    {
        CheckStatus.Fail => 0,
        CheckStatus.Warn => 1,
        CheckStatus.Skipped => 2,
        _ => 3,
    };

    private static SheetCell Optional(decimal? value) =>
        value is { } v ? SheetCell.Number(v, WorkbookStyles.Number(v.Scale)) : SheetCell.Text(string.Empty, WorkbookStyles.Text);

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, unique in the workbook.</summary>
    internal static string SheetName(HashSet<string> taken, string wanted)
    {
        var clean = new string(wanted.Select(ch => ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : ch).ToArray()).Trim('\'');
        if (clean.Length == 0) clean = "table";
        if (clean.Length > 31) clean = clean[..31];
        var name = clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }

    private static async Task WriteSheetAsync(Spreadsheet spreadsheet, string name, SheetModel sheet, StyleId[] styles)
    {
        var options = new WorksheetOptions();
        if (sheet.FrozenRows > 0 && sheet.FrozenRows < sheet.Rows.Count) options.FrozenRows = sheet.FrozenRows;
        var widths = sheet.ColumnWidths();
        for (var c = 0; c < widths.Count; c++) options.Column(c + 1).Width = widths[c];
        await spreadsheet.StartWorksheetAsync(name, options).ConfigureAwait(false);

        var empty = new Cell((string?)null, styles[WorkbookStyles.Default]);
        foreach (var cells in sheet.Rows)
        {
            var row = new Cell[cells.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                row[c] = cells[c] is not { } cell ? empty
                    : cell.IsNumber ? new Cell(cell.Value, styles[cell.Style])
                    : new Cell(XmlSafe(cell.Content), styles[cell.Style]);
            }
            await spreadsheet.AddRowAsync(row).ConfigureAwait(false);
        }
        foreach (var (top, left, bottom, right) in sheet.Merges)
        {
            spreadsheet.MergeCells(string.Create(CultureInfo.InvariantCulture, $"{ColumnName(left)}{top + 1}:{ColumnName(right)}{bottom + 1}"));
        }
    }

    /// <summary>The letters of a 0-based column: A … Z, AA ….</summary>
    internal static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>
    /// Text an XML file can hold and a cell can take: characters XML forbids (control characters some text layers
    /// carry) dropped, at most Excel's 32,767 characters.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        var clean = text;
        if (text.Any(ch => !XmlConvert.IsXmlChar(ch)))
        {
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
                else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text[i]).Append(text[++i]);
            }
            clean = sb.ToString();
        }
        return clean.Length > 32767 ? clean[..32767] : clean;
    }
}

/// <summary>One cell of a sheet: a text or a number, and its style.</summary>
internal readonly record struct SheetCell(bool IsNumber, string Content, decimal Value, int Style)
{
    public static SheetCell Text(string text, int style) => new(false, text, 0, style);

    public static SheetCell Number(decimal value, int style) => new(true, string.Empty, value, style);
}

/// <summary>A sheet before it is written: its rows (a null cell is an empty position), merged ranges and frozen header rows.</summary>
internal sealed class SheetModel
{
    public List<SheetCell?[]> Rows { get; } = [];

    /// <summary>Merged ranges as 0-based (top row, left column, bottom row, right column).</summary>
    public List<(int Top, int Left, int Bottom, int Right)> Merges { get; } = [];

    public int FrozenRows { get; set; }

    public void AddRow(SheetCell?[] cells) => Rows.Add(cells);

    /// <summary>Column widths in characters from the longest text or number in each (CJK characters count two), within 6 to 60.</summary>
    public IReadOnlyList<double> ColumnWidths()
    {
        var widths = new List<double>();
        foreach (var (row, r) in Rows.Select((row, r) => (row, r)))
        {
            // The title and caption rows span the sheet: they do not set the first column's width.
            if (r < 2 && row.Length == 1) continue;
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is not { } cell) continue;
                while (widths.Count <= c) widths.Add(6);
                var text = cell.IsNumber ? cell.Value.ToString("N", CultureInfo.InvariantCulture) : cell.Content;
                var width = text.Split('\n').Max(line => line.Sum(ch => ch > 0x2E7F ? 2.0 : 1.0)) + 2;
                if (cell.Style == WorkbookStyles.Header) width = Math.Min(width, 24);
                widths[c] = Math.Min(60, Math.Max(widths[c], width));
            }
        }
        return widths;
    }
}
