using Extractor.Batch;
using Extractor.Codes;
using static Extractor.Cli.CommandLine;

namespace Extractor.Cli;

/// <summary>
/// <c>extractor worker [--catalog FILE]...</c>, not for people: a batch's worker process (<see cref="WorkerHost"/>), which
/// converts the documents the batch sends on its standard input and replies on its standard output.
/// </summary>
internal static class WorkerCommandRunner
{
    public static int Run(string[] args, TextWriter stderr)
    {
        var catalogs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--catalog" && i + 1 < args.Length) catalogs.Add(args[++i]);
            else return Fail(stderr, $"unknown option '{args[i]}' for worker.");
        }
        if (!CodesCommand.TryLoadCatalog(catalogs, stderr, out var catalog)) return UsageError;
        // The replies are the only thing on standard output: anything else written there goes to standard error.
        var replies = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        Console.SetOut(Console.Error);
        using var requests = new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false));
        WorkerHost.Serve(DocumentExtractor.Default.WithRepairer(new CodeRepairer(catalog)), requests, replies);
        return Success;
    }
}
