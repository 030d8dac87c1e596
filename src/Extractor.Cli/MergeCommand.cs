using Extractor.Batch;
using Extractor.Output.Package;
using static Extractor.Cli.CommandLine;

namespace Extractor.Cli;

/// <summary><c>extractor merge OUT... --out DIR</c>: one output folder from the folders of a sharded harvest.</summary>
internal static class MergeCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var shards = new List<string>();
        string? output = null;
        var package = PackageMetadata.None;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" or "-o":
                    if (++i >= args.Length) return Fail(stderr, "--out needs a folder.");
                    output = args[i];
                    break;
                case "--package-title" or "--package-license" or "--package-meta":
                    if (TryPackageOption(args, ref i, ref package, stderr) is { } failed) return failed;
                    break;
                default:
                    if (args[i].StartsWith('-') && args[i].Length > 1) return Fail(stderr, $"unknown option '{args[i]}' for merge.");
                    shards.Add(args[i]);
                    break;
            }
        }
        if (shards.Count == 0 || output is null) return Fail(stderr, "merge needs the shards' output folders and --out DIR.");
        try
        {
            var result = BatchMerger.Merge(shards, output, package);
            stderr.WriteLine($"Merged {result.Shards} output folders: {result.Documents} inputs"
                + (result.InInputOrder ? ", in input order" : ", shard after shard (a folder had no record of the input order)")
                + $". Output in {Path.GetFullPath(output)}");
            return Success;
        }
        catch (InvalidOperationException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"extractor: the merge failed: {e.Message}");
            return SomeInputsFailed;
        }
    }
}
