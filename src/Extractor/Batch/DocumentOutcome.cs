using Extractor.Linking;

using Extractor.Arithmetic;

namespace Extractor.Batch;

/// <summary>One line of documents.csv: what happened to one input.</summary>
public sealed record DocumentOutcome(
    string DocId, string Source, string Status, string ErrorCode, string Message, int Pages,
    int TablesFound, int ChecksFailed, int ChecksWarned, long ElapsedMs)
{
    public static readonly IReadOnlyList<string> Header =
        ["doc_id", "source", "status", "error_code", "message", "pages", "tables_found", "checks_failed", "checks_warned", "elapsed_ms",
         "identity_share", "reading_confidence", "statements_found", "statements_resolved", "statements_checked"];

    /// <summary>The narrative's coverage: statements found, resolved (incl. checked) and checked (0 for a failed input).</summary>
    public Checks.NarrativeCoverage Coverage { get; init; } = new(0, 0, 0);

    public bool Failed => Status == "failed";

    /// <summary>
    /// The share of the identities of the document's standard tables that hold, 0 to 1 with four decimals; empty for a
    /// failed input or one with no identity to check.
    /// </summary>
    public string IdentityShare { get; init; } = string.Empty;

    /// <summary>How much to trust the reading: the least confidence of the document's standard tables, 0 to 1; empty when none.</summary>
    public string ReadingConfidence { get; init; } = string.Empty;

    /// <summary>The outcome of a converted document: its status, tables, checks, and how far its reading is confirmed.</summary>
    public static DocumentOutcome Converted(DocumentResult document, string source, long elapsedMs) =>
        new(document.DocId, source, document.Status, string.Empty, document.StatusMessage, document.Source.Pages,
            document.TemplateTables.Count(), document.Checks.Count(c => c.Status == Arithmetic.CheckStatus.Fail),
            document.Checks.Count(c => c.Status == Arithmetic.CheckStatus.Warn), elapsedMs)
        {
            IdentityShare = Format(document.IdentityShare),
            ReadingConfidence = Format(document.ReadingConfidence),
            Coverage = document.NarrativeCoverage,
        };

    private static string Format(double? value) => value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

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
