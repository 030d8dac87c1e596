using Extractor;
using Extractor.Batch;
using Extractor.Codes;
using Extractor.Output;
using Extractor.Output.Package;
using static Extractor.Cli.CommandLine;

namespace Extractor.Cli;

/// <summary>
/// <c>extractor join FILE... [--out DIR]</c> (and the output options of the main command): several files that make one document (a narrative PDF
/// and a tables PDF published apart) converted as one, so the narrative is checked against the tables.
/// </summary>
internal static class JoinCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var files = new List<string>();
        string? outDir = null;
        var format = OutputFormat.Both;
        var catalogs = new List<string>();
        var html = false;
        var annotate = false;
        var csvBom = false;
        var package = PackageMetadata.None;
        var excelSafe = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--excel-safe":
                    excelSafe = true;
                    break;
                case "--html":
                    html = true;
                    break;
                case "--annotate":
                    annotate = true;
                    break;
                case "--out" or "-o":
                    if (++i >= args.Length) return Fail(stderr, "--out needs a folder.");
                    outDir = args[i];
                    break;
                case "--format":
                    if (++i >= args.Length || !TryFormat(args[i], out format)) return Fail(stderr, $"--format must be {OutputFormats.Names}.");
                    break;
                case "--csv-bom":
                    csvBom = true;
                    break;
                case "--package-title" or "--package-license" or "--package-meta":
                    if (TryPackageOption(args, ref i, ref package, stderr) is { } failed) return failed;
                    break;
                case "--catalog":
                    if (++i >= args.Length) return Fail(stderr, "--catalog needs a CSV file.");
                    catalogs.Add(args[i]);
                    break;
                default:
                    if (args[i].StartsWith('-') && args[i].Length > 1) return Fail(stderr, $"unknown option '{args[i]}' for join.");
                    files.Add(args[i]);
                    break;
            }
        }
        if (files.Count < 2) return Fail(stderr, "join needs at least two files that make one document (e.g. its narrative and its tables).");
        if (!CodesCommand.TryLoadCatalog(catalogs, stderr, out var catalog)) return UsageError;
        outDir ??= Path.Combine(RepositoryRoot(), "output");
        Directory.CreateDirectory(outDir);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var source = string.Join(" + ", files);
        DocumentOutcome outcome;
        try
        {
            var parts = files.Select(f => (File.ReadAllBytes(f), f)).ToList();
            var document = DocumentExtractor.Default.WithRepairer(new CodeRepairer(catalog)).Extract(parts);
            DocumentWriter.Write(outDir, document, format,
                new ReviewOptions { Html = html, Annotate = annotate, SourcePdfParts = annotate ? parts.Select(p => p.Item1).ToList() : null }, excelSafe, csvBom: csvBom);
            outcome = DocumentOutcome.Converted(document, source, clock.ElapsedMilliseconds).Of(document);
        }
        catch (Exception e) when (e is ExtractionException or IOException or UnauthorizedAccessException)
        {
            var code = e is ExtractionException x ? x.Code : e is FileNotFoundException or DirectoryNotFoundException ? ErrorCodes.NotFound : ErrorCodes.Corrupt;
            outcome = new DocumentOutcome(DocumentExtractor.DocId(files[0], new string('0', 64)), source, "failed", code, e.Message, 0, 0, 0, 0, clock.ElapsedMilliseconds);
        }

        var encoding = csvBom ? AtomicFile.Utf8Bom : AtomicFile.Utf8;
        BatchFiles.WriteDocuments(Path.Combine(outDir, BatchFiles.Documents), [outcome], [new BatchInput(source)], [], encoding: encoding, excelSafe: excelSafe);
        if (format.Has(OutputFormat.Csv) && !outcome.Failed) BatchFiles.WriteFacts(Path.Combine(outDir, BatchFiles.Facts), [(outDir, outcome.DocId)], encoding);
        BatchFiles.WritePublished(outDir, outcome.Failed ? [] : [outcome.DocId], format.Has(OutputFormat.Parquet), package);
        if (html) Output.Html.BatchIndexWriter.Write(outDir);
        stderr.WriteLine(outcome.Failed
            ? $"{source}: {outcome.ErrorCode}: {outcome.Message}"
            : $"{source}: {outcome.Status}, {outcome.TablesFound} tables, {outcome.Pages} pages, {outcome.ChecksFailed} checks failed. Output in {Path.GetFullPath(outDir)}");
        return outcome.Failed ? SomeInputsFailed : outcome.ChecksFailed > 0 ? ChecksFailed : Success;
    }
}
