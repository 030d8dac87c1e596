using Extractor.Checks;
using Extractor.Codes;
using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Arithmetic;

namespace Extractor;

/// <summary>Where a document came from (document.json <c>source</c>).</summary>
public sealed record SourceInfo(string Path, string Sha256, int Pages);

/// <summary>Everything the pipeline knows of one converted document.</summary>
public sealed record DocumentResult
{
    public required string DocId { get; init; }
    public required SourceInfo Source { get; init; }
    public required DocumentMetadata Metadata { get; init; }
    public required IReadOnlyList<ExtractedTable> Tables { get; init; }
    public IReadOnlyList<CodeRepair> Repairs { get; init; } = [];
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>Every statement the narrative (and its attachment tables) makes, with what became of it: checked, resolved or unresolved.</summary>
    public IReadOnlyList<NarrativeStatement> NarrativeStatements { get; init; } = [];

    /// <summary>How many of the narrative's statements were found, resolved and checked.</summary>
    public NarrativeCoverage NarrativeCoverage => NarrativeCoverage.Of(NarrativeStatements);

    /// <summary>Each page's text outside its tables (titles, notes, the narrative), for the checks.</summary>
    public IReadOnlyList<PageText> Text { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Each stage's time to the tick, in pipeline order; the benchmark sums them, where whole milliseconds would lose
    /// up to one per stage and document.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> StageTimes { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>The stages' times in whole milliseconds, as document.json's <c>timings_ms</c> gives them.</summary>
    public IReadOnlyDictionary<string, long> TimingsMs => StageTimes.ToDictionary(t => t.Key, t => (long)t.Value.TotalMilliseconds);

    /// <summary>Bytes each stage allocated on the managed heap (on the converting thread), for the benchmark. Not written.</summary>
    public IReadOnlyDictionary<string, long> StageAllocatedBytes { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Every page as read (glyphs and rulings in page space), for the review page that draws them; not written to
    /// document.json. Empty for a result made without the pipeline.
    /// </summary>
    public IReadOnlyList<PageModel> PageModels { get; init; } = [];

    /// <summary>The template tables the document's kind should have and does not (GK01–GK09 for a final account).</summary>
    public IReadOnlyList<string> MissingTables { get; init; } = [];

    public IEnumerable<ExtractedTable> TemplateTables => Tables.Where(t => t.Source.Template is not null);

    /// <summary>Template tables recognised whose printed amounts could not be read at all: a reading failure, not an empty table.</summary>
    public IEnumerable<ExtractedTable> UnreadTables =>
        TemplateTables.Where(t => t.Reading is { AmountsPrinted: > 0, AmountsRead: 0 });

    /// <summary>
    /// <c>ok</c> when every standard table of the document's kind was found and read; <c>partial</c> when one is
    /// missing, none was recognised, or one was recognised but none of its printed amounts could be read.
    /// </summary>
    public string Status => TemplateTables.Any() && MissingTables.Count == 0 && !UnreadTables.Any() ? "ok" : "partial";

    /// <summary>The sentence documents.csv gives for a <c>partial</c> document (empty when <c>ok</c>).</summary>
    public string StatusMessage
    {
        get
        {
            if (!TemplateTables.Any()) return "No standard table was recognised; see report.md for the tables found.";
            var parts = new List<string>();
            if (MissingTables.Count > 0) parts.Add($"Tables not found: {string.Join(", ", MissingTables)}");
            var unread = UnreadTables.Select(t => t.Id).ToList();
            if (unread.Count > 0) parts.Add($"Tables recognised but not read (their amounts could not be placed): {string.Join(", ", unread)}");
            return parts.Count == 0 ? string.Empty : string.Join("; ", parts) + "; see report.md.";
        }
    }

    /// <summary>
    /// The share of the identities of the document's standard tables that hold (as in report.md), or null when no
    /// table has an identity to check.
    /// </summary>
    public double? IdentityShare
    {
        get
        {
            int held = 0, failed = 0;
            foreach (var t in TemplateTables)
            {
                held += t.Reading?.IdentitiesHeld ?? 0;
                failed += t.Reading?.IdentitiesFailed ?? 0;
            }
            return held + failed == 0 ? null : Math.Round((double)held / (held + failed), 4);
        }
    }

    /// <summary>How much to trust the document's reading: the least confidence of its standard tables (null without any).</summary>
    public double? ReadingConfidence =>
        TemplateTables.Select(t => t.Reading?.Confidence).OfType<double>().DefaultIfEmpty(double.NaN).Min() is var min && !double.IsNaN(min) ? min : null;
}
