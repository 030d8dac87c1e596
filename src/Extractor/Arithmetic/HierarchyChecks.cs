using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Arithmetic;

/// <summary>
/// Within a coded table: 合计 = Σ 类, each 类 = Σ its 款, each 款 = Σ its 项, in every amount column, children found
/// by code prefix. A code printed cut short still names its parent when it keeps the parent's digits (<c>208050</c> is
/// under 20805); when a child's code is too short to name its parent, or a parent's own code is cut short, that level is
/// skipped rather than guessed. GK06 also: each section total (人员经费合计, 公用经费合计) = Σ the 类 rows of its section.
/// Ids: <c>GK03.hierarchy.total</c>, <c>GK03.hierarchy.208</c>, <c>GK06.section.personnel</c>.
/// </summary>
public static class HierarchyChecks
{
    private static readonly string[] Levels = ["类", "款", "项"];

    public static IEnumerable<CheckResult> Run(TableView table)
    {
        var system = CodeLevels.SystemOf(table.Template?.Codes);
        if (system is null) return [];
        var results = new List<CheckResult>();
        // Shares printed in % (比上年增减%) do not add up over the rows.
        var columns = table.AmountColumns.Where(c => !table.Rows.Any(r => r.Values.Any(v => v.Column == c && v.Unit == "%"))).ToList();

        // 合计 = Σ 类
        var total = table.TotalRow;
        var classes = table.RowsAt("类").ToList();
        if (total is not null && classes.Count > 0 && (table.Template?.SectionTotals is not { Count: > 0 }))
        {
            results.Add(Check(table, $"{table.Id}.hierarchy.total", total, classes, columns, "Σ 类 rows"));
        }

        // 类 = Σ 款, 款 = Σ 项
        var lengths = system == CodeSystem.Function ? new[] { 3, 5, 7 } : [3, 5];
        for (var level = 0; level + 1 < lengths.Length; level++)
        {
            var parentLength = lengths[level];
            var parents = table.RowsAt(Levels[level]).ToList();
            var children = table.RowsAt(Levels[level + 1]).ToList();
            if (parents.Count == 0 || children.Count == 0) continue;
            // A child whose printed code is shorter than its parent's cannot be placed: skip the level.
            if (children.Any(c => c.Code.Length < parentLength)) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var printedTwice = parents.GroupBy(p => p.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            foreach (var parent in parents)
            {
                if (parent.Code.Length != parentLength) continue; // the parent's own code is cut short
                // A parent printed more than once (301 under 501 and again under 505 where two
                // classifications stand side by side) owns the rows printed under it, not every row of its prefix.
                var mine = printedTwice.Contains(parent.Code)
                    ? RowsUnder(table, parent, level).Where(c => c.CodeLevel == Levels[level + 1] && c.Code.StartsWith(parent.Code, StringComparison.Ordinal)).ToList()
                    : children.Where(c => c.Code.StartsWith(parent.Code, StringComparison.Ordinal)).ToList();
                if (mine.Count == 0) continue;
                // Deeper rows whose own 款 is not printed: the printed children are not all of the parent.
                var childLevel = Levels[level + 1];
                if (table.Rows.Any(r => r.Code.StartsWith(parent.Code, StringComparison.Ordinal) && r.CodeLevel != childLevel && r.CodeLevel != Levels[level]
                        && !mine.Any(c => r.Code.StartsWith(c.Code, StringComparison.Ordinal)))) continue;
                if (!printedTwice.Contains(parent.Code) && !seen.Add(parent.Code)) continue;
                var unresolved = mine.Count(c => c.CodeRepair == "unresolved");
                var what = $"Σ its {mine.Count} {Levels[level + 1]} rows" + (unresolved > 0 ? $" ({unresolved} with codes printed cut short, placed by their printed digits)" : "");
                results.Add(Check(table, $"{table.Id}.hierarchy.{parent.Code}", parent, mine, columns, what));
            }
        }

        // Section totals (GK06)
        foreach (var sectionTotal in table.Template?.SectionTotals ?? [])
        {
            var totalRows = table.Rows.Where(r => r.Code.Length == 0 && sectionTotal.Names.Any(n => Names.Same(r.Name, n))).ToList();
            if (totalRows.Count == 0) continue;
            var row = totalRows.FirstOrDefault(r => r.Values.Count > 0) ?? totalRows[0];
            var parts = table.RowsAt("类").Where(r => r.Section == sectionTotal.Section).ToList();
            var level = "类";
            if (parts.Count == 0)
            {
                parts = table.Rows.Where(r => r.Code.Length > 0 && r.Section == sectionTotal.Section).ToList();
                level = "款";
            }
            if (parts.Count == 0 && row.Values.Count == 0) continue;
            var codes = string.Join(" + ", parts.Select(p => p.Code).Distinct());
            results.Add(Check(table, $"{table.Id}.section.{sectionTotal.Key}", row, parts, columns,
                parts.Count == 0 ? $"Σ {level} rows of {sectionTotal.Section} (none printed)" : $"Σ {level} rows of {sectionTotal.Section} ({codes})"));
        }

        // GK06 grand total (合计 = Σ section totals), where one is printed.
        if (table.Template?.SectionTotals is { Count: > 0 } totals && total is not null && total.Values.Count > 0)
        {
            var sectionRows = totals
                .Select(st => table.Rows.Where(r => r.Code.Length == 0 && st.Names.Any(n => Names.Same(r.Name, n))).OrderByDescending(r => r.Values.Count).FirstOrDefault())
                .OfType<TableRow>().ToList();
            if (sectionRows.Count == totals.Count)
            {
                results.Add(Check(table, $"{table.Id}.hierarchy.total", total, sectionRows, columns, "Σ section totals"));
            }
        }
        return results;
    }

    /// <summary>The rows printed under a parent: those after it, of its column group, down to the next row at its level or above.</summary>
    private static IEnumerable<TableRow> RowsUnder(TableView table, TableRow parent, int level)
    {
        var rows = table.Rows.Where(r => r.Group == parent.Group).ToList();
        foreach (var row in rows.Skip(rows.IndexOf(parent) + 1))
        {
            if (row.Code.Length == 0 || Array.IndexOf(Levels, row.CodeLevel) <= level) yield break;
            yield return row;
        }
    }

    private static CheckResult Check(TableView table, string id, TableRow parent, IReadOnlyList<TableRow> children, IReadOnlyList<string> columns, string what)
    {
        var outcomes = new List<ColumnOutcome>();
        foreach (var column in columns)
        {
            if (table.Raw(parent, column) is null && children.All(c => table.Raw(c, column) is null)) continue;
            var total = table.TermOf(parent, column, column);
            var parts = children.Select(c => table.TermOf(c, column, TableView.Describe(c))).ToList();
            outcomes.Add(SumIdentity.Evaluate(column, total, parts, table.HalfUnit));
        }
        if (outcomes.Count == 0)
        {
            outcomes.Add(new ColumnOutcome(columns.FirstOrDefault() ?? "", 0, 0, 0, table.HalfUnit, CheckStatus.Pass, 0, [parent.Page]));
        }
        return SumIdentity.Combine(id, [table.Id], $"{table.Id} {TableView.Describe(parent)}", what, outcomes);
    }
}
