namespace Extractor.Batch;

/// <summary>One line of documents.csv: what happened to one input.</summary>
public sealed record DocumentOutcome(
    string DocId, string Source, string Status, string ErrorCode, string Message, int Pages,
    int TablesFound, int ChecksFailed, int ChecksWarned, long ElapsedMs)
{
    public static readonly IReadOnlyList<string> Header =
        ["doc_id", "source", "status", "error_code", "message", "pages", "tables_found", "checks_failed", "checks_warned", "elapsed_ms",
         "statements_found", "statements_resolved", "statements_checked"];

    /// <summary>The narrative's coverage: statements found, resolved (incl. checked) and checked (0 for a failed input).</summary>
    public Checks.NarrativeCoverage Coverage { get; init; } = new(0, 0, 0);

    public bool Failed => Status == "failed";

    /// <summary>Not converted by this run: an earlier run finished it with the same content and options.</summary>
    public bool Resumed { get; init; }
}
