using Extractor.Arithmetic;

namespace Extractor.Linking;

/// <summary>
/// A check across documents (link-checks.csv), in the style of a document's consistency checks: a stable id
/// (<c>link.units.sum.YS05.2040601</c>, <c>link.prior_year.GK05.total_change</c>, <c>link.final_budget.GK09.total</c>),
/// its status (<c>pass</c>, <c>warn</c>, <c>fail</c>, <c>skipped</c>), the expected and actual amounts (万元), their
/// difference and the rounding allowed, a sentence, the narrative quoted when it reads one, and every document it read
/// with the pages (<see cref="Document"/> first: the one the check is about).
/// </summary>
public sealed record LinkCheck
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string Key { get; init; }
    public int Year { get; init; }
    public required IReadOnlyList<string> Tables { get; init; }
    public decimal? Expected { get; init; }
    public decimal? Actual { get; init; }
    public decimal? Difference { get; init; }
    public decimal? Tolerance { get; init; }
    public required string Message { get; init; }
    public string Quote { get; init; } = string.Empty;
    public required CheckedDocument Document { get; init; }
    public IReadOnlyList<CheckedDocument> Others { get; init; } = [];

    public static readonly IReadOnlyList<string> Header =
    [
        "id", "status", "entity_key", "year", "doc_id", "pages", "other_doc_ids", "other_pages", "tables",
        "expected", "actual", "difference", "tolerance", "message", "quote",
    ];
}

/// <summary>A document a cross-document check read, and the pages it read there.</summary>
public sealed record CheckedDocument(string DocId, IReadOnlyList<int> Pages);
