using Extractor.Batch;

namespace Extractor.Tests.Batch;

public sealed class ShardMergeTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extractor-shard-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Shards_split_the_inputs_disjointly_completely_and_stably()
    {
        var sources = Enumerable.Range(0, 1000).Select(i => $"https://gov.example/reports/{i}.pdf").ToList();
        var shards = Enumerable.Range(0, 4).Select(i => sources.Where(new ShardSpec(i, 4).Includes).ToList()).ToList();

        Assert.Equal(sources.Order(), shards.SelectMany(s => s).Order());
        Assert.All(shards, s => Assert.InRange(s.Count, 200, 300));
        // Stable: the same source lands in the same shard whatever the list it is in.
        Assert.Equal(shards[2], sources.AsEnumerable().Reverse().Where(new ShardSpec(2, 4).Includes).Reverse());
        Assert.Contains(sources[0], shards[ShardSpec.Bucket(sources[0], 4)]);
    }

    [Theory]
    [InlineData("0/2", true)]
    [InlineData("1/2", true)]
    [InlineData("2/2", false)]
    [InlineData("1/0", false)]
    [InlineData("-1/2", false)]
    [InlineData("1", false)]
    public void A_shard_is_written_i_slash_n_with_i_from_0(string text, bool valid) =>
        Assert.Equal(valid, ShardSpec.TryParse(text, out _));

    [Fact]
    public void Merged_shard_outputs_equal_the_output_of_one_unsharded_run()
    {
        // Good copies until every one of the 3 shards has one (the paths, and so their hashes, vary from run to run).
        Directory.CreateDirectory(Path.Combine(_work, "in"));
        var copies = new List<string>();
        for (var i = 0; copies.Count < 5 || Enumerable.Range(0, 3).Any(s => !copies.Any(c => ShardSpec.Bucket(c, 3) == s)); i++)
        {
            copies.Add(Path.Combine(_work, "in", $"doc{i:00}.pdf"));
            File.Copy(i % 2 == 0 ? BatchFixtures.SeedCalc : BatchFixtures.SeedHtml, copies[^1]);
        }
        var bad = Path.Combine(_work, "in", "bad.pdf");
        File.WriteAllText(bad, "nope");
        var manifest = Path.Combine(_work, "list.csv");
        File.WriteAllLines(manifest, ["source,region", .. copies.Append(bad).Select((c, i) => $"{c},district {i}")]);
        var inputs = InputExpander.Expand([manifest]);
        BatchOptions Options(string output, ShardSpec shard) => new() { OutputDirectory = output, Shard = shard, Reproducible = true, MaxParallelism = 2 };

        var whole = Path.Combine(_work, "whole");
        new BatchRunner(DocumentExtractor.Default).Run(inputs, Options(whole, ShardSpec.All));
        var shards = Enumerable.Range(0, 3).Select(i => Path.Combine(_work, $"shard{i}")).ToList();
        var counts = shards.Select((s, i) => new BatchRunner(DocumentExtractor.Default).Run(inputs, Options(s, new ShardSpec(i, 3))).Count).ToList();
        Assert.Equal(copies.Count + 1, counts.Sum());
        Assert.All(counts, c => Assert.True(c > 0));

        var merged = Path.Combine(_work, "merged");
        var result = BatchMerger.Merge(shards, merged);

        Assert.True(result.InInputOrder);
        Assert.Equal(copies.Count + 1, result.Documents);
        Assert.Equal(BatchFixtures.Output(whole), BatchFixtures.Output(merged));

        // The merged folder carries the shards' ledgers: the unsharded run into it finds everything done.
        var rerun = new BatchRunner(DocumentExtractor.Default).Run(inputs, Options(merged, ShardSpec.All));
        Assert.Equal(copies.Count, rerun.Count(o => o.Resumed));
    }
}
