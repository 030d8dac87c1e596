using Extractor;
using Extractor.Batch;
using Extractor.Codes;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Tables;

namespace Extractor.Cli;

/// <summary>The <c>extractor</c> command: a thin shell over <see cref="BatchRunner"/>.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;

    private const string Usage = """
        extractor — Chinese budget-disclosure PDFs (部门决算/预算公开) to data

        Usage:
          extractor [INPUT...] [--out DIR] [--format csv|json|both] [--timeout SECONDS]
          extractor grids FILE [PAGE]     print the table grids found on a file's pages
          extractor codes QUERY... [--catalog FILE]
                                          look up codes (by code or its beginning) or names
                                          (by any part) in the classification catalogs

        INPUT is a PDF file or a folder (searched recursively for *.pdf). With no INPUT the
        bundled fixtures/ are converted into output/.

        Options:
          --out DIR          output folder (default: output/)
          --format FORMAT    csv, json or both (default: both)
          --timeout SECONDS  give up on a document after this long (default: 300)
          --catalog FILE     add a classification catalog (CSV with columns code,name) to
                             the evidence for repairing codes; may be repeated
          --no-batch-codes   do not use codes printed by other documents of the batch
          -h, --help         this text

        Exit codes: 0 every input converted (some may be 'partial', see documents.csv);
                    1 at least one input failed; 2 the command line is wrong.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0 && args[0] == "grids") return GridsCommand.Run(args.Skip(1).ToArray(), stdout, stderr);
        if (args.Length > 0 && args[0] == "codes") return CodesCommand.Run(args.Skip(1).ToArray(), stdout, stderr);

        var inputs = new List<string>();
        string? outDir = null;
        var format = OutputFormat.Both;
        var timeout = TimeSpan.FromSeconds(300);
        var catalogs = new List<string>();
        var batchCodes = true;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return Success;
                case "--out" or "-o":
                    if (++i >= args.Length) return Fail(stderr, "--out needs a folder.");
                    outDir = args[i];
                    break;
                case "--format":
                    if (++i >= args.Length) return Fail(stderr, "--format needs csv, json or both.");
                    switch (args[i])
                    {
                        case "csv": format = OutputFormat.Csv; break;
                        case "json": format = OutputFormat.Json; break;
                        case "both": format = OutputFormat.Both; break;
                        default: return Fail(stderr, $"--format must be csv, json or both, not '{args[i]}'.");
                    }
                    break;
                case "--timeout":
                    if (++i >= args.Length || !double.TryParse(args[i], System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        return Fail(stderr, "--timeout needs a positive number of seconds.");
                    }
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--catalog":
                    if (++i >= args.Length) return Fail(stderr, "--catalog needs a CSV file.");
                    catalogs.Add(args[i]);
                    break;
                case "--no-batch-codes":
                    batchCodes = false;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) return Fail(stderr, $"unknown option '{arg}'.");
                    inputs.Add(arg);
                    break;
            }
        }

        if (!CodesCommand.TryLoadCatalog(catalogs, stderr, out var catalog)) return UsageError;
        var root = RepositoryRoot();
        if (inputs.Count == 0)
        {
            var fixtures = Path.Combine(root, "fixtures");
            if (!Directory.Exists(fixtures)) return Fail(stderr, "no INPUT given and no fixtures/ folder found.");
            inputs.Add(fixtures);
        }
        outDir ??= Path.Combine(root, "output");

        var files = InputExpander.Expand(inputs);
        if (files.Count == 0) return Fail(stderr, "the inputs hold no PDF files.");

        var runner = new BatchRunner(DocumentExtractor.Default.WithRepairer(new CodeRepairer(catalog)));
        var progress = new SynchronousProgress<BatchProgress>(p =>
        {
            var o = p.Last;
            var detail = o.Failed ? $"{o.ErrorCode}: {o.Message}" : $"{o.Status}, {o.TablesFound} tables, {o.Pages} pages";
            stderr.WriteLine($"[{p.Done}/{p.Total}] {o.Source}: {detail} ({o.ElapsedMs} ms)");
        });
        var outcomes = runner.Run(files, new BatchOptions { OutputDirectory = outDir, Format = format, PerDocumentTimeout = timeout, BatchCodeEvidence = batchCodes }, progress);
        var failed = outcomes.Count(o => o.Failed);
        var partial = outcomes.Count(o => o.Status == "partial");
        stderr.WriteLine($"{outcomes.Count} inputs: {outcomes.Count - failed - partial} ok, {partial} partial, {failed} failed. Output in {Path.GetFullPath(outDir)}");
        return failed > 0 ? SomeInputsFailed : Success;
    }

    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"extractor: {message}");
        stderr.WriteLine("Run 'extractor --help' for usage.");
        return UsageError;
    }

    /// <summary>The folder holding Extractor.sln above the current folder, else the current folder.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
