using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Arithmetic;

/// <summary>
/// The identities a table's template defines, evaluated on its rows: row totals, 合计 = Σ 类, 类 = Σ 款 = Σ 项,
/// section and side totals. The consistency checks report them; the reader uses the same evaluation to choose
/// between readings of a table and to say how far a reading can be trusted.
/// </summary>
public static class TableArithmetic
{
    /// <summary>The families of within-table identities, in report order.</summary>
    public static IReadOnlyList<(string Family, Func<TableView, IEnumerable<CheckResult>> Run)> Families { get; } =
    [
        ("rows", RowIdentityChecks.Run),
        ("hierarchy", HierarchyChecks.Run),
        ("summary", SummaryTableChecks.Run),
    ];

    /// <summary>
    /// Every within-table identity of a table, evaluated. Rows whose codes have not been repaired yet are placed by
    /// their printed code (a cut 6-digit code counts as a 项 under the 款 its digits name).
    /// </summary>
    public static IReadOnlyList<CheckResult> Evaluate(ExtractedTable table)
    {
        var view = new TableView(Provisional(table));
        var results = new List<CheckResult>();
        foreach (var (_, run) in Families)
        {
            try
            {
                results.AddRange(run(view));
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // A family that cannot evaluate this reading gives no evidence either way; the checks report the bug
                // on the reading that is kept.
            }
        }
        return results;
    }

    /// <summary>The table with each unrepaired coded row given its printed code and the level its length says.</summary>
    internal static ExtractedTable Provisional(ExtractedTable table)
    {
        var system = CodeLevels.SystemOf(table.Source.Template?.Codes);
        if (system is null || table.Rows.All(r => r.CodeLevel.Length > 0 || r.CodePrinted.Length == 0)) return table;
        var rows = table.Rows.Select(r =>
        {
            if (r.CodeLevel.Length > 0 || r.CodePrinted.Length == 0 || !r.CodePrinted.All(char.IsAsciiDigit)) return r;
            // Parts of a split code printed without their 类 (款 | 项 under the row that prints it) are placed by the
            // repairer, not here.
            if (r.CodeParts.Count > 0 && r.CodeParts[0].Level is "款" or "项") return r;
            return r with { Code = r.CodePrinted, CodeLevel = CodeLevels.LevelOf(r.CodePrinted, system.Value) };
        }).ToList();
        return table with { Rows = rows };
    }
}
