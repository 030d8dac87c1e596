using Extractor.Linking;
using static Extractor.Cli.CommandLine;

namespace Extractor.Cli;

/// <summary>
/// <c>extractor link OUT... [--out DIR] [--entities FILE]</c>: links the documents of output folders (budget and final of
/// a year, a year and the next, a department and its units) and checks them against each other.
/// </summary>
internal static class LinkCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var roots = new List<string>();
        string? output = null;
        string? entities = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" or "-o":
                    if (++i >= args.Length) return Fail(stderr, "--out needs a folder.");
                    output = args[i];
                    break;
                case "--entities":
                    if (++i >= args.Length) return Fail(stderr, "--entities needs a CSV file (columns name,key; optional department,kind).");
                    entities = args[i];
                    break;
                default:
                    if (args[i].StartsWith('-') && args[i].Length > 1) return Fail(stderr, $"unknown option '{args[i]}' for link.");
                    roots.Add(args[i]);
                    break;
            }
        }
        if (roots.Count == 0) return Fail(stderr, "link needs one or more output folders (the --out folders of finished runs).");
        if (output is null && roots.Count > 1) return Fail(stderr, "link over several folders needs --out DIR for its files.");
        output ??= roots[0];
        try
        {
            var map = entities is null ? null : EntityMap.Read(entities);
            var summary = Linker.Run(roots, output, map);
            stderr.WriteLine($"Linked {summary.Documents} documents: {summary.Links} links, {summary.NearMisses} near misses; "
                + $"{summary.ExecutionRows} execution lines, {summary.SeriesRows} series lines; {summary.Checks.Count} checks, {summary.Failed} failed. "
                + $"Output in {Path.GetFullPath(output)} ({LinkWriter.LinksFile}, {LinkWriter.ExecutionFile}, {LinkWriter.SeriesFile}, {LinkWriter.ChecksFile}, {LinkWriter.ReportFile})");
            return summary.Failed > 0 ? ChecksFailed : Success;
        }
        catch (EntityMapException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            stderr.WriteLine($"extractor: linking failed: {e.Message}");
            return SomeInputsFailed;
        }
    }
}
