using System.Globalization;
using Extractor.Batch;
using Extractor.Output;
using Extractor.Output.Package;
using Extractor.Output.Parquet;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Publishing;

/// <summary>
/// The Parquet files read back by DuckDB (its own C++ Parquet reader, through DuckDB.NET), never by the library that
/// wrote them: every fact equal to its facts.csv line, amounts equal as decimals, the columns' types, dictionary
/// encoding, row groups, and shard files read as one dataset.
/// </summary>
public sealed class ParquetTests(PublishedBatch batch) : IClassFixture<PublishedBatch>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-parquet-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Every_fact_of_facts_parquet_equals_its_facts_csv_line_with_the_value_equal_as_a_decimal()
    {
        AssertSameFacts(Path.Combine(batch.Output, "facts.csv"), Path.Combine(batch.Output, ParquetFiles.Facts));
        foreach (var input in batch.Inputs)
        {
            AssertSameFacts(Path.Combine(batch.Folder(input), "facts.csv"), Path.Combine(batch.Folder(input), ParquetFiles.Facts));
        }
    }

    [Fact]
    public void Amounts_are_decimals_strings_are_dictionary_encoded_and_counts_are_integers()
    {
        using var duck = PublishingFixtures.DuckDb();
        var facts = PublishingFixtures.Sql(Path.Combine(batch.Output, ParquetFiles.Facts));
        var types = duck.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({facts}))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

        Assert.Equal(Extractor.Rows.Fact.Header, types.Keys);
        Assert.Equal("DECIMAL(38,10)", types["value"]);
        Assert.Equal("BIGINT", types["page"]);
        Assert.Equal("INTEGER", types["year"]);
        Assert.All(FieldCatalog.Facts.Fields.Where(f => f.Type == "string"), f => Assert.Equal("VARCHAR", types[f.Name]));

        var encodings = duck.Query($"SELECT path_in_schema, encodings FROM parquet_metadata({facts})");
        var strings = FieldCatalog.Facts.Fields.Where(f => f.Type == "string").Select(f => f.Name).ToHashSet();
        var stringChunks = encodings.Where(r => strings.Contains((string)r[0]!)).ToList();
        Assert.NotEmpty(stringChunks);
        Assert.All(stringChunks, r => Assert.Contains("DICTIONARY", (string)r[1]!));

        var documents = PublishingFixtures.Sql(Path.Combine(batch.Output, ParquetFiles.Documents));
        var documentTypes = duck.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({documents}))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal(BatchFiles.OwnColumns, documentTypes.Keys);
        Assert.Equal("BIGINT", documentTypes["pages"]);
        Assert.Equal("VARCHAR", documentTypes["status"]);
        var rows = duck.Query($"SELECT doc_id, pages, tables_found FROM read_parquet({documents}, file_row_number=true) ORDER BY file_row_number");
        var csv = BatchFixtures.ReadCsv(Path.Combine(batch.Output, "documents.csv"));
        Assert.Equal(csv.Select(r => (r["doc_id"], long.Parse(r["pages"], CultureInfo.InvariantCulture), long.Parse(r["tables_found"], CultureInfo.InvariantCulture))),
            rows.Select(r => ((string)r[0]!, (long)r[1]!, (long)r[2]!)));
    }

    [Fact]
    public void The_batch_file_is_written_in_row_groups_of_the_limit()
    {
        var path = Path.Combine(_work, "facts.parquet");
        var rows = ParquetFiles.WriteBatchFacts(path, batch.Outcomes.Select(o => (batch.Output, o.DocId)), rowGroupRows: 200);

        using var duck = PublishingFixtures.DuckDb();
        var groups = duck.Query($"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata({PublishingFixtures.Sql(path)}) ORDER BY row_group_id")
            .Select(r => (long)r[1]!).ToList();
        Assert.True(groups.Count > 3, $"{groups.Count} row groups");
        Assert.All(groups.SkipLast(1), g => Assert.Equal(200, g));
        Assert.InRange(groups[^1], 1, 200);
        Assert.Equal(rows, groups.Sum());
        AssertSameFacts(Path.Combine(batch.Output, "facts.csv"), path);
    }

    [Fact]
    public void A_value_with_more_decimal_places_than_the_column_holds_is_refused_not_rounded()
    {
        using var stream = new MemoryStream();
        using var writer = new ParquetTableWriter(stream, FieldCatalog.Facts.Fields);
        var cells = Enumerable.Repeat("x", Extractor.Rows.Fact.Header.Count).ToArray();
        cells[Extractor.Rows.Fact.Header.ToList().IndexOf("year")] = "2024";
        cells[Extractor.Rows.Fact.Header.ToList().IndexOf("page")] = "3";
        cells[Extractor.Rows.Fact.Header.ToList().IndexOf("value")] = "1.12345678901";

        var e = Assert.Throws<InvalidDataException>(() => writer.AddRow(cells));
        Assert.Contains("more than 10 decimal places", e.Message);
        Assert.Equal(0, writer.Rows);
    }

    [Fact]
    public void Shard_files_are_one_dataset_to_duckdb_and_merge_concatenates_them_into_the_unsharded_file()
    {
        var inputs = BatchFixtures.GoodCopies(Path.Combine(_work, "in"), 4).Append(PublishedBatch.Yantai).ToList();
        var whole = Path.Combine(_work, "whole");
        PublishingFixtures.Convert(inputs, whole, OutputFormat.Csv | OutputFormat.Parquet, PackageMetadata.None);
        var shards = Enumerable.Range(0, 2).Select(i => Path.Combine(_work, $"shard-{i}")).ToList();
        for (var i = 0; i < 2; i++) PublishingFixtures.Convert(inputs, shards[i], OutputFormat.Csv | OutputFormat.Parquet, PackageMetadata.None, shard: new ShardSpec(i, 2));
        var merged = Path.Combine(_work, "merged");
        BatchMerger.Merge(shards, merged);

        using var duck = PublishingFixtures.DuckDb();
        var files = string.Join(",", shards.Select(s => PublishingFixtures.Sql(Path.Combine(s, ParquetFiles.Facts))));
        // One schema: read together without union_by_name, the shards hold every fact of the unsharded run.
        var together = duck.Query($"SELECT count(*), sum(value) FROM read_parquet([{files}])")[0];
        var all = duck.Query($"SELECT count(*), sum(value) FROM read_parquet({PublishingFixtures.Sql(Path.Combine(whole, ParquetFiles.Facts))})")[0];
        Assert.Equal(all, together);
        Assert.True((long)all[0]! > 500);
        AssertSameFacts(Path.Combine(whole, "facts.csv"), Path.Combine(merged, ParquetFiles.Facts));
        Assert.True(File.Exists(Path.Combine(merged, ParquetFiles.Documents)));
    }

    /// <summary>facts.parquet read by DuckDB in file order, line for line against facts.csv: every column, the value as a decimal.</summary>
    internal static void AssertSameFacts(string csvPath, string parquetPath)
    {
        var csv = BatchFixtures.ReadCsv(csvPath);
        using var duck = PublishingFixtures.DuckDb();
        var columns = string.Join(", ", Extractor.Rows.Fact.Header.Select(h => $"\"{h}\""));
        var rows = duck.Query($"SELECT {columns} FROM read_parquet({PublishingFixtures.Sql(parquetPath)}, file_row_number=true) ORDER BY file_row_number");

        Assert.Equal(csv.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            for (var c = 0; c < Extractor.Rows.Fact.Header.Count; c++)
            {
                var name = Extractor.Rows.Fact.Header[c];
                var expected = csv[i][name];
                var actual = rows[i][c];
                if (name == "value")
                {
                    Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Assert.IsType<decimal>(actual));
                }
                else
                {
                    Assert.True(expected == (actual is null ? "" : System.Convert.ToString(actual, CultureInfo.InvariantCulture)),
                        $"{parquetPath} row {i + 1} {name}: '{actual}', facts.csv '{expected}'");
                }
            }
        }
    }
}
