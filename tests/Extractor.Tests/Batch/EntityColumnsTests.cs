using Extractor.Batch;
using Extractor.Linking;

namespace Extractor.Tests.Batch;

/// <summary>documents.csv's entity_key and entity_kind: the last of the tool's own columns, kept by a resumed run and by a merge.</summary>
public sealed class EntityColumnsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("entity-columns-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_resumed_run_writes_the_entity_columns_from_its_ledger_with_the_mapping_of_this_run()
    {
        var output = Path.Combine(_work, "out");
        var runner = new BatchRunner(DocumentExtractor.Default);
        runner.Run([BatchFixtures.SeedCalc], new BatchOptions { OutputDirectory = output });
        var first = BatchFixtures.ReadCsv(Path.Combine(output, "documents.csv")).Single();
        Assert.Equal(("江汉区融媒体中心", "部门决算"), (first["entity_key"], first["entity_kind"]));

        // Skipped (done by the first run), but keyed with the mapping given now.
        var map = EntityMap.Read(new StringReader("name,key,department,kind\n武汉市江汉区融媒体中心,江汉融媒,江汉区委宣传部,单位\n"));
        var outcomes = runner.Run([BatchFixtures.SeedCalc], new BatchOptions { OutputDirectory = output, Entities = map });
        Assert.True(outcomes.Single().Resumed);
        var second = BatchFixtures.ReadCsv(Path.Combine(output, "documents.csv")).Single();
        Assert.Equal(("江汉融媒", "单位决算"), (second["entity_key"], second["entity_kind"]));
    }

    [Fact]
    public void Merging_shards_with_different_manifest_columns_keeps_the_tools_columns_first_and_the_manifests_after()
    {
        var a = Path.Combine(_work, "a");
        var b = Path.Combine(_work, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        var own = string.Join(",", BatchFiles.OwnColumns);
        // Shard rows: the tool's columns (doc_id … entity_kind, empty where this test does not care), then the manifest's.
        string Row(string docId, string source, string key, string kind, string extra)
        {
            var fields = Enumerable.Repeat(string.Empty, BatchFiles.OwnColumns.Count).ToArray();
            fields[0] = docId;
            fields[1] = source;
            fields[2] = "ok";
            fields[^2] = key;
            fields[^1] = kind;
            return string.Join(",", fields) + "," + extra;
        }
        File.WriteAllLines(Path.Combine(a, "documents.csv"), [own + ",region", Row("x-0000000a", "x.pdf", "东城区财政局", "部门决算", "东城")]);
        File.WriteAllLines(Path.Combine(b, "documents.csv"), [own + ",year", Row("y-0000000b", "y.pdf", "西城区财政局", "单位预算", "2024")]);
        BatchMerger.Merge([a, b], Path.Combine(_work, "merged"));
        var merged = BatchFixtures.ReadCsv(Path.Combine(_work, "merged", "documents.csv"));
        var header = File.ReadLines(Path.Combine(_work, "merged", "documents.csv")).First();
        Assert.Equal(own + ",region,year", header);
        Assert.Equal([("x-0000000a", "东城区财政局", "部门决算", "东城", ""), ("y-0000000b", "西城区财政局", "单位预算", "", "2024")],
            merged.Select(r => (r["doc_id"], r["entity_key"], r["entity_kind"], r["region"], r["year"])));
    }
}
