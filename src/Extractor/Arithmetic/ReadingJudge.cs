using System.Text.RegularExpressions;
using Extractor.Recognition;
using Extractor.Rows;

namespace Extractor.Arithmetic;

/// <summary>
/// Chooses between readings of one table by its own arithmetic. The tables are sums: a reading that puts a column
/// boundary in the wrong place, reads a code as an amount or drops a row breaks identities that the right reading
/// keeps. The reading as detected is kept unless another reading of the same printed figures holds more identities
/// without breaking more and without reading fewer amounts; printed values are never altered, only their placement
/// is chosen. The kept reading is marked doubtful when the evidence still speaks against it.
/// </summary>
public static partial class ReadingJudge
{
    /// <summary>One reading of a table: its name and its rows.</summary>
    public sealed record Candidate(string Name, ExtractedTable Table);

    /// <summary>The reading kept and the record of how the table was read.</summary>
    public sealed record Judgement(string Kept, ExtractedTable Table);

    private sealed record Assessment(Candidate Candidate, int Held, int Failed, IReadOnlyList<CheckResult> FailedChecks, int Read)
    {
        public IReadOnlyList<string> FailedIds => FailedChecks.Select(c => c.Id).ToList();
    }

    /// <summary>
    /// Judges the detected reading of a table; when its arithmetic or its amounts fall short, the other readings
    /// <paramref name="alternatives"/> gives (asked for only then) are judged too and the best is kept.
    /// </summary>
    public static Judgement Choose(ExtractedTable detected, Func<IEnumerable<Candidate>> alternatives)
    {
        var printed = PrintedAmounts(detected.Source);
        var first = Assess(new Candidate(TableReading.AsDetected, detected));
        var tried = new List<Assessment> { first };
        var best = first;
        if (first.Failed > 0 || first.Read < printed)
        {
            foreach (var candidate in alternatives())
            {
                var assessment = Assess(candidate);
                tried.Add(assessment);
                if (Better(assessment, best)) best = assessment;
            }
        }

        var reason = string.Empty;
        if (tried.Count > 1)
        {
            reason = best == first
                ? $"no other reading tried did better ({string.Join("; ", tried.Skip(1).Select(Describe))})"
                : $"{Describe(best)}, where the reading as detected gave {Describe(first)}";
        }
        var reading = new TableReading
        {
            Kept = best.Candidate.Name,
            Reason = reason,
            IdentitiesHeld = best.Held,
            IdentitiesFailed = best.Failed,
            FailedIdentities = best.FailedIds,
            AmountsPrinted = printed,
            AmountsRead = best.Read,
            GridConfidence = best.Candidate.Table.Source.Confidence,
            Tried = tried.Select(a => new ReadingAlternative(a.Candidate.Name, a.Held, a.Failed, a.Read, a == best)).ToList(),
        };
        reading = reading with { Doubt = DoubtOf(reading, OneCellExplains(best.FailedChecks)) };
        return new Judgement(best.Candidate.Name, best.Candidate.Table with { Reading = reading });
    }

    /// <summary>Why a reading is not to be trusted, or null when nothing says so.</summary>
    internal static string? DoubtOf(TableReading reading, bool oneCellExplains = false)
    {
        if (reading.AmountsPrinted > 0 && reading.AmountsRead == 0)
            return $"none of the {reading.AmountsPrinted} amounts its body prints was read";
        if (reading.AmountsPrinted >= 5 && reading.AmountsRead < 0.8 * reading.AmountsPrinted)
            return $"only {reading.AmountsRead} of the {reading.AmountsPrinted} amounts its body prints were read";
        // One wrong printed figure breaks every identity it takes part in (its row, its parent, the total): that is the
        // document's error, which the checks report, not a sign that the table was misread.
        if (reading.IdentitiesFailed >= 2 && reading.IdentityShare < 0.75 && !oneCellExplains)
            return $"only {reading.IdentitiesHeld} of its {reading.IdentitiesHeld + reading.IdentitiesFailed} identities hold under the best reading tried";
        if (reading.GridConfidence < 0.8)
            return $"{Math.Round((1 - reading.GridConfidence) * 100)}% of its text crosses the column boundaries found";
        return null;
    }

    /// <summary>Whether one printed cell takes part, with a failing status, in every failing identity.</summary>
    private static bool OneCellExplains(IReadOnlyList<CheckResult> failed)
    {
        if (failed.Count == 0) return false;
        HashSet<(int, Pdf.Box)>? common = null;
        foreach (var check in failed)
        {
            var cells = check.Cells.Where(c => c.Status == CheckStatus.Fail).Select(c => (c.Page, c.Box)).ToHashSet();
            if (common is null) common = cells;
            else common.IntersectWith(cells);
            if (common.Count == 0) return false;
        }
        return common is { Count: > 0 };
    }

    private static Assessment Assess(Candidate candidate)
    {
        var checks = TableArithmetic.Evaluate(candidate.Table);
        var failed = checks.Where(c => c.Status == CheckStatus.Fail).ToList();
        var held = checks.Count(c => c.Status is CheckStatus.Pass or CheckStatus.Warn);
        // Amounts are printed with their decimals; where a table prints them so, an integer read as an amount is a code
        // or a 栏次 number in the wrong column, and a reading does not gain by it.
        var values = candidate.Table.Rows.SelectMany(r => r.Values).ToList();
        var read = values.Any(v => v.Value.Scale > 0) ? values.Count(v => v.Value.Scale > 0) : values.Count;
        return new Assessment(candidate, held, failed.Count, failed, read);
    }

    /// <summary>
    /// Whether <paramref name="a"/> beats <paramref name="b"/>: a reading that reads amounts where the other read none;
    /// else one that breaks fewer identities while holding as many and reading as many amounts, or holds more
    /// without breaking more or reading fewer.
    /// </summary>
    private static bool Better(Assessment a, Assessment b)
    {
        if (b.Read == 0) return a.Read > 0 && a.Held >= a.Failed;
        if (a.Read < b.Read) return false;
        if (a.Failed < b.Failed && a.Held >= b.Held) return true;
        if (a.Failed <= b.Failed && a.Held > b.Held) return true;
        return false;
    }

    private static string Describe(Assessment a) =>
        $"'{a.Candidate.Name}': {a.Held} of {a.Held + a.Failed} identities hold, {a.Read} amounts read";

    /// <summary>
    /// The figures a table's body prints: cells with a decimal number or a number with thousands separators anywhere,
    /// and any number in a column read as amounts (栏次 rows left out).
    /// </summary>
    internal static int PrintedAmounts(RecognizedTable table)
    {
        var amountColumns = table.Columns.Where(c => c.Role == ColumnRole.Amount).Select(c => c.Index).ToHashSet();
        var count = 0;
        foreach (var part in table.Parts)
        {
            var grid = part.Grid;
            for (var r = part.BodyStart; r < grid.Rows; r++)
            {
                if (HeaderAnalyzer.IsColumnNumberRow(grid, r)) continue;
                foreach (var cell in grid.CellsInRow(r))
                {
                    if (cell.Row != r || cell.IsEmpty) continue;
                    var text = cell.Text.Replace(" ", "");
                    if (Figure().IsMatch(text) || (amountColumns.Contains(cell.Column) && AmountParser.TryParse(text, out _, out _) == Rows.AmountParser.Outcome.Value))
                        count++;
                }
            }
        }
        return count;
    }

    [GeneratedRegex(@"^[-(（]?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)[)）]?%?$")]
    private static partial Regex Figure();
}
