using System.Reflection;
using System.Text.RegularExpressions;
using Extractor.Batch;
using Extractor.Codes;
using Extractor.Output;

namespace Extractor.Tests.Publishing;

/// <summary>
/// fields.json is the one description of the CSV files' fields: it must name the columns the writers write, in their
/// order, and docs/output-format.md must say what it says (the contract's facts.csv table, and the field tables of the
/// publishing section, word for word).
/// </summary>
public sealed partial class FieldCatalogTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "output-format.md"));

    [Fact]
    public void The_catalog_names_the_columns_the_writers_write_in_their_order()
    {
        Assert.Equal(Extractor.Rows.Fact.Header, FieldCatalog.Facts.Fields.Select(f => f.Name));
        Assert.Equal(BatchFiles.OwnColumns, FieldCatalog.Documents.Fields.Select(f => f.Name));
        var seed = DocumentExtractor.Default.Extract(File.ReadAllBytes(Batch.BatchFixtures.SeedCalc), Batch.BatchFixtures.SeedCalc);
        var template = seed.TemplateTables.First();
        Assert.Equal(TableCsvWriter.Header(template).Take(FieldCatalog.TableRows.Fields.Count), FieldCatalog.TableRows.Fields.Select(f => f.Name));
    }

    [Fact]
    public void The_contract_facts_table_and_the_catalog_agree()
    {
        var contract = TableAfter("## facts.csv (long format)").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(contract.Keys, FieldCatalog.Facts.Fields.Select(f => $"`{f.Name}`"));
        // These four point elsewhere in the page ("as above", "(below)") or list fewer values than the code has
        // (code_repair `batch`); the catalog says it in full, and the publishing section below repeats the catalog.
        string[] fuller = ["doc_id", "table", "column", "code_repair"];
        foreach (var field in FieldCatalog.Facts.Fields.Where(f => !fuller.Contains(f.Name)))
        {
            Assert.Equal(contract[$"`{field.Name}`"], field.Description);
        }
    }

    [Fact]
    public void The_publishing_section_lists_every_field_with_the_catalogs_type_and_description()
    {
        var rows = TableAfter("### Fields of the CSV files").ToList();
        // The wide table CSVs have no Parquet twin.
        var expected = new[] { ("facts.csv", FieldCatalog.Facts, true), ("documents.csv", FieldCatalog.Documents, true), ("tables/*.csv", FieldCatalog.TableRows, false), ("tables/T*.csv", FieldCatalog.Grid, false) }
            .SelectMany(file => file.Item2.Fields.Append(file.Item2.Open).OfType<FieldSpec>().Select(f => new[]
            {
                file.Item1, f.Name == "{0}" ? "*other*" : $"`{f.Name}`", f.Type, file.Item3 ? ParquetType(f) : "—", f.Description.Replace("{0}", "…"),
            }))
            .ToList();
        Assert.Equal(expected.Select(r => string.Join(" | ", r)), rows.Select(r => string.Join(" | ", r)));
    }

    [Fact]
    public void Every_code_repair_and_error_code_the_code_has_is_in_the_catalog()
    {
        var repairs = FieldCatalog.Facts.Fields.Single(f => f.Name == "code_repair").Constraints!["enum"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(Constants(typeof(CodeEvidence)).Order(), repairs.Order());
        var errorCode = FieldCatalog.Documents.Fields.Single(f => f.Name == "error_code").Description;
        Assert.All(Constants(typeof(ErrorCodes)), code => Assert.Contains($"`{code}`", errorCode));
    }

    private static string ParquetType(FieldSpec field) => field.Type switch
    {
        "string" => "string (dictionary)",
        "integer" => "int64",
        "year" => "int32",
        "number" => "decimal(38,10)",
        _ => "?",
    };

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>The cells of the first Markdown table after a heading (header and rule lines left out).</summary>
    private static IEnumerable<string[]> TableAfter(string heading)
    {
        var start = Docs.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/output-format.md has no '{heading}'");
        var lines = Docs[start..].Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        return lines.Select(l => Cells().Split(l.Trim().Trim('|')).Select(c => c.Trim()).ToArray());
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Cells();
}
