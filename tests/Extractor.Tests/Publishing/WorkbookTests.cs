using System.Globalization;
using System.Text.Json;
using ExcelDataReader;
using Extractor.Output.Xlsx;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Publishing;

/// <summary>
/// The workbook read back by ExcelDataReader (its own reader of the xlsx XML, not SpreadCheetah that wrote it):
/// a sheet per table in document order plus facts and checks; codes still text, amounts still exact numbers shown with
/// their printed decimals; merged header cells merged; failed checks first.
/// </summary>
public sealed class WorkbookTests(PublishedBatch batch) : IClassFixture<PublishedBatch>
{
    static WorkbookTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private sealed record Sheet(string Name, List<object?[]> Rows, List<Type?[]> Types, List<string?[]> Formats, List<CellRange> Merges);

    private static List<Sheet> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<Sheet>();
        do
        {
            var sheet = new Sheet(reader.Name, [], [], [], [.. reader.MergeCells ?? []]);
            while (reader.Read())
            {
                sheet.Rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
                sheet.Types.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) is null ? null : reader.GetFieldType(i)).ToArray());
                sheet.Formats.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetNumberFormatString).ToArray());
            }
            sheets.Add(sheet);
        }
        while (reader.NextResult());
        return sheets;
    }

    private string Workbook(string input) => Directory.GetFiles(batch.Folder(input), "*.xlsx").Single();

    private List<string> TableIds(string input)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(batch.Folder(input), "document.json")));
        return json.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()!).ToList();
    }

    [Fact]
    public void A_sheet_per_table_in_document_order_then_facts_and_checks()
    {
        foreach (var input in batch.Inputs)
        {
            Assert.Equal([.. TableIds(input), WorkbookWriter.FactsSheet, WorkbookWriter.ChecksSheet], Read(Workbook(input)).Select(s => s.Name));
        }
    }

    [Fact]
    public void The_facts_sheet_holds_facts_csv_with_codes_as_text_and_amounts_exact_with_their_printed_decimals()
    {
        foreach (var input in batch.Inputs)
        {
            var csv = BatchFixtures.ReadCsv(Path.Combine(batch.Folder(input), "facts.csv"));
            var sheet = Read(Workbook(input)).Single(s => s.Name == WorkbookWriter.FactsSheet);
            var header = sheet.Rows[0].Select(v => (string)v!).ToList();
            Assert.Equal(Extractor.Rows.Fact.Header, header);
            Assert.Equal(csv.Count, sheet.Rows.Count - 1);
            for (var i = 0; i < csv.Count; i++)
            {
                var row = sheet.Rows[i + 1];
                for (var c = 0; c < header.Count; c++)
                {
                    var expected = csv[i][header[c]];
                    if (header[c] == "value")
                    {
                        // Excel holds a double: it must be the printed decimal's nearest double, shown with its decimals.
                        var printed = decimal.Parse(expected, CultureInfo.InvariantCulture);
                        Assert.Equal(typeof(double), sheet.Types[i + 1][c]);
                        Assert.Equal((double)printed, (double)row[c]!);
                        Assert.Equal(expected, Show((double)row[c]!, sheet.Formats[i + 1][c]!));
                    }
                    else if (header[c] == "page")
                    {
                        Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), (double)row[c]!);
                    }
                    else
                    {
                        // Text, whatever it looks like: 2070808 keeps its digits, 05 its zero.
                        Assert.Equal(expected, row[c] as string ?? "");
                        if (expected.Length > 0) Assert.Equal(typeof(string), sheet.Types[i + 1][c]);
                    }
                }
            }
        }
    }

    [Fact]
    public void A_table_sheet_is_laid_out_as_printed_with_split_codes_as_text_merged_headers_and_amounts_as_numbers()
    {
        // 烟台's 收入总体情况表 (YS02) prints its codes over 类 | 款 | 项 columns under one 科目编码 heading, 款 and 项 with
        // their leading zeros (06 财政事务 under 201), and groups thousands (9,069.47).
        var sheet = Read(Workbook(PublishedBatch.Yantai)).Single(s => s.Name == "YS02");
        string Text(int r, int c) => sheet.Rows[r][c] as string ?? "";

        Assert.Equal("收入总体情况表", Text(0, 0));
        var heading = FindCell(sheet, "科目编码");
        var merge = sheet.Merges.Single(m => m.FromRow == heading.Row && m.FromColumn == heading.Column);
        Assert.Equal((heading.Row, heading.Column + 2), (merge.ToRow, merge.ToColumn));
        Assert.Equal(["类", "款", "项"], Enumerable.Range(heading.Column, 3).Select(c => Text(heading.Row + 1, c)));

        var finance = FindCell(sheet, "财政事务");
        Assert.Equal("06", Text(finance.Row, heading.Column + 1));
        Assert.Equal(typeof(string), sheet.Types[finance.Row][heading.Column + 1]);
        var operation = FindCell(sheet, "行政运行");
        Assert.Equal("01", Text(operation.Row, heading.Column + 2));

        var names = FindCell(sheet, "科目名称").Column;
        var total = FindCell(sheet, "合计", names, heading.Row + 2);
        var amount = names + 1;
        Assert.Equal(9069.47, (double)sheet.Rows[total.Row][amount]!);
        Assert.Equal("#,##0.00", sheet.Formats[total.Row][amount]);
    }

    [Fact]
    public void Seven_digit_codes_stay_text_in_the_seed_tables()
    {
        var sheet = Read(Workbook(BatchFixtures.SeedCalc)).Single(s => s.Name == "GK03");
        // The seed prints a whole code in one cell across its 类 | 款 | 项 columns: merged, as printed.
        var cell = FindCell(sheet, "2070808");
        Assert.Equal(typeof(string), sheet.Types[cell.Row][cell.Column]);
        var merge = sheet.Merges.Single(m => m.FromRow == cell.Row && m.FromColumn == cell.Column);
        Assert.Equal((cell.Row, cell.Column + 2), (merge.ToRow, merge.ToColumn));
        Assert.Equal("广播电视事务", sheet.Rows[cell.Row][cell.Column + 3]);
    }

    [Fact]
    public void The_checks_sheet_lists_every_check_failures_first()
    {
        foreach (var input in batch.Inputs)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(batch.Folder(input), "document.json")));
            var checks = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("status").GetString()!, c.GetProperty("id").GetString()!)).ToList();
            var sheet = Read(Workbook(input)).Single(s => s.Name == WorkbookWriter.ChecksSheet);
            var rows = sheet.Rows.Skip(1).Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

            // Stable: within a status, the checks keep document.json's order.
            Assert.Equal(checks.OrderBy(c => Array.IndexOf(["fail", "warn", "skipped", "pass"], c.Item1)), rows);
            Assert.Equal(checks.Count, rows.Count);
        }
        // The seed's narrative contradicts its “三公” table: that failure leads its sheet.
        var seed = Read(Workbook(BatchFixtures.SeedCalc)).Single(s => s.Name == WorkbookWriter.ChecksSheet);
        Assert.Equal("fail", seed.Rows[1][0]);
    }

    private static (int Row, int Column) FindCell(Sheet sheet, string text, int? column = null, int fromRow = 0)
    {
        for (var r = fromRow; r < sheet.Rows.Count; r++)
        for (var c = 0; c < sheet.Rows[r].Length; c++)
            if (sheet.Rows[r][c] as string == text && (column is null || column == c)) return (r, c);
        throw new Xunit.Sdk.XunitException($"{text} is not in sheet {sheet.Name}");
    }

    /// <summary>A number as Excel shows it with a format of the <c>0.00</c> / <c>#,##0.00</c> kind (grouping left out).</summary>
    private static string Show(double value, string format)
    {
        var point = format.IndexOf('.');
        var decimals = point < 0 ? 0 : format.Length - point - 1;
        return ((decimal)value).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
