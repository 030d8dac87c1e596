using System.Text.Json.Nodes;
using Extractor.Batch;
using Extractor.Cli;

namespace Extractor.Tests.Batch;

/// <summary>
/// Paths only of the extractor's own making: what merge and resume read from disk names a folder only when it is a
/// doc_id the extractor makes, directly inside the output folder; and the same file listed twice is converted once.
/// </summary>
public sealed class PathSafetyTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-paths-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>A shard folder whose documents.csv has one line with <paramref name="docId"/>, and a folder of that name.</summary>
    private string ForgedShard(string name, string docId)
    {
        var shard = Path.Combine(_work, name);
        Directory.CreateDirectory(shard);
        File.WriteAllText(Path.Combine(shard, "documents.csv"),
            "doc_id,source,status,error_code,message,pages,tables_found,checks_failed,checks_warned,elapsed_ms\n" + $"{docId},a.pdf,ok,,,1,1,0,0,0\n");
        return shard;
    }

    /// <summary>The output folder a user already keeps a file in.</summary>
    private string UserFolder()
    {
        var output = Path.Combine(_work, "harvest");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        return output;
    }

    [Theory]
    [InlineData("../shard0/payload")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("/tmp/extractor-forged")]
    [InlineData("=x-12345678")]
    public void Merge_refuses_a_doc_id_the_extractor_does_not_make_and_writes_nothing(string docId)
    {
        var shard = ForgedShard("forged", docId);
        Directory.CreateDirectory(Path.Combine(shard, "payload"));
        File.WriteAllText(Path.Combine(shard, "payload", "note.txt"), "copied by a merge that follows a forged doc_id");
        var output = UserFolder();
        var before = BatchFixtures.Tree(_work);

        var refused = Assert.Throws<InvalidOperationException>(() => BatchMerger.Merge([shard], output));

        Assert.Contains(Path.Combine(shard, "documents.csv"), refused.Message);
        Assert.Contains("line 2", refused.Message);
        Assert.Equal(before, BatchFixtures.Tree(_work));
        Assert.False(Directory.Exists(Path.Combine(_work, "shard0")));
        Assert.False(Directory.Exists("/tmp/extractor-forged"));
    }

    [Fact]
    public void The_merge_command_names_the_forged_file_and_exits_2()
    {
        var forged = Path.Combine(_work, "forged-shard");
        CopyFolder(HostileFiles.Get("forged-shard"), forged);
        var output = UserFolder();
        var stderr = new StringWriter();

        var exit = CommandLine.Run(["merge", forged, "--out", output], new StringWriter(), stderr);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains(Path.Combine(forged, "documents.csv"), stderr.ToString());
        Assert.Contains("../shard0/payload", stderr.ToString());
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(_work, "shard0")));
    }

    [Fact]
    public void A_ledger_entry_naming_another_folder_is_not_trusted_and_the_input_is_converted_again()
    {
        var input = BatchFixtures.GoodCopies(Path.Combine(_work, "in"), 1);
        var output = Path.Combine(_work, "out");
        var options = new BatchOptions { OutputDirectory = output, MaxParallelism = 1, Reproducible = true };
        var first = new BatchRunner(DocumentExtractor.Default).Run(input, options)[0];
        var entry = Directory.GetFiles(Path.Combine(output, ".extractor", "ledger"), "*.json").Single();
        // A folder outside the output that the forged entry points at: a resumed run must not take it for the document.
        Directory.CreateDirectory(Path.Combine(_work, "elsewhere-" + first.DocId[^8..]));
        var json = JsonNode.Parse(File.ReadAllText(entry))!;
        json["doc_id"] = "../elsewhere-" + first.DocId[^8..];
        File.WriteAllText(entry, json.ToJsonString());

        var second = new BatchRunner(DocumentExtractor.Default).Run(input, options)[0];

        Assert.False(second.Resumed);
        Assert.Equal(first.DocId, second.DocId);
        Assert.Equal("ok", second.Status);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_work, "elsewhere-" + first.DocId[^8..])));
    }

    [Fact]
    public void The_same_file_listed_twice_is_converted_once_and_reported_in_the_same_way_with_any_number_of_jobs()
    {
        var a = BatchFixtures.GoodCopies(Path.Combine(_work, "a"), 2);
        var copy = Path.Combine(_work, "b", Path.GetFileName(a[0]));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(a[0], copy);
        // The same path twice (once written another way), and a copy with the same name and content elsewhere.
        var sameAgain = Path.Combine(_work, "a", ".", Path.GetFileName(a[0]));
        IReadOnlyList<string> inputs = [a[0], copy, a[1], sameAgain, a[0]];

        var one = new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = Path.Combine(_work, "one"), MaxParallelism = 1, Reproducible = true });
        var two = new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = Path.Combine(_work, "two"), MaxParallelism = 2, Reproducible = true });

        Assert.Equal([a[0], copy, a[1]], one.Select(o => o.Source));
        Assert.Equal(one[0].DocId, one[1].DocId);
        Assert.Equal("ok", one[1].Status);
        Assert.Contains($"same file (name and content) as {a[0]}", one[1].Message);
        Assert.Equal(BatchFixtures.Tree(Path.Combine(_work, "one")), BatchFixtures.Tree(Path.Combine(_work, "two")));
        // One folder for the two, and the batch facts hold its facts once.
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(_work, "one")).Count(d => !Path.GetFileName(d).StartsWith('.')));
        Assert.Equal(2 * 177, BatchFixtures.ReadCsv(Path.Combine(_work, "one", "facts.csv")).Count);

        // Without --reproducible, the copy took no time of its own: it was not converted.
        var timed = new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = Path.Combine(_work, "timed"), MaxParallelism = 2 });
        Assert.True(timed[0].ElapsedMs > 0);
        Assert.Equal(0, timed[1].ElapsedMs);
        // Run again: both are done, and skipped.
        Assert.All(new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions { OutputDirectory = Path.Combine(_work, "one"), MaxParallelism = 2, Reproducible = true }),
            o => Assert.True(o.Resumed));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
