using System.Text.Json.Nodes;
using Extractor.Batch;
using Extractor.Output;
using Extractor.Output.Package;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Publishing;

/// <summary>
/// datapackage.json read back by the Frictionless validator (datapackage-js, the Frictionless Data project's JavaScript
/// implementation, in tests/validators): the descriptor against the Data Package and Tabular Data Package profiles,
/// every row against its Table Schema, every foreign key; and broken packages it must reject.
/// </summary>
public sealed class DataPackageTests(PublishedBatch batch) : IClassFixture<PublishedBatch>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-package-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_batch_package_is_valid_and_describes_every_line_of_documents_csv_and_facts_csv()
    {
        var result = PublishingFixtures.Validate(Path.Combine(batch.Output, DataPackageWriter.FileName));

        Assert.True(result.Valid, string.Join("\n", result.Errors));
        Assert.Equal(File.ReadAllLines(Path.Combine(batch.Output, "documents.csv")).Length - 1, result.Rows["documents"]);
        Assert.Equal(File.ReadAllLines(Path.Combine(batch.Output, "facts.csv")).Length - 1, result.Rows["facts"]);
    }

    [Fact]
    public void Each_document_package_is_valid_and_describes_its_facts_and_every_table_csv()
    {
        foreach (var input in batch.Inputs)
        {
            var folder = batch.Folder(input);
            var result = PublishingFixtures.Validate(Path.Combine(folder, DataPackageWriter.FileName));

            Assert.True(result.Valid, folder + ": " + string.Join("\n", result.Errors));
            var tables = Directory.GetFiles(Path.Combine(folder, "tables"), "*.csv");
            Assert.Equal(tables.Length + 1, result.Rows.Count);
            Assert.Equal(File.ReadAllLines(Path.Combine(folder, "facts.csv")).Length - 1, result.Rows["facts"]);
            foreach (var table in tables)
            {
                Assert.Equal(File.ReadAllLines(table).Length - 1, result.Rows[DataPackageWriter.Slug(Path.GetFileNameWithoutExtension(table))]);
            }
        }
    }

    [Fact]
    public void The_descriptor_types_value_as_a_number_and_keys_facts_to_documents()
    {
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(batch.Output, DataPackageWriter.FileName)))!;
        var resources = descriptor["resources"]!.AsArray();
        var facts = resources.Single(r => (string?)r!["name"] == "facts")!;
        var documents = resources.Single(r => (string?)r!["name"] == "documents")!;
        var fields = facts["schema"]!["fields"]!.AsArray();

        Assert.Equal("tabular-data-package", (string?)descriptor["profile"]);
        Assert.Equal(Extractor.Rows.Fact.Header, fields.Select(f => (string?)f!["name"]));
        Assert.Equal("number", (string?)fields.Single(f => (string?)f!["name"] == "value")!["type"]);
        Assert.Equal("integer", (string?)fields.Single(f => (string?)f!["name"] == "page")!["type"]);
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace((string?)f!["description"])));
        var key = facts["schema"]!["foreignKeys"]![0]!;
        Assert.Equal("doc_id", (string?)key["fields"]![0]);
        Assert.Equal("documents", (string?)key["reference"]!["resource"]);
        Assert.Equal("source", (string?)documents["schema"]!["primaryKey"]![0]);
        // No licence or sources unless the publisher gives them.
        Assert.Null(descriptor["licenses"]);
        Assert.Null(descriptor["sources"]);
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        // An amount that is not a number.
        { "facts.csv", "value", "not type \"number\"" },
        // A fact of a document documents.csv does not list.
        { "facts.csv", "doc_id", "Foreign key" },
        // A second line for the same input.
        { "documents.csv", "duplicate", "unique constraint violation in column \"source\"" },
        // A field type the Table Schema does not have.
        { "datapackage.json", "type", "descriptor" },
        // A resource without a path or data.
        { "datapackage.json", "path", "descriptor" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_package_is_rejected(string file, string breakage, string expected)
    {
        var copy = Path.Combine(_work, "copy");
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { "datapackage.json", "documents.csv", "facts.csv" }) File.Copy(Path.Combine(batch.Output, name), Path.Combine(copy, name));
        var path = Path.Combine(copy, file);
        var lines = File.ReadAllLines(path).ToList();
        switch (breakage)
        {
            case "value":
                // The value column is the 12th; the seed's lines hold no quoted field before it.
                var cells = lines[1].Split(',');
                cells[11] = "12.3.4";
                lines[1] = string.Join(",", cells);
                break;
            case "doc_id":
                lines[1] = "nowhere-00000000" + lines[1][lines[1].IndexOf(',')..];
                break;
            case "duplicate":
                lines.Add(lines[1]);
                break;
            case "type":
                lines = [File.ReadAllText(path).Replace("\"type\": \"number\"", "\"type\": \"decimal\"")];
                break;
            case "path":
                lines = [File.ReadAllText(path).Replace("\"path\": \"facts.csv\",", "")];
                break;
        }
        File.WriteAllLines(path, lines);

        var result = PublishingFixtures.Validate(Path.Combine(copy, DataPackageWriter.FileName));

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_publisher_gives_title_licence_and_sources_and_a_rerun_and_a_merge_keep_them()
    {
        var meta = Path.Combine(_work, "meta.json");
        File.WriteAllText(meta, """
            { "description": "Final accounts of 江汉区", "sources": [{ "title": "江汉区人民政府", "path": "https://www.jianghan.gov.cn/" }],
              "keywords": ["budget", "决算"] }
            """);
        var package = new PackageMetadata { Title = "江汉区 2024 决算 data", License = "CC-BY-4.0", Properties = PackageMetadata.ReadProperties(meta) };
        var output = Path.Combine(_work, "out");
        PublishingFixtures.Convert([BatchFixtures.SeedCalc], output, OutputFormat.Csv, package);

        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(output, DataPackageWriter.FileName)))!;
        Assert.Equal("江汉区 2024 决算 data", (string?)descriptor["title"]);
        Assert.Equal("2024-data", (string?)descriptor["name"]);
        Assert.Equal("CC-BY-4.0", (string?)descriptor["licenses"]![0]!["name"]);
        Assert.Equal("https://www.jianghan.gov.cn/", (string?)descriptor["sources"]![0]!["path"]);
        Assert.Equal("决算", (string?)descriptor["keywords"]![1]);
        Assert.True(PublishingFixtures.Validate(Path.Combine(output, DataPackageWriter.FileName)).Valid);

        // The same command without the options (a resumed run) keeps them; so does a merge of the folder.
        PublishingFixtures.Convert([BatchFixtures.SeedCalc], output, OutputFormat.Csv, PackageMetadata.None);
        var merged = Path.Combine(_work, "merged");
        BatchMerger.Merge([output], merged);
        foreach (var folder in new[] { output, merged })
        {
            var again = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, DataPackageWriter.FileName)))!;
            Assert.Equal("江汉区 2024 决算 data", (string?)again["title"]);
            Assert.Equal("CC-BY-4.0", (string?)again["licenses"]![0]!["name"]);
            Assert.Equal("Final accounts of 江汉区", (string?)again["description"]);
        }
    }

    [Fact]
    public void A_metadata_file_may_not_set_the_resources()
    {
        var meta = Path.Combine(_work, "meta.json");
        File.WriteAllText(meta, """{ "title": "x", "resources": [] }""");

        var e = Assert.Throws<InvalidDataException>(() => PackageMetadata.ReadProperties(meta));
        Assert.Contains("resources", e.Message);
    }

    [Fact]
    public void Manifest_columns_are_described_as_strings_of_documents_csv()
    {
        var manifest = Path.Combine(_work, "list.csv");
        File.WriteAllText(manifest, $"source,region,status\n{BatchFixtures.SeedCalc},江汉区,published\n");
        var output = Path.Combine(_work, "out");
        new BatchRunner(DocumentExtractor.Default).Run(InputExpander.Expand([manifest]),
            new BatchOptions { OutputDirectory = output, Format = OutputFormat.Csv, Reproducible = true });

        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(output, DataPackageWriter.FileName)))!;
        var fields = descriptor["resources"]![0]!["schema"]!["fields"]!.AsArray();
        Assert.Equal([.. BatchFiles.OwnColumns, "region", "manifest_status"], fields.Select(f => (string?)f!["name"]));
        Assert.Equal("string", (string?)fields[^1]!["type"]);
        Assert.Contains("manifest_status", (string?)fields[^1]!["description"]);
        Assert.True(PublishingFixtures.Validate(Path.Combine(output, DataPackageWriter.FileName)).Valid);
    }

    [Fact]
    public void With_a_byte_order_mark_every_csv_starts_with_one_and_holds_the_same_bytes_after_it()
    {
        var plain = Path.Combine(_work, "plain");
        var bom = Path.Combine(_work, "bom");
        PublishingFixtures.Convert([BatchFixtures.SeedCalc], plain, OutputFormat.Csv, PackageMetadata.None);
        PublishingFixtures.Convert([BatchFixtures.SeedCalc], bom, OutputFormat.Csv, PackageMetadata.None, csvBom: true);

        var csvs = Directory.GetFiles(plain, "*.csv", SearchOption.AllDirectories).Where(f => !f.Contains("/.extractor/")).ToList();
        Assert.True(csvs.Count > 10);
        foreach (var file in csvs)
        {
            var withBom = File.ReadAllBytes(Path.Combine(bom, Path.GetRelativePath(plain, file)));
            Assert.Equal([0xEF, 0xBB, 0xBF], withBom[..3]);
            // One mark, at the start: the batch facts.csv copied from the documents' files does not repeat theirs.
            Assert.Equal(File.ReadAllBytes(file), withBom[3..]);
        }
        Assert.False(BatchFiles.HasByteOrderMark(Path.Combine(plain, "facts.csv")));
    }
}
