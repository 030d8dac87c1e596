using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Arithmetic;

/// <summary>
/// The two-sided summary tables (GK01 收入支出决算总表, GK04 财政拨款收入支出决算总表), from the template's
/// <c>summary</c>: on each side the items above the subtotal (本年收入合计 / 本年支出合计) sum to it; the grand
/// total (总计) = the subtotal + the balance lines printed between them (使用非财政拨款结余, 年初结转和结余 …); a
/// balance line's breakdown by fund, printed under it, sums to it; and the two sides' 总计 are equal. 其中 lines
/// are parts of the line above and are not added again.
/// Ids: <c>GK01.income.total</c>, <c>GK01.income.grand_total</c>, <c>GK04.income.carryover</c>, <c>GK01.balance</c>.
/// </summary>
public static partial class SummaryTableChecks
{
    /// <summary>One side of a summary table as printed: its items, subtotal, balance lines (with breakdowns) and grand total.</summary>
    public sealed record Side(
        SummarySection Section, IReadOnlyList<TableRow> Items, TableRow? Subtotal,
        IReadOnlyList<(TableRow Line, IReadOnlyList<TableRow> Breakdown)> BalanceLines, TableRow? GrandTotal);

    public static IEnumerable<CheckResult> Run(TableView table)
    {
        var sections = table.Template?.Summary ?? [];
        var results = new List<CheckResult>();
        var grands = new List<(Side Side, string Column)>();
        foreach (var section in sections)
        {
            var side = Read(table, section);
            if (side.Subtotal is null) continue;
            var columns = ColumnsOf(table, section.Section);
            if (columns.Count == 0) continue;
            var key = section.Key;

            results.Add(Check(table, $"{table.Id}.{key}.total", side.Subtotal, side.Items.Select(r => (r, 1)).ToList(), columns,
                $"Σ the {side.Items.Count} {section.Section} items above it"));

            foreach (var (line, breakdown) in side.BalanceLines)
            {
                if (breakdown.Count == 0) continue;
                if (!breakdown.Any(b => b.Values.Count > 0) && line.Values.Count == 0) continue;
                results.Add(Check(table, $"{table.Id}.{key}.carryover", line, breakdown.Select(r => (r, 1)).ToList(), columns,
                    $"Σ its {breakdown.Count} breakdown lines"));
            }

            if (side.GrandTotal is not null)
            {
                var parts = new List<(TableRow, int)> { (side.Subtotal, 1) };
                parts.AddRange(side.BalanceLines.Select(b => (b.Line, 1)));
                var what = side.Subtotal.Name + string.Concat(side.BalanceLines.Select(b => " + " + b.Line.Name));
                results.Add(Check(table, $"{table.Id}.{key}.grand_total", side.GrandTotal, parts, columns, what));
                grands.Add((side, SideTotalColumn(table, section.Section, columns)));
            }
        }

        // Budget summary tables (YS01, YS04) nest their items (一、财政拨款收入 over 1.一般公共预算 …): where the side numbers
        // its items 一、二、三 …, those items are one level and add up to the subtotal; a side that does not (items of
        // several levels printed alike) is not summed.
        foreach (var section in table.Template?.SummaryTotals ?? [])
        {
            // A side may print its items twice, side by side (Jiangsu's 支出 by 功能分类 and by 支出用途), each
            // block adding up to the same subtotal, whose label is merged across the blocks.
            var sectionRows = table.Rows.Where(r => r.Section == section.Section).ToList();
            foreach (var block in sectionRows.GroupBy(r => r.Group).Select(g => g.ToList()))
            {
                var blockSide = Read(block, section);
                if (blockSide.Subtotal is null) continue;
                TableRow Printed(TableRow row) => row.Values.Count > 0 ? row
                    : sectionRows.FirstOrDefault(r => r.Values.Count > 0 && Names.Same(r.Name, row.Name)) ?? row;
                SumNumberedItems(table, results, section, blockSide with
                {
                    Subtotal = Printed(blockSide.Subtotal),
                    GrandTotal = blockSide.GrandTotal is null ? null : Printed(blockSide.GrandTotal),
                    BalanceLines = blockSide.BalanceLines.Select(b => (Printed(b.Line), b.Breakdown)).ToList(),
                });
            }
        }

        if (grands.Count == 2)
        {
            var (income, incomeColumn) = grands[0];
            var (expenditure, expenditureColumn) = grands[1];
            var actual = table.TermOf(expenditure.GrandTotal!, expenditureColumn, expenditureColumn);
            var expected = table.TermOf(income.GrandTotal!, incomeColumn, incomeColumn);
            var outcome = SumIdentity.Evaluate(expenditureColumn, actual, [expected], table.HalfUnit);
            // Two sides of one balance, not a total and its part.
            outcome = outcome with
            {
                Cells = outcome.Cells.Select(c => c with { Role = c.Role == CellRole.Total ? CellRole.Actual : CellRole.Expected }).ToList(),
            };
            results.Add(SumIdentity.Combine($"{table.Id}.balance", [table.Id],
                $"{table.Id} {expenditure.Section.Section} {expenditure.GrandTotal!.Name}", $"{income.Section.Section} {income.GrandTotal!.Name}", [outcome]));
        }
        return results;
    }

    /// <summary>
    /// The numbered items of one block of a nesting summary side (一、二 …) against its subtotal, and the grand total against
    /// the subtotal and the balance lines after it; nothing where the block does not number all its items.
    /// </summary>
    private static void SumNumberedItems(TableView table, List<CheckResult> results, SummarySection section, Side side)
    {
        var top = side.Items.Where(r => TopLevel().IsMatch(r.NamePrinted)).ToList();
        if (top.Count < 2 || top.Count < side.Items.Count(r => r.Values.Count > 0 && !Nested(side.Items, r))) return;
        var columns = ColumnsOf(table, section.Section);
        if (columns.Count == 0 || side.Subtotal is null) return;
        results.Add(Check(table, $"{table.Id}.{section.Key}.total", side.Subtotal, top.Select(r => (r, 1)).ToList(), columns,
            $"Σ the {top.Count} numbered {section.Section} items above it (一、二 …; the lines under them are their parts)"));
        // The grand total = the subtotal + the balance lines, unless those lines break a balance down by fund (上年结转
        // over 一般公共预算拨款 …, printed alike): then which lines are parts cannot be told.
        var lines = WithoutBreakdowns(table, side.BalanceLines.Select(b => b.Line).ToList(), columns);
        if (side.GrandTotal is not null && !lines.Any(l => l.Name.Contains("预算", StringComparison.Ordinal)))
        {
            var parts = new List<(TableRow, int)> { (side.Subtotal, 1) };
            parts.AddRange(lines.Select(l => (l, 1)));
            var what = side.Subtotal.Name + string.Concat(lines.Select(l => " + " + l.Name));
            results.Add(Check(table, $"{table.Id}.{section.Key}.grand_total", side.GrandTotal, parts, columns, what));
        }
    }

    /// <summary>
    /// Balance lines less those that break the line above them down (上年结余、结转 396.83 over 财政拨款结余、结转 396.83 and
    /// 非财政拨款结余、结转 0.00): lines that add up exactly, as printed, to the line before them are its parts.
    /// </summary>
    private static List<TableRow> WithoutBreakdowns(TableView table, List<TableRow> lines, IReadOnlyList<string> columns)
    {
        var kept = new List<TableRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            kept.Add(lines[i]);
            for (var j = lines.Count - 1; j >= i + 2; j--)
            {
                var adds = columns.Any(c => table.Raw(lines[i], c) is not null) && columns.All(c =>
                    table.Value(lines[i], c) == Enumerable.Range(i + 1, j - i).Sum(k => table.Value(lines[k], c)));
                if (!adds) continue;
                i = j;
                break;
            }
        }
        return kept;
    }

    /// <summary>An item numbered at the top level: 一、 二、 … (not 1. or （一）, which number the lines under one).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[一二三四五六七八九十]+[、.．]")]
    private static partial System.Text.RegularExpressions.Regex TopLevel();

    /// <summary>Whether an unnumbered item stands under a numbered one (its part), i.e. after some numbered item.</summary>
    private static bool Nested(IReadOnlyList<TableRow> items, TableRow row)
    {
        if (TopLevel().IsMatch(row.NamePrinted)) return false;
        var index = -1;
        for (var i = 0; i < items.Count; i++) if (ReferenceEquals(items[i], row)) index = i;
        return index > 0 && items.Take(index).Any(r => TopLevel().IsMatch(r.NamePrinted));
    }

    /// <summary>Reads one side of the table in printed order.</summary>
    public static Side Read(TableView table, SummarySection section) =>
        Read(table.Rows.Where(r => r.Section == section.Section).ToList(), section);

    /// <summary>Reads one side from its rows, in printed order.</summary>
    private static Side Read(List<TableRow> rows, SummarySection section)
    {
        var subtotalIndex = rows.FindIndex(r => section.Subtotal.Any(n => Names.Same(r.Name, n)));
        if (subtotalIndex < 0) return new Side(section, [], null, [], null);
        var grandIndex = rows.FindIndex(subtotalIndex + 1, r => section.GrandTotal.Any(n => Names.Same(r.Name, n)));
        var items = rows.Take(subtotalIndex).Where(r => !Names.IsSubItem(r.Name) && (r.Name.Length > 0 || r.Values.Count > 0)).ToList();
        var itemNames = items.Select(r => Names.Normalize(r.Name)).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

        var balance = new List<(TableRow Line, List<TableRow> Breakdown)>();
        var end = grandIndex < 0 ? rows.Count : grandIndex;
        for (var i = subtotalIndex + 1; i < end; i++)
        {
            var row = rows[i];
            if (Names.IsSubItem(row.Name)) continue;
            var isBreakdown = balance.Count > 0 && (row.Name.Length == 0 || itemNames.Contains(Names.Normalize(row.Name)));
            if (isBreakdown)
            {
                if (row.Name.Length > 0 || row.Values.Count > 0) balance[^1].Breakdown.Add(row);
                continue;
            }
            if (row.Name.Length == 0 && row.Values.Count == 0) continue;
            balance.Add((row, []));
        }
        return new Side(section, items, rows[subtotalIndex],
            balance.Select(b => (b.Line, (IReadOnlyList<TableRow>)b.Breakdown)).ToList(), grandIndex < 0 ? null : rows[grandIndex]);
    }

    /// <summary>The amount columns printed on a side (GK04 支出: 小计 and the fund columns).</summary>
    public static IReadOnlyList<string> ColumnsOf(TableView table, string section) =>
        table.Rows.Where(r => r.Section == section).SelectMany(r => r.Values).Select(v => v.Column).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } found
            ? found
            : table.Template?.Columns.Where(c => c.Section == section).Select(c => c.Name).Where(table.HasColumn).ToList() ?? [];

    /// <summary>The column holding a side's totals: the total of a row identity for that side (小计), else its first column.</summary>
    public static string SideTotalColumn(TableView table, string section, IReadOnlyList<string> columns)
    {
        var identity = table.Template?.RowIdentities?.FirstOrDefault(i => i.Section == section && columns.Contains(i.Total));
        return identity?.Total ?? columns[0];
    }

    private static CheckResult Check(TableView table, string id, TableRow total, IReadOnlyList<(TableRow Row, int Sign)> parts, IReadOnlyList<string> columns, string what)
    {
        var outcomes = new List<ColumnOutcome>();
        foreach (var column in columns)
        {
            if (table.Raw(total, column) is null && parts.All(p => table.Raw(p.Row, column) is null)) continue;
            var t = table.TermOf(total, column, column);
            var terms = parts.Select(p => table.TermOf(p.Row, column, p.Row.Name, p.Sign)).ToList();
            outcomes.Add(SumIdentity.Evaluate(column, t, terms, table.HalfUnit));
        }
        if (outcomes.Count == 0)
        {
            outcomes.Add(new ColumnOutcome(columns[0], 0, 0, 0, table.HalfUnit, CheckStatus.Pass, 0, [total.Page]));
        }
        return SumIdentity.Combine(id, [table.Id], $"{table.Id} {total.Section} {total.Name}", what, outcomes);
    }
}
