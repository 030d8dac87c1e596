using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Bench;
using Extractor.Pdf;
using static Extractor.Cli.CommandLine;

namespace Extractor.Cli;

/// <summary>
/// <c>extractor bench</c>: throughput, peak memory and time per stage of the pipeline against the
/// floor (PdfPig alone reading the same pages), with 1 and all cores. Each measurement runs in a
/// child process of its own, so that each peak memory figure is that run's alone.
/// </summary>
internal static class BenchCommand
{
    private const string Usage = """
        Usage: extractor bench [--corpus PATH]... [--repeat N] [--pages N] [--jobs N]...
                               [--runs N] [--in-process] [--json FILE] [--work DIR] [--format FORMAT]
                               [--rows ROWS] [--latency PDF]...

        Measures the pipeline (conversion and writing, as the batch command does it) and the floor
        (PdfPig alone reading every page's letters and paths) over the same documents, with 1 and
        with all cores, each in a process of its own; prints the machine, documents and pages per
        second, peak memory, the time per stage and how the pipeline compares to the floor. Then
        the tool as a user runs it, a new process each run: one document (latency, beside
        pdftotext -layout on the same file where it is installed) and the whole corpus as one
        harvest (end to end, against the floor).

          --corpus PATH  a PDF or a folder searched recursively for *.pdf; may be repeated
                         (default: fixtures/ and ../shared/corpus/real/); PDFs without a text
                         layer are left out
          --repeat N     run the corpus N times (default: as often as needed for --pages)
          --pages N      at least this many pages (default: 300)
          --jobs N       documents converted at once; may be repeated (default: 1 and the
                         number of cores)
          --runs N       run every measurement N times, floor and pipeline in turn, and
                         keep the fastest (default: 3: on a shared machine single runs
                         differ by up to 10%; --runs 1 for a quick look)
          --in-process   run every measurement in this process (peak memory is then reset
                         between measurements where Linux allows it)
          --json FILE    also write the results as JSON
          --format F     the files the pipeline writes per document, as the main command's
                         --format (default: both, i.e. csv and json); e.g. all, to measure
                         what Parquet and the workbook cost
          --work DIR     where the pipeline's output goes (default: a new folder on /dev/shm,
                         a memory file system, where there is one, else in the temporary
                         folder; deleted afterwards)
          --rows ROWS    which rows, comma-separated: in-process (floor and pipeline),
                         latency, end-to-end (default: all three)
          --latency PDF  a document for the latency rows; may be repeated (default: the
                         seed-like Chromium PDF of ../shared/corpus/synthetic, else
                         fixtures/seed-html, and the corpus's document with the most pages)
        """;

    private static readonly string[] RowKinds = ["in-process", "latency", "end-to-end"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Converters = { new JsonStringEnumConverter() } };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var corpusInputs = new List<string>();
        int? repeat = null;
        var minimumPages = 300;
        var jobs = new List<int>();
        var inProcess = false;
        var runs = 3;
        string? jsonFile = null, work = null, child = null, corpusFile = null;
        var format = Output.OutputFormat.Both;
        var rows = RowKinds.ToHashSet();
        var latencyFiles = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return Success;
                case "--corpus":
                    if (++i >= args.Length) return Fail(stderr, "--corpus needs a PDF file or a folder.");
                    corpusInputs.Add(args[i]);
                    break;
                case "--repeat":
                    if (!TryPositive(args, ref i, out var r)) return Fail(stderr, "--repeat needs a whole number of at least 1.");
                    repeat = r;
                    break;
                case "--pages":
                    if (!TryPositive(args, ref i, out minimumPages)) return Fail(stderr, "--pages needs a whole number of at least 1.");
                    break;
                case "--jobs" or "-j":
                    if (!TryPositive(args, ref i, out var j)) return Fail(stderr, "--jobs needs a whole number of at least 1.");
                    jobs.Add(j);
                    break;
                case "--runs":
                    if (!TryPositive(args, ref i, out runs)) return Fail(stderr, "--runs needs a whole number of at least 1.");
                    break;
                case "--in-process":
                    inProcess = true;
                    break;
                case "--json":
                    if (++i >= args.Length) return Fail(stderr, "--json needs a file.");
                    jsonFile = args[i];
                    break;
                case "--work":
                    if (++i >= args.Length) return Fail(stderr, "--work needs a folder.");
                    work = args[i];
                    break;
                case "--child":
                    // Internal: one measurement, its result as JSON on standard output.
                    if (++i >= args.Length || !Enum.TryParse<BenchMode>(args[i], ignoreCase: true, out _)) return Fail(stderr, "--child needs floor or pipeline.");
                    child = args[i];
                    break;
                case "--format":
                    if (++i >= args.Length || !TryFormat(args[i], out format)) return Fail(stderr, $"--format must be {Output.OutputFormats.Names}.");
                    break;
                case "--rows":
                    if (++i >= args.Length || args[i].Split(',').Any(r => !RowKinds.Contains(r.Trim())))
                        return Fail(stderr, $"--rows needs some of {string.Join(", ", RowKinds)}, comma-separated.");
                    rows = args[i].Split(',').Select(r => r.Trim()).ToHashSet();
                    break;
                case "--latency":
                    if (++i >= args.Length) return Fail(stderr, "--latency needs a PDF file.");
                    latencyFiles.Add(args[i]);
                    break;
                case "--corpus-file":
                    if (++i >= args.Length) return Fail(stderr, "--corpus-file needs a file.");
                    corpusFile = args[i];
                    break;
                default:
                    return Fail(stderr, $"unknown bench option '{args[i]}'.");
            }
        }
        if (jobs.Count == 0) jobs.AddRange(Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1]);
        jobs = jobs.Distinct().Order().ToList();

        if (child is not null)
        {
            if (corpusFile is null || work is null) return Fail(stderr, "--child needs --corpus-file and --work.");
            var corpus = JsonSerializer.Deserialize<BenchCorpus>(File.ReadAllText(corpusFile), Json)!;
            var measurement = Benchmark.Measure(corpus, Enum.Parse<BenchMode>(child, ignoreCase: true), jobs[0], work, ownProcess: true, format: format);
            stdout.WriteLine(JsonSerializer.Serialize(measurement, Json));
            return Success;
        }

        if (corpusInputs.Count == 0)
        {
            var root = RepositoryRoot();
            corpusInputs.Add(Path.Combine(root, "fixtures"));
            var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "real"));
            if (Directory.Exists(shared)) corpusInputs.Add(shared);
        }
        stderr.WriteLine($"bench: reading the corpus ({string.Join(", ", corpusInputs)})");
        var bench = BenchCorpus.Load(corpusInputs, minimumPages, repeat);
        if (bench.Distinct.Count == 0) return Fail(stderr, "the corpus holds no PDF with a text layer.");

        var ownWork = work is null;
        work ??= Path.Combine(DefaultWorkRoot(), "extractor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var measurementFolders = new List<string>();
        try
        {
            var corpusPath = Path.Combine(work, "corpus.json");
            File.WriteAllText(corpusPath, JsonSerializer.Serialize(bench, Json));
            var all = new List<BenchMeasurement>();
            for (var run = 1; run <= runs && rows.Contains("in-process"); run++)
            {
                foreach (var j in jobs)
                {
                    foreach (var mode in new[] { BenchMode.Floor, BenchMode.Pipeline })
                    {
                        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {mode.ToString().ToLowerInvariant()}, {j} job{(j == 1 ? "" : "s")}, {bench.Pages:N0} pages{(runs > 1 ? $" (run {run} of {runs})" : "")} …"));
                        var folder = Path.Combine(work, $"{mode.ToString().ToLowerInvariant()}-{j}-{run}");
                        var measurement = inProcess
                            ? Benchmark.Measure(bench, mode, j, folder, format: format)
                            : RunChild(mode, j, corpusPath, folder, format, stderr);
                        if (measurement is null) return SomeInputsFailed;
                        all.Add(measurement);
                        // The output stays until every measurement is done: deleting thousands of files just before
                        // the next measurement makes the file system (ext4) step over the freshly freed inodes when it
                        // creates that measurement's files, a cost of the benchmark and not of a batch.
                        measurementFolders.Add(folder);
                    }
                }
            }
            // Of several runs, the fastest: on a shared machine the others were slowed by other work.
            var measurements = all.GroupBy(m => (m.Jobs, m.Mode))
                .Select(g => g.MinBy(m => m.WallMs)! with { RunWallMs = runs > 1 ? g.Select(m => m.WallMs).ToList() : [] })
                .ToList();

            var plans = new List<BenchProcesses.Plan>();
            if (rows.Contains("latency"))
            {
                if (latencyFiles.Count == 0) latencyFiles.AddRange(DefaultLatencyFiles(bench));
                foreach (var file in latencyFiles)
                {
                    var pages = PdfFloorReader.TextPages(File.ReadAllBytes(file), out var reason);
                    if (pages == 0) return Fail(stderr, $"--latency {file}: {reason}.");
                    plans.AddRange(jobs.Select(j => new BenchProcesses.Plan(ProcessRowKind.Latency, Path.GetFileName(file), [Path.GetFullPath(file)], 1, pages, j, Path.GetFullPath(file))));
                }
            }
            if (rows.Contains("end-to-end"))
            {
                var linked = BenchProcesses.LinkCorpus(bench, Path.Combine(work, "end-to-end-corpus"));
                plans.AddRange(jobs.Select(j => new BenchProcesses.Plan(ProcessRowKind.EndToEnd, "corpus", [linked], bench.Documents, bench.Pages, j)));
            }
            var processes = BenchProcesses.Run(plans, runs, work, stderr);
            var report = new BenchReport(MachineInfo.Current(), bench, measurements, !inProcess)
            {
                OutputFolder = work,
                OutputFileSystem = MachineInfo.FileSystemOf(work),
                Format = format,
                Processes = processes,
            };
            stdout.Write(report.ToText());
            if (jsonFile is not null)
            {
                File.WriteAllText(jsonFile, JsonSerializer.Serialize(report, new JsonSerializerOptions(Json) { WriteIndented = true }));
            }
            return report.SamePages && processes.All(p => p.FailedExitCodes.Count == 0) ? Success : SomeInputsFailed;
        }
        finally
        {
            if (ownWork) Directory.Delete(work, recursive: true);
            else foreach (var folder in measurementFolders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The documents a user waits for most: the seed-like Chromium PDF (the seed disclosure printed by Chromium, 38 pages,
    /// in the shared synthetic corpus; the bundled Chromium fixture where that is missing) and the corpus's longest one.
    /// </summary>
    private static IEnumerable<string> DefaultLatencyFiles(BenchCorpus corpus)
    {
        var root = RepositoryRoot();
        var seed = new[]
        {
            Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "synthetic", "pdfs", "seed-chromium.pdf")),
            Path.Combine(root, "fixtures", "seed-html", "seed-html.pdf"),
        }.FirstOrDefault(File.Exists);
        if (seed is not null) yield return seed;
        var longest = corpus.Distinct.OrderByDescending(d => d.Pages).ThenBy(d => d.Path, StringComparer.Ordinal).FirstOrDefault();
        if (longest is not null && longest.Path != seed) yield return longest.Path;
    }

    /// <summary>
    /// Where the pipeline's output goes by default: a memory file system where there is one (Linux's /dev/shm), so that the
    /// figures do not depend on what the disk went through before (ext4 creates files slowly for minutes after many were
    /// deleted, such as the previous bench's output); else the temporary folder.
    /// </summary>
    private static string DefaultWorkRoot()
    {
        const string shm = "/dev/shm";
        try
        {
            if (Directory.Exists(shm) && MachineInfo.FileSystemOf(shm) == "tmpfs")
            {
                var probe = Path.Combine(shm, ".extractor-bench-probe-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                File.WriteAllText(probe, "");
                File.Delete(probe);
                return shm;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return Path.GetTempPath();
    }

    /// <summary>The taskset program where there is one: it pins a measurement to as many cores as it has jobs.</summary>
    private static string? TaskSet() =>
        OperatingSystem.IsLinux() ? new[] { "/usr/bin/taskset", "/bin/taskset" }.FirstOrDefault(File.Exists) : null;

    /// <summary>Runs one measurement in a new process of this program; null (with the reason on standard error) when it fails.</summary>
    private static BenchMeasurement? RunChild(BenchMode mode, int jobs, string corpusFile, string work, Output.OutputFormat format, TextWriter stderr)
    {
        var start = StartSelf(jobs, ["bench", "--child", mode.ToString().ToLowerInvariant(), "--jobs", jobs.ToString(CultureInfo.InvariantCulture), "--corpus-file", corpusFile, "--work", work,
            "--format", format.ToString().ToLowerInvariant().Replace(" ", "")]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || lastLine is null || !lastLine.StartsWith('{'))
        {
            stderr.WriteLine($"extractor: the {mode.ToString().ToLowerInvariant()} measurement failed (exit code {process.ExitCode}): {error.Result.Trim()}");
            return null;
        }
        return JsonSerializer.Deserialize<BenchMeasurement>(lastLine, Json);
    }

    /// <summary>A new process of this program with <paramref name="args"/>, on <paramref name="cores"/> cores (see <see cref="Pinned"/>).</summary>
    internal static ProcessStartInfo StartSelf(int cores, IEnumerable<string> args)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var prefix = new List<string>();
        // Run as a dll by dotnet, or from another program's process (a test host): dotnet runs this assembly.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet" || System.Reflection.Assembly.GetEntryAssembly() != typeof(BenchCommand).Assembly)
        {
            self = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            prefix.Add(typeof(BenchCommand).Assembly.Location);
        }
        return Pinned(self, cores, prefix.Concat(args));
    }

    /// <summary>
    /// A start of <paramref name="program"/> pinned to the first <paramref name="cores"/> cores with taskset where the
    /// machine has more: N jobs on N cores, or one job's garbage collector and JIT would run on the other cores for
    /// free, and the one-core figure be better than one core gives.
    /// </summary>
    internal static ProcessStartInfo Pinned(string program, int cores, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        if (cores < Environment.ProcessorCount && TaskSet() is { } taskset && MachineInfo.AllowedCpus() is { Count: > 0 } cpus && cores < cpus.Count)
        {
            start.FileName = taskset;
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(string.Join(",", cpus.Take(cores)));
            start.ArgumentList.Add(program);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    private static bool TryPositive(string[] args, ref int i, out int value)
    {
        value = 0;
        return ++i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
    }
}
