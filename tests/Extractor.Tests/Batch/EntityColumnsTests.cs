using Extractor.Batch;
using Extractor.Linking;

namespace Extractor.Tests.Batch;

/// <summary>documents.csv's entity_key and entity_kind: the last columns, kept by a resumed run and by a merge.</summary>
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
    public void Merging_shards_with_different_manifest_columns_keeps_the_entity_columns_last()
    {
        var a = Path.Combine(_work, "a");
        var b = Path.Combine(_work, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        const string Base = "doc_id,source,status,error_code,message,pages,tables_found,checks_failed,checks_warned,elapsed_ms";
        File.WriteAllLines(Path.Combine(a, "documents.csv"), [Base + ",region,entity_key,entity_kind", "x-1,x.pdf,ok,,,1,1,0,0,0,东城,东城区财政局,部门决算"]);
        File.WriteAllLines(Path.Combine(b, "documents.csv"), [Base + ",year,entity_key,entity_kind", "y-2,y.pdf,ok,,,1,1,0,0,0,2024,西城区财政局,单位预算"]);
        BatchMerger.Merge([a, b], Path.Combine(_work, "merged"));
        var lines = File.ReadAllLines(Path.Combine(_work, "merged", "documents.csv"));
        Assert.Equal([Base + ",region,year,entity_key,entity_kind", "x-1,x.pdf,ok,,,1,1,0,0,0,东城,,东城区财政局,部门决算", "y-2,y.pdf,ok,,,1,1,0,0,0,,2024,西城区财政局,单位预算"], lines);
    }
}
