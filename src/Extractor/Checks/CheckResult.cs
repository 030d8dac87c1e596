namespace Extractor.Checks;

/// <summary>Outcome of one consistency check.</summary>
public static class CheckStatus
{
    public const string Pass = "pass";
    public const string Warn = "warn";
    public const string Fail = "fail";
    public const string Skipped = "skipped";
}

/// <summary>
/// One consistency check (document.json <c>checks</c>): a stable id, the tables it reads, its
/// status, the expected and actual values and their difference, the tolerance allowed for
/// rounding, the pages involved and a sentence a reviewer understands. A narrative check also
/// quotes the sentence it read.
/// </summary>
public sealed record CheckResult
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Tables { get; init; }
    public required string Status { get; init; }
    public decimal? Expected { get; init; }
    public decimal? Actual { get; init; }
    public decimal? Difference { get; init; }
    public decimal? Tolerance { get; init; }
    public IReadOnlyList<int> Pages { get; init; } = [];
    public required string Message { get; init; }
    /// <summary>The narrative sentence a <c>narrative.</c> check read, as printed.</summary>
    public string? Quote { get; init; }
}
