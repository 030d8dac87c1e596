using Extractor.Batch;

namespace Extractor.Tests.Batch;

public sealed class InputManifestTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-manifest-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Folders_are_searched_recursively_and_text_manifests_list_paths_and_URLs_relative_to_themselves()
    {
        var folder = Path.Combine(_work, "reports");
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        File.WriteAllText(Path.Combine(folder, "b", "z.PDF"), "");
        File.WriteAllText(Path.Combine(folder, "a.pdf"), "");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "");
        var manifest = Path.Combine(_work, "list.txt");
        File.WriteAllText(manifest, "# district reports\n\nreports/a.pdf\n  https://example.org/x.pdf?id=3  \n/abs/y.pdf\nreports\n");

        var list = InputExpander.Expand([folder, manifest]);

        // Each file once, where first listed: the manifest's reports/a.pdf and the folder listed again are the files
        // the folder gave first.
        Assert.Equal(
            [Path.Combine(folder, "a.pdf"), Path.Combine(folder, "b", "z.PDF"), "https://example.org/x.pdf?id=3", "/abs/y.pdf"],
            list.Items.Select(i => i.Source));
        Assert.Empty(list.ExtraColumns);
        Assert.True(list.Items[2].IsUrl);
    }

    [Fact]
    public void A_csv_manifests_extra_columns_are_carried_into_documents_csv_as_trailing_columns()
    {
        var seed = BatchFixtures.SeedCalc;
        var manifest = Path.Combine(_work, "harvest.csv");
        File.WriteAllText(manifest,
            "region,source,year,status\n" +
            $"武汉市江汉区,{seed},2024,published\n" +
            $"\"Beijing, 东城\",{Path.Combine(_work, "gone.pdf")},2023,\n");

        var list = InputExpander.Expand([manifest]);
        Assert.Equal(["region", "year", "status"], list.ExtraColumns);
        Assert.Equal("Beijing, 东城", list.Items[1].Fields["region"]);

        var output = Path.Combine(_work, "out");
        new BatchRunner(DocumentExtractor.Default).Run(list, new BatchOptions { OutputDirectory = output });
        var lines = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal("doc_id,source,status,error_code,message,pages,tables_found,checks_failed,checks_warned,elapsed_ms,identity_share,reading_confidence,statements_found,statements_resolved,statements_checked,entity_key,entity_kind,region,year,manifest_status", lines[0]);
        var rows = BatchFixtures.ReadCsv(Path.Combine(output, "documents.csv"));
        Assert.Equal(("武汉市江汉区", "2024", "published", "ok"), (rows[0]["region"], rows[0]["year"], rows[0]["manifest_status"], rows[0]["status"]));
        Assert.Equal(("Beijing, 东城", "2023", "", ErrorCodes.NotFound), (rows[1]["region"], rows[1]["year"], rows[1]["manifest_status"], rows[1]["error_code"]));
    }

    [Fact]
    public void A_csv_manifest_without_a_source_column_is_refused()
    {
        var manifest = Path.Combine(_work, "bad.csv");
        File.WriteAllText(manifest, "url,year\nhttp://x/a.pdf,2024\n");

        var error = Assert.Throws<InputManifestException>(() => InputExpander.Expand([manifest]));
        Assert.Contains("no 'source' column", error.Message);
    }
}
