using System.Globalization;
using System.Security.Cryptography;
using Extractor;
using Extractor.Batch;
using Extractor.Codes;
using Extractor.Output;
using Extractor.Output.Package;

namespace Extractor.Cli;

/// <summary>The <c>extractor</c> command: a thin shell over <see cref="BatchRunner"/>.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;
    public const int ChecksFailed = 3;
    public const int Interrupted = 130;

    private const string Usage = """
        extractor — Chinese budget-disclosure PDFs (部门决算/预算公开) to data

        Usage:
          extractor [INPUT...] [--out DIR] [--format FORMAT] [--timeout SECONDS] [--max-memory MB]
                    [--jobs N] [--force] [--shard I/N | --shard N] [--entities FILE] [download options]
                    [--csv-bom] [--excel-safe] [--package-title TEXT] [--package-license ID] [--package-meta FILE]
          extractor merge OUT... --out DIR [--package-title TEXT] [--package-license ID] [--package-meta FILE]
                                          merge the output folders of a sharded harvest
          extractor link OUT... [--out DIR] [--entities FILE]
                                          link the documents of output folders (budget and
                                          final, year and year, department and units): links.csv,
                                          execution.csv, series.csv, link-checks.csv, links.md
          extractor join FILE... [--out DIR] [--format F] [--catalog FILE] [--html] [--annotate] [--excel-safe]
                                          convert several files that make one document (a
                                          narrative PDF and a tables PDF published apart) as one
          extractor grids FILE [PAGE]     print the table grids found on a file's pages
          extractor codes QUERY... [--catalog FILE]
                                          look up codes (by code or its beginning) or names
                                          (by any part) in the classification catalogs
          extractor bench [OPTIONS]       pages/s, memory, time per stage vs PdfPig alone

        INPUT is a PDF file, an http(s) URL, a folder (searched recursively for *.pdf), or a
        manifest: a .txt file with one path or URL per line, or a .csv file with a 'source'
        column (its other columns are copied into documents.csv). With no INPUT the bundled
        fixtures/ are converted into output/.

        Options:
          --out DIR          output folder (default: output/)
          --format FORMAT    csv, json, both (csv and json: the default), parquet, xlsx or all,
                             or a comma list such as csv,parquet: csv = facts.csv and
                             tables/*.csv; json = document.json; parquet = facts.parquet
                             and documents.parquet (decimal amounts); xlsx = a workbook per
                             document (its tables as printed, its facts and checks)
          --csv-bom          start every CSV file with a UTF-8 byte order mark, so that
                             Excel opens it as UTF-8 (off by default)
          --package-title TEXT    title of the folder's datapackage.json
          --package-license ID    its licence: an id such as CC-BY-4.0, or a URL
          --package-meta FILE     a JSON file of further Data Package properties
                             (description, sources, contributors, keywords …)
          --html             also write report.html per document (the page drawn with the
                             cells found, checks and repairs marked) and index.html
          --annotate         also write annotated.pdf per document: the source PDF with
                             the cells of failed checks outlined and a note on each
          --timeout SECONDS  stop a document after this long, its writing included, and
                             report it as 'timeout' (default: 300)
          --max-memory MB    stop a document whose conversion needs more memory than this
                             and report it as 'too_large' (default: a quarter of the
                             machine's memory shared among the jobs, 256 to 640 MB)
          --excel-safe       in the CSV files, prefix text cells that a spreadsheet would run
                             as a formula (starting with = + - @) with ' (never 'value')
          --in-process       convert on threads of this process instead of worker processes:
                             no memory limit, and the time limit stops a conversion only
                             between pages (for debugging)
          --catalog FILE     add a classification catalog (CSV with columns code,name) to
                             the evidence for repairing codes; may be repeated
          --no-batch-codes   do not use codes printed by other documents of the batch
          --entities FILE    names to keys for the entity_key/entity_kind columns of
                             documents.csv (CSV: name,key[,department][,kind]); see
                             'extractor link' and docs/linking.md
          --jobs N           documents converted at once (default: the number of cores)
          --force            convert everything again (default: inputs finished by an earlier
                             run into the same folder, with the same content and options, are
                             skipped; failed and interrupted ones are redone)
          --shard I/N        take only share I (0 to N-1) of N of the inputs, chosen by a hash
                             of each input; merge the N output folders with 'extractor merge'
          --shard N          the same, with I from the scheduler: JOB_COMPLETION_INDEX (a
                             Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (a Slurm array)
          --reproducible     write times as 0 (elapsed_ms, timings_ms) so that two runs give
                             byte-identical output
          --progress MODE    live (a line redrawn in place), plain (a line per input) or none
                             (default: live on a terminal, plain otherwise)
          -h, --help         this text

        Download options (for URL inputs):
          --cache DIR              where downloads are kept (default: OUT/.extractor/downloads)
          --downloads N            downloads at once (default: 4)
          --per-host N             downloads at once from one host (default: 2)
          --retries N              retries after a failed attempt (default: 4)
          --retry-delay SECONDS    first retry delay, doubled each time, with jitter (default: 2)
          --request-timeout SECONDS  time limit of one attempt, whole body included
                                   (default: 120)
          --max-size MB            largest file accepted (default: 200)

        Exit codes: 0 every input converted and no consistency check failed (some inputs
                      may be 'partial', see documents.csv);
                    1 at least one input failed; 2 the command line is wrong;
                    3 every input converted, but a consistency check failed in at least one
                      document (see checks_failed in documents.csv and each report.md);
                    130 interrupted (run the same command again to go on).
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0 && args[0] == "grids") return GridsCommand.Run(args.Skip(1).ToArray(), stdout, stderr);
        if (args.Length > 0 && args[0] == "codes") return CodesCommand.Run(args.Skip(1).ToArray(), stdout, stderr);
        if (args.Length > 0 && args[0] == "merge") return MergeCommand.Run(args.Skip(1).ToArray(), stdout, stderr);
        if (args.Length > 0 && args[0] == "bench") return BenchCommand.Run(args.Skip(1).ToArray(), stdout, stderr);
        if (args.Length > 0 && args[0] == "join") return JoinCommand.Run(args.Skip(1).ToArray(), stdout, stderr);
        if (args.Length > 0 && args[0] == "link") return LinkCommand.Run(args.Skip(1).ToArray(), stdout, stderr);
        if (args.Length > 0 && args[0] == WorkerCommandName) return WorkerCommandRunner.Run(args.Skip(1).ToArray(), stderr);
        try
        {
            return RunConversion(args, stdout, stderr);
        }
        finally
        {
            BatchRunner.DiscardEarlyWorker();
        }
    }

    private static int RunConversion(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var inputs = new List<string>();
        string? outDir = null;
        var format = OutputFormat.Both;
        var csvBom = false;
        var package = PackageMetadata.None;
        var timeout = TimeSpan.FromSeconds(300);
        var catalogs = new List<string>();
        var batchCodes = true;
        var jobs = Environment.ProcessorCount;
        var force = false;
        var reproducible = false;
        var html = false;
        var annotate = false;
        var excelSafe = false;
        var inProcess = false;
        long? maxMemory = null;
        var shard = ShardSpec.All;
        string? progressMode = null;
        string? entities = null;
        var download = new DownloadOptions();
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
                    if (++i >= args.Length) return Fail(stderr, $"--format needs {OutputFormats.Names}.");
                    if (!TryFormat(args[i], out format)) return Fail(stderr, $"--format must be {OutputFormats.Names}, not '{args[i]}'.");
                    break;
                case "--csv-bom":
                    csvBom = true;
                    break;
                case "--package-title" or "--package-license" or "--package-meta":
                    if (TryPackageOption(args, ref i, ref package, stderr) is { } failed) return failed;
                    break;
                case "--timeout":
                    if (!TrySeconds(args, ref i, out timeout)) return Fail(stderr, "--timeout needs a positive number of seconds.");
                    break;
                case "--max-memory":
                    if (++i >= args.Length || !double.TryParse(args[i], CultureInfo.InvariantCulture, out var memoryMb) || memoryMb < 64 || double.IsInfinity(memoryMb))
                    {
                        return Fail(stderr, "--max-memory needs a number of megabytes, at least 64.");
                    }
                    maxMemory = (long)(memoryMb * 1024 * 1024);
                    break;
                case "--excel-safe":
                    excelSafe = true;
                    break;
                case "--in-process":
                    inProcess = true;
                    break;
                case "--catalog":
                    if (++i >= args.Length) return Fail(stderr, "--catalog needs a CSV file.");
                    catalogs.Add(args[i]);
                    break;
                case "--entities":
                    if (++i >= args.Length) return Fail(stderr, "--entities needs a CSV file (columns name,key; optional department,kind).");
                    entities = args[i];
                    break;
                case "--no-batch-codes":
                    batchCodes = false;
                    break;
                case "--jobs" or "-j":
                    if (!TryCount(args, ref i, out jobs)) return Fail(stderr, "--jobs needs a whole number of at least 1.");
                    break;
                case "--force":
                    force = true;
                    break;
                case "--reproducible":
                    reproducible = true;
                    break;
                case "--html":
                    html = true;
                    break;
                case "--annotate":
                    annotate = true;
                    break;
                case "--shard":
                    if (++i >= args.Length) return Fail(stderr, "--shard needs I/N with 0 <= I < N (e.g. --shard 0/4), or N to take I from the scheduler.");
                    if (int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var shards))
                    {
                        if (ShardSpec.FromScheduler(shards, Environment.GetEnvironmentVariable, out var error) is not { } scheduled) return Fail(stderr, error);
                        shard = scheduled;
                    }
                    else if (!ShardSpec.TryParse(args[i], out shard))
                    {
                        return Fail(stderr, "--shard needs I/N with 0 <= I < N (e.g. --shard 0/4), or N to take I from the scheduler.");
                    }
                    break;
                case "--progress":
                    if (++i >= args.Length || args[i] is not ("live" or "plain" or "none")) return Fail(stderr, "--progress needs live, plain or none.");
                    progressMode = args[i];
                    break;
                case "--cache":
                    if (++i >= args.Length) return Fail(stderr, "--cache needs a folder.");
                    download = download with { CacheDirectory = args[i] };
                    break;
                case "--downloads":
                    if (!TryCount(args, ref i, out var downloads)) return Fail(stderr, "--downloads needs a whole number of at least 1.");
                    download = download with { MaxConcurrentDownloads = downloads };
                    break;
                case "--per-host":
                    if (!TryCount(args, ref i, out var perHost)) return Fail(stderr, "--per-host needs a whole number of at least 1.");
                    download = download with { MaxPerHost = perHost };
                    break;
                case "--retries":
                    if (++i >= args.Length || !int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var retries)) return Fail(stderr, "--retries needs a whole number of at least 0.");
                    download = download with { MaxRetries = retries };
                    break;
                case "--retry-delay":
                    if (!TrySeconds(args, ref i, out var delay)) return Fail(stderr, "--retry-delay needs a positive number of seconds.");
                    download = download with { BaseDelay = delay };
                    break;
                case "--request-timeout":
                    if (!TrySeconds(args, ref i, out var requestTimeout)) return Fail(stderr, "--request-timeout needs a positive number of seconds.");
                    download = download with { RequestTimeout = requestTimeout };
                    break;
                case "--max-size":
                    if (++i >= args.Length || !double.TryParse(args[i], CultureInfo.InvariantCulture, out var megabytes) || megabytes <= 0) return Fail(stderr, "--max-size needs a positive number of megabytes.");
                    download = download with { MaxBytes = (long)(megabytes * 1024 * 1024) };
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) return Fail(stderr, $"unknown option '{arg}'.");
                    inputs.Add(arg);
                    break;
            }
        }

        var workers = inProcess ? null : SelfAsWorker(catalogs);
        var memoryLimit = maxMemory ?? BatchOptions.DefaultMaxMemory(jobs);
        // The first worker starts now, while this process loads catalogs and looks at the inputs: for one document the
        // two start-ups overlap instead of following each other.
        if (workers is not null) BatchRunner.StartWorkerEarly(workers, memoryLimit);

        if (!CodesCommand.TryLoadCatalog(catalogs, stderr, out var catalog)) return UsageError;
        Linking.EntityMap? entityMap = null;
        try
        {
            if (entities is not null) entityMap = Linking.EntityMap.Read(entities);
        }
        catch (Linking.EntityMapException e)
        {
            return Fail(stderr, e.Message);
        }
        var root = RepositoryRoot();
        if (inputs.Count == 0)
        {
            var fixtures = Path.Combine(root, "fixtures");
            if (!Directory.Exists(fixtures)) return Fail(stderr, "no INPUT given and no fixtures/ folder found.");
            inputs.Add(fixtures);
        }
        outDir ??= Path.Combine(root, "output");

        InputList list;
        try
        {
            list = InputExpander.Expand(inputs);
        }
        catch (InputManifestException e)
        {
            return Fail(stderr, e.Message);
        }
        if (list.Count == 0) return Fail(stderr, "the inputs hold no PDF files.");

        var options = new BatchOptions
        {
            OutputDirectory = outDir, Format = format, PerDocumentTimeout = timeout, BatchCodeEvidence = batchCodes,
            MaxParallelism = jobs, Force = force, Shard = shard, Reproducible = reproducible, Download = download,
            Html = html, Annotate = annotate, Entities = entityMap, CsvBom = csvBom, Package = package, ExcelSafe = excelSafe,
            ConversionKey = CatalogKey(catalogs),
            Workers = workers,
            MaxMemoryBytes = memoryLimit,
        };
        var interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var mode = progressMode switch
        {
            "live" => ProgressMode.Live,
            "plain" => ProgressMode.Plain,
            "none" => ProgressMode.None,
            _ => interactive ? ProgressMode.Live : ProgressMode.Plain,
        };
        var display = new ProgressDisplay(stderr, mode, interactive ? ConsoleWidth() : 0);
        var taken = shard.Count == 1 ? list.Count : list.Items.Count(i => shard.Includes(i.Source));
        display.Start(taken, $"Converting with {jobs} worker{(jobs == 1 ? "" : "s")}{(shard.Count == 1 ? "" : $", shard {shard} of {list.Count} inputs")}");

        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C stops the batch cleanly; a second one ends the process at once.
            if (interrupt.IsCancellationRequested) return;
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var runner = new BatchRunner(DocumentExtractor.Default.WithRepairer(new CodeRepairer(catalog)));
            var outcomes = Task.Run(() => runner.RunAsync(list, options, display, interrupt.Token)).GetAwaiter().GetResult();
            display.Finish(outcomes, outDir);
            return outcomes.Any(o => o.Failed) ? SomeInputsFailed
                : outcomes.Any(o => o.ChecksFailed > 0) ? ChecksFailed
                : Success;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            display.Interrupted(outDir);
            return Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The hidden subcommand a batch starts its worker processes with (<see cref="WorkerHost"/>).</summary>
    internal const string WorkerCommandName = "worker";

    /// <summary>
    /// This program as a worker: the same executable (or <c>dotnet</c> and this assembly, when run that way) with
    /// <c>worker</c> and the user's catalogs, so that a worker converts exactly as this process would.
    /// </summary>
    internal static WorkerCommand SelfAsWorker(IReadOnlyList<string> catalogs) =>
        WorkerCommandFor(Environment.ProcessPath, typeof(CommandLine).Assembly.Location, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), catalogs);

    /// <summary>
    /// The worker command of a process started as <paramref name="processPath"/> with this program's assembly at
    /// <paramref name="assemblyPath"/>. Run as its own executable (the apphost, whose name keeps the assembly's dots —
    /// Extractor.Cli — or the tool's 'extractor' shim): that again, so a published, ahead-of-time compiled tool gets
    /// ahead-of-time compiled workers. Otherwise (dotnet Extractor.Cli.dll, or a test host that loaded this assembly)
    /// through dotnet.
    /// </summary>
    public static WorkerCommand WorkerCommandFor(string? processPath, string assemblyPath, string? dotnetHostPath, IReadOnlyList<string> catalogs)
    {
        var hostName = processPath is null ? "" : ProgramName(processPath);
        var apphost = processPath is not null
            && (string.Equals(hostName, ProgramName(assemblyPath), StringComparison.OrdinalIgnoreCase) || string.Equals(hostName, "extractor", StringComparison.OrdinalIgnoreCase));
        var program = apphost ? processPath! : string.Equals(hostName, "dotnet", StringComparison.OrdinalIgnoreCase) ? processPath! : dotnetHostPath ?? "dotnet";
        var arguments = new List<string>();
        if (!apphost) arguments.Add(assemblyPath);
        arguments.Add(WorkerCommandName);
        foreach (var catalog in catalogs)
        {
            arguments.Add("--catalog");
            arguments.Add(Path.GetFullPath(catalog));
        }
        return new WorkerCommand(program, arguments);
    }

    /// <summary>
    /// A program's name without .exe or .dll only: Path.GetFileNameWithoutExtension would take "Extractor.Cli" for
    /// "Extractor" with the extension ".Cli", and miss that the apphost is this program.
    /// </summary>
    private static string ProgramName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in new[] { ".exe", ".dll" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return name[..^extension.Length];
        }
        return name;
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

    private static bool TrySeconds(string[] args, ref int i, out TimeSpan value)
    {
        value = default;
        if (++i >= args.Length || !double.TryParse(args[i], CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || double.IsInfinity(seconds)) return false;
        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The value of --format: one of csv, json, both, parquet, xlsx, all, or a comma list of them.</summary>
    internal static bool TryFormat(string value, out OutputFormat format) => OutputFormats.TryParse(value, out format);

    /// <summary>
    /// Reads one of <c>--package-title TEXT</c>, <c>--package-license ID</c>, <c>--package-meta FILE</c> into
    /// <paramref name="package"/>; returns the exit code when it is wrong, else null.
    /// </summary>
    internal static int? TryPackageOption(string[] args, ref int i, ref PackageMetadata package, TextWriter stderr)
    {
        var option = args[i];
        if (++i >= args.Length) return Fail(stderr, $"{option} needs a value.");
        switch (option)
        {
            case "--package-title":
                package = package with { Title = args[i] };
                break;
            case "--package-license":
                package = package with { License = args[i] };
                break;
            default:
                try
                {
                    package = package with { Properties = PackageMetadata.ReadProperties(args[i]) };
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    return Fail(stderr, $"--package-meta: {e.Message}");
                }
                break;
        }
        return null;
    }

    private static bool TryCount(string[] args, ref int i, out int value)
    {
        value = 0;
        return ++i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
    }

    /// <summary>The user catalogs' content, as part of the options a resumed run must share (a changed catalog redoes the batch).</summary>
    private static string CatalogKey(IReadOnlyList<string> catalogs) =>
        string.Join(",", catalogs.Select(c => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(c)))));

    private static int ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 0;
        }
    }
}
