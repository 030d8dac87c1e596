using System.Globalization;
using Extractor.Rows;

namespace Extractor.Output;

/// <summary>
/// Writes one wide CSV per table: a template table has one line per row with its canonical
/// columns; a generic table is its grid as printed (a spanning cell's text in its first position).
/// </summary>
public static class TableCsvWriter
{
    private static readonly string[] RowFields = ["section", "line_no", "code", "code_level", "name", "code_printed", "name_printed", "code_repair", "page"];

    /// <summary>The CSV's header line: the row fields and canonical columns of a template table, <c>page,c1…cN</c> for a grid.</summary>
    public static IReadOnlyList<string> Header(ExtractedTable table) =>
        table.Source.Template is null
            ? ["page", .. Enumerable.Range(1, GridWidth(table)).Select(i => $"c{i}")]
            : [.. RowFields, .. table.ColumnNames];

    private static int GridWidth(ExtractedTable table) => table.Source.Parts.Max(p => p.Grid.Columns);

    /// <param name="excelSafe">Text cells a spreadsheet would run as a formula get a leading <c>'</c> (<see cref="CsvFormat.Text"/>); amounts never.</param>
    public static void Write(TextWriter writer, ExtractedTable table, bool excelSafe = false)
    {
        string T(string text) => CsvFormat.Text(text, excelSafe);
        using var csv = CsvFormat.Open(writer);
        if (table.Source.Template is null)
        {
            WriteGrid(csv, table, excelSafe);
        }
        else
        {
            var columns = table.ColumnNames;
            CsvFormat.WriteRow(csv, RowFields.Concat(columns.Select(T)));
            foreach (var row in table.Rows)
            {
                var values = columns.Select(c => row.Values.FirstOrDefault(v => v.Column == c) is { } v ? CsvFormat.Amount(v.Value) : string.Empty);
                CsvFormat.WriteRow(csv, new[]
                {
                    T(row.Section), T(row.LineNo), T(row.Code), T(row.CodeLevel), T(row.Name), T(row.CodePrinted), T(row.NamePrinted),
                    T(row.CodeRepair), row.Page.ToString(CultureInfo.InvariantCulture),
                }.Concat(values));
            }
        }
        csv.Flush();
    }

    private static void WriteGrid(CsvHelper.CsvWriter csv, ExtractedTable table, bool excelSafe)
    {
        var width = GridWidth(table);
        CsvFormat.WriteRow(csv, Header(table));
        foreach (var part in table.Source.Parts)
        {
            var grid = part.Grid;
            for (var r = 0; r < grid.Rows; r++)
            {
                var fields = new List<string> { grid.Page.ToString(CultureInfo.InvariantCulture) };
                for (var c = 0; c < width; c++)
                {
                    var cell = c < grid.Columns ? grid.At(r, c) : null;
                    fields.Add(cell is not null && cell.Row == r && cell.Column == c ? CsvFormat.Text(cell.Text, excelSafe) : string.Empty);
                }
                CsvFormat.WriteRow(csv, fields);
            }
        }
    }
}
