using Extractor.Pdf;

namespace Extractor.Arithmetic;

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

    /// <summary>
    /// The printed amounts the check read, each with its table, page and box: what a reviewer looks at
    /// (the review page outlines them, the annotated PDF marks them). Empty for a check that read no cell.
    /// </summary>
    public IReadOnlyList<CheckCell> Cells { get; init; } = [];

    /// <summary>
    /// The table figure a narrative check held its sentence against, when it is one printed cell: the fact it is, so that
    /// the same figure can be found in another document (the previous year's, for a change "比上年…").
    /// </summary>
    public CheckFigure? Figure { get; init; }

    /// <summary>For a change "比上年增加 D": the previous year's amount the sentence implies (this year's ∓ D).</summary>
    public PriorAmount? Prior { get; init; }
}

/// <summary>
/// A table figure as a fact of facts.csv: its canonical table, section, code (empty for a 合计 or summary line), name as
/// read, canonical column, the amount in 万元 and the page it was read from.
/// </summary>
public sealed record CheckFigure(string Table, string Section, string Code, string Name, string Column, decimal Value, int Page);

/// <summary>
/// The amount a narrative sentence implies for an earlier period (万元), what its printed rounding allows it to be off by,
/// and what the sentence compares with: <see cref="Basis"/> is <c>上年</c> (the previous year's outturn or plan of the
/// same kind), <c>上年预算</c>, <c>上年执行数</c>, <c>上年决算</c>, or empty when the words name no earlier period; <see cref="Year"/> is the
/// year printed in the comparison ("与2023年度相比"), else null.
/// </summary>
public sealed record PriorAmount(decimal Value, decimal Tolerance, string Basis, int? Year);

/// <summary>Roles of a <see cref="CheckCell"/> in its check.</summary>
public static class CellRole
{
    /// <summary>The printed total of a sum identity.</summary>
    public const string Total = "total";
    /// <summary>A summand of a sum identity.</summary>
    public const string Part = "part";
    /// <summary>The side of a comparison of the same figure in two places that gives the check's <c>expected</c> value.</summary>
    public const string Expected = "expected";
    /// <summary>The side that gives the check's <c>actual</c> value.</summary>
    public const string Actual = "actual";
    /// <summary>The table figure a narrative check holds a sentence against (or an amount a fund table should not print).</summary>
    public const string Figure = "figure";
}

/// <summary>
/// One printed amount a check read: its table, the page and box it was read from (page space: origin at the top-left
/// of the displayed page, y down, points), its canonical column, its <see cref="CellRole"/> and the status of the
/// comparison it took part in (an identity checked in several columns has a status per column; the check's own status
/// is the worst of them).
/// </summary>
public sealed record CheckCell(string Table, int Page, Box Box, string Column, string Role, string Status);
