namespace Extractor.Batch;

/// <summary>One line of documents.csv: what happened to one input.</summary>
public sealed record DocumentOutcome(
    string DocId, string Source, string Status, string ErrorCode, string Message, int Pages,
    int TablesFound, int ChecksFailed, int ChecksWarned, long ElapsedMs)
{
    public static readonly IReadOnlyList<string> Header =
        ["doc_id", "source", "status", "error_code", "message", "pages", "tables_found", "checks_failed", "checks_warned", "elapsed_ms"];

    public bool Failed => Status == "failed";

    /// <summary>Not converted by this run: an earlier run finished it with the same content and options.</summary>
    public bool Resumed { get; init; }
}
