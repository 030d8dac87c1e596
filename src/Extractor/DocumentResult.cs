using Extractor.Checks;
using Extractor.Codes;
using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Rows;

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
}
