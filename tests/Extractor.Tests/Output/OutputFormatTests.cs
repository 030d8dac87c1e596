using System.Text.Json;
using Extractor.Output;
using Extractor.Rows;

namespace Extractor.Tests.Output;

/// <summary>The written files follow docs/output-format.md: column order, exact decimals, CSV quoting, JSON shape.</summary>
public sealed class OutputFormatTests
{
    private static readonly Lazy<DocumentResult> Seed = new(() =>
    {
        var path = Path.Combine(TestPaths.Fixtures, "seed-calc", "seed-calc.pdf");
        return DocumentExtractor.Default.Extract(File.ReadAllBytes(path), path);
    });

    [Fact]
    public void Facts_csv_has_the_contract_columns_in_order_and_values_as_printed()
    {
        var writer = new StringWriter();
        FactsCsvWriter.Write(writer, Fact.Of(Seed.Value));
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("doc_id,department,year,kind,table,section,line_no,code,code_level,name,column,value,unit,page,code_printed,name_printed,code_repair", lines[0]);
        Assert.Contains(lines, l => l.Contains(",GK03,,,2070808,项,广播电视事务,项目支出,72.00,万元,4,2070808,广播电视事务,none", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",GK02,,,2070808,项,广播电视事务,本年收入合计,466.39,万元,3,207080,广播电视事务,document", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",GK06,公用经费,,,,公用经费合计,决算数,44.50,万元,", StringComparison.Ordinal));
    }

    [Fact]
    public void Fields_with_commas_or_quotes_are_quoted()
    {
        var writer = new StringWriter();
        var fact = new Fact("d", "某局,本级", "2024", "final", "GK03", "", "", "", "", "名称\"甲\"", "金额", 1.50m, "万元", 1, "", "名称\"甲\"", "");
        FactsCsvWriter.Write(writer, [fact], header: false);
        Assert.Equal("d,\"某局,本级\",2024,final,GK03,,,,,\"名称\"\"甲\"\"\",金额,1.50,万元,1,,\"名称\"\"甲\"\"\",\n", writer.ToString());
    }

    [Fact]
    public void Document_json_keeps_decimals_exact_and_lists_every_table()
    {
        using var stream = new MemoryStream();
        DocumentJsonWriter.Write(stream, Seed.Value);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"项目支出\": 72.00", text);
        Assert.Contains("武汉市江汉区融媒体中心", text);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(Seed.Value.DocId, root.GetProperty("doc_id").GetString());
        Assert.Equal(64, root.GetProperty("source").GetProperty("sha256").GetString()!.Length);
        Assert.Equal("final", root.GetProperty("metadata").GetProperty("kind").GetString());
        var tables = root.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()).ToList();
        Assert.Equal(["GK01", "GK02", "GK03", "GK04", "GK05", "GK06", "GK07", "GK08", "GK09"], tables.Order());
        var gk09 = root.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "GK09");
        Assert.Equal("公开09表", gk09.GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("checks").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("repairs").ValueKind);
    }

    [Fact]
    public void Table_csv_is_wide_with_the_canonical_columns()
    {
        var writer = new StringWriter();
        TableCsvWriter.Write(writer, Seed.Value.Tables.Single(t => t.Id == "GK05"));
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,line_no,code,code_level,name,code_printed,name_printed,code_repair,page,小计,基本支出,项目支出", lines[0]);
        Assert.Equal(",,,,合计,,合计,,6,652.66,580.65,72.00", lines[1]);
        Assert.Equal(1 + 19, lines.Length); // header, 合计 and the 18 coded rows of the seed
    }

    [Fact]
    public void Doc_id_is_the_safe_file_name_and_the_hash_prefix()
    {
        Assert.Equal("2024年 某局 决算-abcdef12".Replace(' ', '_'), DocumentExtractor.DocId("/x/2024年 某局 决算.pdf", "abcdef1234" + new string('0', 54)));
        Assert.Equal("a_b-00000000", DocumentExtractor.DocId("a:b.pdf", new string('0', 64)));
    }

    [Fact]
    public void An_atomic_write_that_fails_leaves_the_old_file_and_no_temporary()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-atomic-").FullName;
        try
        {
            var path = Path.Combine(dir, "facts.csv");
            File.WriteAllText(path, "old");
            Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
            {
                w.Write("half");
                w.Flush();
                throw new InvalidOperationException("crash");
            }));
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal(["facts.csv"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
