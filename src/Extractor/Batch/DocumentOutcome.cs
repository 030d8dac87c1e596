using Extractor.Linking;

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

    /// <summary>The department as printed (document.json metadata), for the entity columns of documents.csv.</summary>
    public string Department { get; init; } = string.Empty;

    /// <summary><c>budget</c> or <c>final</c>, or empty.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>What the tables' titles say the document covers (部门 or 单位, <see cref="EntityScope.FromTitles"/>), or empty.</summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary>The outcome with what the document says about who published it.</summary>
    public DocumentOutcome Of(DocumentResult document) => this with
    {
        Department = document.Metadata.Department,
        Kind = document.Metadata.Kind,
        Scope = EntityScope.FromTitles(document.TemplateTables.Select(t => t.Source.Title)),
    };
}
