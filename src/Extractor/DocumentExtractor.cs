using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Extractor.Arithmetic;
using Extractor.Checks;
using Extractor.Codes;
using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Tables;
using Extractor.Templates;

namespace Extractor;

/// <summary>
/// Converts one PDF: page model → grids → recognised tables → rows → repaired rows.
/// Pure apart from reading the bytes it is given; writing is <see cref="Output.DocumentWriter"/>'s job.
/// </summary>
public sealed class DocumentExtractor
{
    public static DocumentExtractor Default { get; } = new(PdfDocumentReader.Instance, LatticeDetector.Instance, TableRecognizer.Default, CodeRepairer.Instance, ConsistencyChecker.Instance, TemplateCatalog.Default);

    private readonly PdfDocumentReader _reader;
    private readonly ParallelPageReader _pageReader;
    private readonly LatticeDetector _lattice;
    private readonly TableRecognizer _recognizer;
    private readonly CodeRepairer _repairer;
    private readonly ConsistencyChecker _checker;
    private readonly TemplateCatalog _catalog;

    public DocumentExtractor(PdfDocumentReader reader, LatticeDetector lattice, TableRecognizer recognizer, CodeRepairer repairer, ConsistencyChecker checker, TemplateCatalog catalog)
        : this(reader, new ParallelPageReader(reader), lattice, recognizer, repairer, checker, catalog)
    {
    }

    private DocumentExtractor(PdfDocumentReader reader, ParallelPageReader pageReader, LatticeDetector lattice, TableRecognizer recognizer, CodeRepairer repairer, ConsistencyChecker checker, TemplateCatalog catalog)
    {
        _checker = checker;
        _reader = reader;
        _pageReader = pageReader;
        _lattice = lattice;
        _recognizer = recognizer;
        _repairer = repairer;
        _catalog = catalog;
    }

    public CodeRepairer Repairer => _repairer;

    /// <summary>The same pipeline with another code repairer (a user's catalog, a batch's codes).</summary>
    public DocumentExtractor WithRepairer(CodeRepairer repairer) => new(_reader, _pageReader, _lattice, _recognizer, repairer, _checker, _catalog);

    /// <summary>
    /// The same pipeline reading each document's pages with exactly <paramref name="threads"/> threads (1: one after
    /// another), whatever else the process converts; by default pages are read on the cores other conversions leave free.
    /// </summary>
    public DocumentExtractor WithPageThreads(int threads) => new(_reader, new ParallelPageReader(_reader, threads), _lattice, _recognizer, _repairer, _checker, _catalog);

    public DocumentResult Extract(byte[] bytes, string sourcePath, CancellationToken cancellationToken = default) =>
        Extract([(bytes, sourcePath)], cancellationToken);

    /// <summary>
    /// Converts a document published as several files (Beijing and Jiangsu put the narrative and the
    /// tables in two PDFs) as one: their pages follow each other, numbered on from one file to the
    /// next; the source is the files' paths joined by " + ", the SHA-256 that of their bytes in order.
    /// </summary>
    public DocumentResult Extract(IReadOnlyList<(byte[] Bytes, string Path)> parts, CancellationToken cancellationToken = default)
    {
        using var converting = ConversionThreads.Enter();
        var stageTimes = new Dictionary<string, TimeSpan>();
        var stageAllocated = new Dictionary<string, long>();
        var lapStart = Stopwatch.GetTimestamp();
        var lapAllocated = GC.GetAllocatedBytesForCurrentThread();
        void Lap(string stage)
        {
            var now = Stopwatch.GetTimestamp();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var elapsed = Stopwatch.GetElapsedTime(lapStart, now);
            stageTimes[stage] = elapsed;
            stageAllocated[stage] = allocated - lapAllocated;
            lapStart = now;
            lapAllocated = allocated;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var pages = new List<PageModel>();
        foreach (var (bytes, _) in parts)
        {
            hash.AppendData(bytes);
            foreach (var page in _pageReader.Read(bytes, cancellationToken)) pages.Add(page with { Number = pages.Count + 1 });
        }
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        var sourcePath = string.Join(" + ", parts.Select(p => p.Path));
        Lap("read");

        var layouts = new List<PageLayout>(pages.Count);
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layouts.Add(PageLayout.Build(page, _lattice.Detect(page)));
        }
        var withStreams = StreamTableFinder.Default.AddStreamTables(layouts);
        layouts = withStreams.ToList();
        Lap("detect");

        var kind = MetadataReader.DetectKind(layouts);
        var year = MetadataReader.DetectYear(layouts);
        var recognized = _recognizer.Recognize(layouts, kind, year: year);
        var metadata = MetadataReader.Read(layouts, recognized, kind);
        Lap("recognize");

        var warnings = new List<string>();
        var tables = recognized.Select(t => Read(t, pages, year, warnings, cancellationToken)).ToList();
        Lap("rows");

        var repair = _repairer.Repair(tables);
        var repaired = repair.Tables;
        var repairs = repair.Repairs;
        warnings.AddRange(repair.Warnings);
        Lap("repair");

        var expected = _catalog.Templates.Where(t => t.Kind == metadata.Kind && !t.Optional).Select(t => t.Id).ToList();
        var found = repaired.Where(t => t.Source.Template is not null).Select(t => t.Id).ToHashSet();
        var missing = expected.Where(id => !found.Contains(id)).ToList();
        warnings.AddRange(NameMismatches(parts[0].Path, metadata));
        foreach (var id in missing)
        {
            warnings.Add($"{id} ({_catalog.Find(id)?.Name}) was not found in the document.");
        }
        foreach (var table in repaired.Where(t => t.Source.Template is null))
        {
            warnings.Add($"{table.Id}: a table on page {table.Source.Pages[0]} matches no template{(table.Source.Title.Length > 0 ? $" (title: {table.Source.Title})" : "")}; it is exported as a generic grid.");
        }

        var document = new DocumentResult
        {
            DocId = DocId(parts[0].Path, sha),
            Source = new SourceInfo(sourcePath, sha, pages.Count),
            Metadata = metadata,
            Tables = repaired,
            Repairs = repairs,
            Warnings = warnings,
            StageTimes = stageTimes,
            StageAllocatedBytes = stageAllocated,
            MissingTables = missing,
            Text = layouts.Select(l => new PageText(l.Page.Number, l.Lines)).ToList(),
            PageModels = pages,
        };
        var review = _checker.Review(document);
        Lap("checks");
        var judged = WithFinalArithmetic(repaired, review.Checks);
        foreach (var table in judged.Where(t => t.Reading?.Doubt is not null))
        {
            warnings.Add($"{table.Id}: the reading is doubtful: {table.Reading!.Doubt}; its checks against other tables and the narrative are reported skipped, not failed.");
        }
        return document with { Tables = judged, Checks = review.Checks, NarrativeStatements = review.Statements };
    }

    /// <summary>
    /// A table's rows under the reading its own arithmetic supports best: as detected, or, when that reading's
    /// identities fail or its printed amounts are not all read, under the other readings of the same text
    /// (<see cref="ReadingAlternatives"/>) judged by <see cref="ReadingJudge"/>. Warnings of the reading kept only.
    /// </summary>
    private static ExtractedTable Read(RecognizedTable table, IReadOnlyList<PageModel> pages, string? year, List<string> warnings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var own = new List<string>();
        var detected = RowBuilder.Build(table, own);
        if (table.Template is null)
        {
            warnings.AddRange(own);
            return detected;
        }
        var others = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [TableReading.AsDetected] = own };
        var judgement = ReadingJudge.Choose(detected, () => ReadingAlternatives.For(table, pages, year).Select(a =>
        {
            var list = new List<string>();
            others[a.Name] = list;
            return new ReadingJudge.Candidate(a.Name, RowBuilder.Build(a.Table, list));
        }));
        warnings.AddRange(others[judgement.Kept]);
        return judgement.Table;
    }

    /// <summary>
    /// Each template table's identities as the checks found them on the repaired rows (the reader judged them before
    /// repair), so that document.json and documents.csv give the share the report shows.
    /// </summary>
    private static IReadOnlyList<ExtractedTable> WithFinalArithmetic(IReadOnlyList<ExtractedTable> tables, IReadOnlyList<CheckResult> checks)
    {
        return tables.Select(t =>
        {
            if (t.Reading is null) return t;
            var own = checks.Where(c => c.Tables.Count == 1 && c.Tables[0] == t.Id && c.Id.StartsWith(t.Id + ".", StringComparison.Ordinal)
                                        && c.Status is CheckStatus.Pass or CheckStatus.Warn or CheckStatus.Fail).ToList();
            var failed = own.Where(c => c.Status == CheckStatus.Fail).Select(c => c.Id).ToList();
            return t with { Reading = t.Reading with { IdentitiesHeld = own.Count - failed.Count, IdentitiesFailed = failed.Count, FailedIdentities = failed } };
        }).ToList();
    }

    /// <summary>
    /// Where the file's name says another kind or year than its content (crawlers file final
    /// accounts as budgets, and one year's report under another's name): the content wins, and
    /// the mismatch is reported so a harvester can fix its index.
    /// </summary>
    internal static IEnumerable<string> NameMismatches(string sourcePath, DocumentMetadata metadata)
    {
        var name = Path.GetFileNameWithoutExtension(sourcePath.Split('?')[0]).ToLowerInvariant();
        var saysBudget = name.Contains("预算") || name.Contains("budget");
        var saysFinal = name.Contains("决算") || name.Contains("final");
        if (metadata.Kind == "final" && saysBudget && !saysFinal)
            yield return $"The file name says 预算 (budget) but the document is a 决算 (final account); it is read as a final account.";
        if (metadata.Kind == "budget" && saysFinal && !saysBudget)
            yield return $"The file name says 决算 (final account) but the document is a 预算 (budget); it is read as a budget.";
        var years = System.Text.RegularExpressions.Regex.Matches(name, @"(?<!\d)(20\d{2})(?!\d)").Select(m => m.Groups[1].Value).Distinct().ToList();
        if (metadata.Year.Length > 0 && years.Count > 0 && !years.Contains(metadata.Year))
            yield return $"The file name says {string.Join("/", years)} but the document reports on {metadata.Year}; the document's year is used.";
    }

    /// <summary>Characters a doc_id never starts with: a spreadsheet reads a cell starting with = + - @ as a formula.</summary>
    internal const string UnsafeLeading = "._=+-@";

    /// <summary>
    /// The input's file name without extension, made filesystem-safe (white space, control characters and the
    /// characters file systems or shells refuse become <c>_</c>; leading <c>. _ = + - @</c> and trailing <c>. _</c>
    /// removed; at most 100 characters; <c>document</c> when nothing is left), plus <c>-</c> and the first 8 hex digits
    /// of its SHA-256. <see cref="Output.DocumentFolder.IsDocId"/> accepts exactly this shape.
    /// </summary>
    public static string DocId(string sourcePath, string sha256)
    {
        var name = Path.GetFileNameWithoutExtension(sourcePath.Split('?')[0].TrimEnd('/', '\\'));
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            sb.Append(Output.DocumentFolder.IsRefused(ch) ? '_' : ch);
        }
        var safe = sb.ToString().TrimStart(UnsafeLeading.ToCharArray()).TrimEnd('.', '_');
        if (safe.Length == 0) safe = "document";
        if (safe.Length > 100) safe = safe[..100];
        return $"{safe}-{sha256[..8]}";
    }
}
