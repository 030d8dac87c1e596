using System.Globalization;

namespace Extractor.Arithmetic;

/// <summary>
/// One amount of an identity: what it is, its value in 万元 (0 when blank), where it was printed, its sign, and the
/// cell it was read from (null when blank).
/// </summary>
public sealed record Term(string Label, decimal Value, int Page, bool Printed, int Sign = 1, CheckCell? Cell = null);

/// <summary>An identity evaluated in one column: printed total against the sum of its parts.</summary>
public sealed record ColumnOutcome(
    string Column, decimal Expected, decimal Actual, decimal Difference, decimal Tolerance, string Status, int Summands, IReadOnlyList<int> Pages)
{
    /// <summary>The printed cells the identity read in this column (the total, then the parts), with this column's status.</summary>
    public IReadOnlyList<CheckCell> Cells { get; init; } = [];
}

/// <summary>
/// Evaluates "total = Σ parts" with the rounding tolerance of the issue: half a unit of the table's last
/// printed digit per printed, non-zero summand (0.005 万元 each for a 万元 table with two decimals), at least one.
/// </summary>
public static class SumIdentity
{
    public static ColumnOutcome Evaluate(string column, Term total, IReadOnlyList<Term> parts, decimal halfUnit, int? summandsForTolerance = null)
    {
        var expected = parts.Sum(p => p.Sign * p.Value);
        var difference = total.Value - expected;
        var summands = summandsForTolerance ?? parts.Count(p => p.Printed && p.Value != 0);
        var tolerance = halfUnit * Math.Max(1, summands);
        var pages = parts.Where(p => p.Printed).Select(p => p.Page).Append(total.Page).Where(p => p > 0).Distinct().Order().ToList();
        var status = Tolerance.Status(difference, tolerance);
        var cells = new List<CheckCell>();
        if (total.Cell is { } t) cells.Add(t with { Role = CellRole.Total, Status = status });
        cells.AddRange(parts.Where(p => p.Cell is not null).Select(p => p.Cell! with { Role = CellRole.Part, Status = status }));
        return new ColumnOutcome(column, expected, total.Value, difference, tolerance, status, summands, pages) { Cells = cells };
    }

    /// <summary>
    /// One check from the identity's outcomes in several columns: the worst column gives status, expected, actual and
    /// difference; the message names the row, what its parts are, and every column that does not agree.
    /// </summary>
    public static CheckResult Combine(string id, IReadOnlyList<string> tables, string subject, string parts, IReadOnlyList<ColumnOutcome> outcomes)
    {
        var worst = outcomes.OrderByDescending(o => Tolerance.Rank(o.Status)).ThenByDescending(o => Math.Abs(o.Difference)).First();
        var pages = outcomes.SelectMany(o => o.Pages).Distinct().Order().ToList();
        string message;
        if (worst.Status == CheckStatus.Pass)
        {
            var columns = outcomes.Count == 1 ? worst.Column : $"{outcomes.Count} columns";
            message = $"{subject} = {parts}: {F(worst.Actual)} in {columns}, as printed.";
        }
        else
        {
            var others = outcomes.Where(o => o != worst && o.Difference != 0)
                .Select(o => $"{o.Column} {F(o.Actual)} vs {F(o.Expected)} ({o.Status})").ToList();
            var reason = worst.Status == CheckStatus.Warn ? "within rounding" : "more than rounding can explain";
            message = $"{subject} = {parts}: {worst.Column} printed {F(worst.Actual)}, the parts sum to {F(worst.Expected)} "
                + $"(difference {F(worst.Difference)}, {reason}: ±{F(worst.Tolerance)} for {Math.Max(1, worst.Summands)} printed amounts)."
                + (others.Count > 0 ? " Also: " + string.Join("; ", others) + "." : "");
        }
        return new CheckResult
        {
            Id = id,
            Tables = tables,
            Status = worst.Status,
            Expected = worst.Expected,
            Actual = worst.Actual,
            Difference = worst.Difference,
            Tolerance = worst.Tolerance,
            Pages = pages,
            Message = message,
            Cells = outcomes.SelectMany(o => o.Cells).ToList(),
        };
    }

    /// <summary>A decimal as a reviewer reads it (no exponent, no trailing noise).</summary>
    public static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
