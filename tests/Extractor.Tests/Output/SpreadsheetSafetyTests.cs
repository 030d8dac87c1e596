using Extractor.Batch;
using Extractor.Output;
using Extractor.Rows;

namespace Extractor.Tests.Output;

/// <summary>
/// CSV files safe to open in a spreadsheet: a doc_id never starts with a formula character, and with --excel-safe a text
/// cell that would run as a formula gets a leading ' — an amount never.
/// </summary>
public sealed class SpreadsheetSafetyTests
{
    private static Fact Fact(string department, string name, decimal value) =>
        new("doc-12345678", department, "2024", "final", "GK03", "", "", "2070808", "项", name, "项目支出", value, "万元", 4, "207080", name, "none");

    private static List<string[]> Lines(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

    [Theory]
    [InlineData("=cmd|' -c calc'!A0.pdf", "cmd_'_-c_calc'!A0")]
    [InlineData("+1.pdf", "1")]
    [InlineData("-2024年决算.pdf", "2024年决算")]
    [InlineData("@sum.pdf", "sum")]
    [InlineData("_=+-@.pdf", "document")]
    [InlineData("a\u0001b\tc.pdf", "a_b_c")]
    [InlineData("预算-2024.pdf", "预算-2024")]
    public void A_doc_id_never_starts_with_a_formula_character(string file, string name)
    {
        var docId = DocumentExtractor.DocId("/in/" + file, "abcdef12" + new string('0', 56));

        Assert.Equal(name + "-abcdef12", docId);
        Assert.True(DocumentFolder.IsDocId(docId));
    }

    [Fact]
    public void Without_excel_safe_text_is_written_as_it_is()
    {
        var writer = new StringWriter();
        FactsCsvWriter.Write(writer, [Fact("=HYPERLINK(\"x\")", "+项目", -5.00m)], header: false);

        Assert.Equal("doc-12345678,\"=HYPERLINK(\"\"x\"\")\",2024,final,GK03,,,2070808,项,+项目,项目支出,-5.00,万元,4,207080,+项目,none\n", writer.ToString());
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+项目", "'+项目")]
    [InlineData("-其他", "'-其他")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-5.00", "-5.00")]
    [InlineData("+1,234.5", "+1,234.5")]
    [InlineData("一般公共服务支出", "一般公共服务支出")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Excel_safe_prefixes_formula_like_text_and_leaves_numbers_and_other_text(string text, string written)
    {
        Assert.Equal(written, CsvFormat.Text(text, excelSafe: true));
        Assert.Equal(text, CsvFormat.Text(text, excelSafe: false));
    }

    [Fact]
    public void Excel_safe_facts_prefix_department_and_names_but_never_the_value()
    {
        var writer = new StringWriter();
        FactsCsvWriter.Write(writer, [Fact("@某局", "-其他支出", -72.50m)], excelSafe: true);
        var lines = Lines(writer.ToString());

        Assert.Equal(string.Join(",", global::Extractor.Rows.Fact.Header), string.Join(",", lines[0]));
        var row = lines[1];
        Assert.Equal("'@某局", row[1]);
        Assert.Equal("'-其他支出", row[9]);
        Assert.Equal("-72.50", row[11]);
        Assert.Equal("'-其他支出", row[15]);
    }

    [Fact]
    public void Excel_safe_documents_csv_prefixes_sources_and_manifest_columns()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("extractor-excel-").FullName, "documents.csv");
        try
        {
            var input = new BatchInput("=evil.pdf") { Fields = new Dictionary<string, string> { ["region"] = "+86 上海" } };
            var outcome = new DocumentOutcome("evil-12345678", "=evil.pdf", "partial", "", "No standard table was recognised.", 1, 0, 0, 0, 12);
            BatchFiles.WriteDocuments(path, [outcome], [input], ["region"], excelSafe: true);
            var rows = Lines(File.ReadAllText(path));

            var header = rows[0].ToList();
            Assert.Equal(["evil-12345678", "'=evil.pdf", "partial", "", "No standard table was recognised.", "1", "0", "0", "0", "12"], rows[1].Take(10));
            Assert.Equal("'+86 上海", rows[1][header.IndexOf("region")]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
