using System.Globalization;
using Extractor.Output;
using Extractor.Output.Package;
using Extractor.Output.Parquet;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Publishing;

/// <summary>
/// Every real disclosure of ../shared/corpus/real converted to CSV and Parquet in one batch: DuckDB reads as many facts
/// from facts.parquet as facts.csv has lines, a query over it gives the sums facts.csv gives, and the Frictionless
/// validator accepts the folder's package.
/// </summary>
public sealed class PublishedCorpusTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("extractor-published-corpus-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Parquet_holds_every_fact_of_the_corpus_and_the_gk09_totals_per_document_equal_those_of_facts_csv()
    {
        Assert.True(Directory.Exists(TestPaths.Corpus), $"the real corpus must be beside the repository: {TestPaths.Corpus}");
        PublishingFixtures.Convert(Directory.GetFiles(TestPaths.Corpus, "*.pdf").Order(StringComparer.Ordinal).ToList(), _output, OutputFormat.Csv | OutputFormat.Parquet, PackageMetadata.None);
        var csv = BatchFixtures.ReadCsv(Path.Combine(_output, "facts.csv"));
        var parquet = PublishingFixtures.Sql(Path.Combine(_output, ParquetFiles.Facts));
        using var duck = PublishingFixtures.DuckDb();

        Assert.Equal((long)csv.Count, (long)duck.Query($"SELECT count(*) FROM read_parquet({parquet})")[0][0]!);

        // 决算数 合计 of the “三公” table (GK09), per document: summed as decimals from facts.csv, and by DuckDB.
        var expected = csv.Where(r => r["table"] == "GK09" && r["section"] == "决算数" && r["column"] == "合计")
            .GroupBy(r => r["doc_id"])
            .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r["value"], CultureInfo.InvariantCulture)));
        var actual = duck.Query($"""
            SELECT doc_id, sum(value) FROM read_parquet({parquet})
            WHERE "table" = 'GK09' AND section = '决算数' AND "column" = '合计' GROUP BY doc_id
            """).ToDictionary(r => (string)r[0]!, r => (decimal)r[1]!);
        // Not an empty comparison: several final accounts of the corpus print a “三公” table.
        Assert.True(expected.Count >= 3, $"{expected.Count} documents with a GK09 total");
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));

        var package = PublishingFixtures.Validate(Path.Combine(_output, DataPackageWriter.FileName));
        Assert.True(package.Valid, string.Join("\n", package.Errors));
        Assert.Equal(csv.Count, package.Rows["facts"]);
    }
}
