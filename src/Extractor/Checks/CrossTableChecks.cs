using Extractor.Rows;
using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// The tables against each other. The same figure printed in two tables must agree; when one of them is a
/// total that may have been added up from rounded figures, the difference rounding can explain grows with
/// the number of printed amounts under it (0.005 万元 each).
/// <list type="bullet">
/// <item>GK01 本年收入合计 = GK02 合计, and each GK01 income line = the GK02 合计 of its column (<c>GK01-GK02.total</c>, <c>GK01-GK02.source.*</c>);</item>
/// <item>GK01 本年支出合计 = GK03 合计, each GK01 expenditure line = its GK03 类 row (<c>GK01-GK03.total</c>, <c>GK01-GK03.class.*</c>);</item>
/// <item>GK04 income lines = the appropriation lines of GK01 (<c>GK04-GK01.income.*</c>);</item>
/// <item>GK04 expenditure by fund = GK05 (一般公共预算), GK07 (政府性基金), GK08 (国有资本经营), in total and by 类;
/// GK04 政府性基金 income and carry-over = GK07 (<c>GK04-GK05.*</c>, <c>GK04-GK07.*</c>, <c>GK04-GK08.*</c>);</item>
/// <item>GK05 基本支出 合计 = GK06 人员经费合计 + 公用经费合计 (<c>GK05-GK06.basic</c>);</item>
/// <item>GK06 30231 公务用车运行维护费 ≤ GK09 决算 公务用车运行费, which also counts project spending (<c>GK06-GK09.vehicle_running</c>).</item>
/// </list>
/// </summary>
public sealed class CrossTableChecks
{
    private readonly DocumentTables _tables;
    private readonly List<CheckResult> _results = [];

    private CrossTableChecks(DocumentTables tables) => _tables = tables;

    public static IReadOnlyList<CheckResult> Run(DocumentTables tables)
    {
        var checks = new CrossTableChecks(tables);
        checks.Gk01Gk02();
        checks.Gk01Gk03();
        checks.Gk04Gk01();
        checks.Gk04ByFund();
        checks.Gk05Gk06();
        checks.Gk06Gk09();
        return checks._results;
    }

    private bool Require(string id, params string[] tables)
    {
        if (_tables.SkippedUnlessPresent(id, tables) is not { } skipped) return true;
        _results.Add(skipped);
        return false;
    }

    /// <summary>A side of a summary table (GK01/GK04) by its key (income, expenditure).</summary>
    private static SummaryTableChecks.Side? SideOf(TableView table, string key)
    {
        var section = table.Template?.Summary?.FirstOrDefault(s => s.Key == key);
        if (section is null) return null;
        var side = SummaryTableChecks.Read(table, section);
        return side.Subtotal is null ? null : side;
    }

    private void Gk01Gk02()
    {
        if (!Require("GK01-GK02.total", "GK01", "GK02")) return;
        var gk01 = _tables["GK01"]!;
        var gk02 = _tables["GK02"]!;
        var income = SideOf(gk01, "income");
        var total = gk02.TotalRow;
        if (income is null || total is null) return;
        var column01 = gk01.AmountColumns.FirstOrDefault() ?? "金额";
        var totalColumn = gk02.ColumnFor(gk02.Template?.RowIdentities?.FirstOrDefault()?.Total ?? "本年收入合计");
        if (totalColumn is null) return;

        Add(Same("GK01-GK02.total", gk01, income.Subtotal!, column01, [income.Subtotal!], gk02, total, totalColumn,
            $"GK01 {income.Subtotal!.Name} and GK02 {total.Name} {totalColumn}"));

        foreach (var column in gk02.Template?.RowIdentities?.FirstOrDefault()?.Parts ?? [])
        {
            if (!gk02.HasColumn(column)) continue;
            var lines = income.Items.Where(r => Names.EndsWithAny(r.Name, [column])).ToList();
            if (lines.Count == 0) continue;
            var key = gk02.Template?.ColumnKeys?.GetValueOrDefault(column) ?? Names.Normalize(column);
            Add(Same($"GK01-GK02.source.{key}", gk01, null, column01, lines, gk02, total, column,
                $"GK01 {string.Join(" + ", lines.Select(l => l.Name))} and GK02 {total.Name} {column}"));
        }
    }

    private void Gk01Gk03()
    {
        if (!Require("GK01-GK03.total", "GK01", "GK03")) return;
        var gk01 = _tables["GK01"]!;
        var gk03 = _tables["GK03"]!;
        var expenditure = SideOf(gk01, "expenditure");
        if (expenditure is null) return;
        var column01 = gk01.AmountColumns.FirstOrDefault() ?? "金额";
        var totalColumn = gk03.ColumnFor(gk03.Template?.RowIdentities?.FirstOrDefault()?.Total ?? "本年支出合计");
        if (totalColumn is null) return;
        var total = gk03.TotalRow;
        if (total is not null)
        {
            Add(Same("GK01-GK03.total", gk01, expenditure.Subtotal!, column01, [expenditure.Subtotal!], gk03, total, totalColumn,
                $"GK01 {expenditure.Subtotal!.Name} and GK03 {total.Name} {totalColumn}"));
        }
        ByClass("GK01-GK03.class", gk01, expenditure.Items, column01, gk03, totalColumn);
    }

    private void Gk04Gk01()
    {
        if (!Require("GK04-GK01.income", "GK04", "GK01")) return;
        var gk04 = _tables["GK04"]!;
        var gk01 = _tables["GK01"]!;
        var income04 = SideOf(gk04, "income");
        var income01 = SideOf(gk01, "income");
        if (income04 is null || income01 is null) return;
        var column04 = SummaryTableChecks.ColumnsOf(gk04, income04.Section.Section).FirstOrDefault() ?? "决算数";
        var column01 = gk01.AmountColumns.FirstOrDefault() ?? "金额";
        foreach (var line in income04.Items)
        {
            var name = Names.Normalize(line.Name);
            if (name.Length == 0) continue;
            var match = income01.Items.Where(r => Names.Normalize(r.Name) == name || Names.Normalize(r.Name) == name + "收入").ToList();
            if (match.Count != 1) continue;
            Add(Same($"GK04-GK01.income.{FundKey(name)}", gk01, match[0], column01, match, gk04, line, column04,
                $"GK04 {line.Name} and GK01 {match[0].Name}"));
        }
    }

    private void Gk04ByFund()
    {
        if (!_tables.Has("GK04")) return;
        var gk04 = _tables["GK04"]!;
        var expenditure = SideOf(gk04, "expenditure");
        if (expenditure is null) return;
        var funds = new (string Column, string Table, string TargetColumn)[]
        {
            ("一般公共预算财政拨款", "GK05", "小计"),
            ("政府性基金预算财政拨款", "GK07", "小计"),
            ("国有资本经营预算财政拨款", "GK08", "合计"),
        };
        foreach (var (column, tableId, targetColumn) in funds)
        {
            if (!gk04.HasColumn(column)) continue;
            var family = $"GK04-{tableId}";
            if (!_tables.Has(tableId))
            {
                // Nothing to compare when GK04 has no amount of this fund.
                if (gk04.Rows.Any(r => r.Section == expenditure.Section.Section && gk04.Value(r, column) != 0)) Require($"{family}.total", "GK04", tableId);
                continue;
            }
            var target = _tables[tableId]!;
            var targetTotalColumn = target.ColumnFor(targetColumn) ?? target.ColumnFor(target.Template?.RowIdentities?.FirstOrDefault()?.Total ?? targetColumn);
            if (targetTotalColumn is null) continue;
            var total = target.TotalRow;
            if (total is not null)
            {
                Add(Same($"{family}.total", target, total, targetTotalColumn, [total], gk04, expenditure.Subtotal!, column,
                    $"GK04 {expenditure.Subtotal!.Name} {column} and {tableId} {total.Name} {targetTotalColumn}"));
            }
            ByClass($"{family}.class", gk04, expenditure.Items, column, target, targetTotalColumn);

            if (tableId == "GK07") Gk04Gk07Income(gk04, target, total);
        }
    }

    /// <summary>GK04 政府性基金 income of the year and carry-over = GK07 本年收入 and 年初结转和结余.</summary>
    private void Gk04Gk07Income(TableView gk04, TableView gk07, TableRow? total)
    {
        var income = SideOf(gk04, "income");
        if (income is null || total is null) return;
        var column04 = SummaryTableChecks.ColumnsOf(gk04, income.Section.Section).FirstOrDefault() ?? "决算数";
        var fund = "政府性基金预算财政拨款";
        var line = income.Items.FirstOrDefault(r => Names.Same(r.Name, fund) || Names.Same(r.Name, fund + "收入"));
        if (line is not null && gk07.HasColumn("本年收入"))
        {
            Add(Same("GK04-GK07.income", gk07, total, "本年收入", [total], gk04, line, column04, $"GK04 {line.Name} and GK07 {total.Name} 本年收入"));
        }
        foreach (var (balanceLine, breakdown) in income.BalanceLines)
        {
            var part = breakdown.FirstOrDefault(r => Names.Same(r.Name, fund));
            if (part is null || !gk07.HasColumn("年初结转和结余")) continue;
            Add(Same("GK04-GK07.carryover", gk07, total, "年初结转和结余", [total], gk04, part, column04,
                $"GK04 {balanceLine.Name} {part.Name} and GK07 {total.Name} 年初结转和结余"));
        }
    }

    private void Gk05Gk06()
    {
        if (!Require("GK05-GK06.basic", "GK05", "GK06")) return;
        var gk05 = _tables["GK05"]!;
        var gk06 = _tables["GK06"]!;
        var total = gk05.TotalRow;
        if (total is null || !gk05.HasColumn("基本支出")) return;
        var sectionRows = (gk06.Template?.SectionTotals ?? [])
            .Select(st => gk06.Rows.Where(r => r.Code.Length == 0 && st.Names.Any(n => Names.Same(r.Name, n))).OrderByDescending(r => r.Values.Count).FirstOrDefault())
            .OfType<TableRow>().ToList();
        if (sectionRows.Count == 0) return;
        var column06 = gk06.AmountColumns.FirstOrDefault() ?? "决算数";
        var actual = gk05.TermOf(total, "基本支出", "基本支出");
        var parts = sectionRows.Select(r => gk06.TermOf(r, column06, r.Name)).ToList();
        var outcome = SumIdentity.Evaluate("基本支出", actual, parts, Math.Max(gk05.HalfUnit, gk06.HalfUnit));
        Add(SumIdentity.Combine("GK05-GK06.basic", ["GK05", "GK06"], $"GK05 {total.Name} 基本支出", "GK06 " + string.Join(" + ", sectionRows.Select(r => r.Name)), [outcome]));
    }

    private void Gk06Gk09()
    {
        if (!Require("GK06-GK09.vehicle_running", "GK06", "GK09")) return;
        var gk06 = _tables["GK06"]!;
        var gk09 = _tables["GK09"]!;
        var row06 = gk06.Rows.FirstOrDefault(r => r.Code == "30231")
            ?? gk06.Rows.FirstOrDefault(r => r.Code.StartsWith("3023", StringComparison.Ordinal) && Names.Same(r.Name, "公务用车运行维护费"));
        var row09 = gk09.Rows.FirstOrDefault(r => r.Section == "决算数");
        if (row06 is null || row09 is null || !gk09.HasColumn("公务用车运行费")) return;
        var column06 = gk06.AmountColumns.FirstOrDefault() ?? "决算数";
        var v06 = gk06.Value(row06, column06);
        var v09 = gk09.Value(row09, "公务用车运行费");
        var difference = v09 - v06;
        var tolerance = Math.Max(gk06.HalfUnit, gk09.HalfUnit);
        string status;
        string message;
        if (difference == 0)
        {
            status = CheckStatus.Pass;
            message = $"GK06 {row06.Code} {row06.Name} and GK09 决算数 公务用车运行费 are both {SumIdentity.F(v09)}.";
        }
        else if (difference > 0)
        {
            status = CheckStatus.Pass;
            message = $"GK09 决算数 公务用车运行费 {SumIdentity.F(v09)} exceeds GK06 {row06.Code} {row06.Name} {SumIdentity.F(v06)} by {SumIdentity.F(difference)}: "
                + "GK09 also counts car running costs paid from project spending and other appropriations, GK06 only 一般公共预算 基本支出.";
        }
        else
        {
            status = -difference <= tolerance ? CheckStatus.Warn : CheckStatus.Fail;
            message = $"GK09 决算数 公务用车运行费 {SumIdentity.F(v09)} is less than GK06 {row06.Code} {row06.Name} {SumIdentity.F(v06)} "
                + $"(difference {SumIdentity.F(difference)}), though GK09 covers every appropriation and GK06 only 一般公共预算 基本支出.";
        }
        Add(new CheckResult
        {
            Id = "GK06-GK09.vehicle_running",
            Tables = ["GK06", "GK09"],
            Status = status,
            Expected = v06,
            Actual = v09,
            Difference = difference,
            Tolerance = tolerance,
            Pages = new[] { gk06.PageOf(row06, column06), gk09.PageOf(row09, "公务用车运行费") }.Distinct().Order().ToList(),
            Message = message,
            Cells = new[] { gk06.CellOf(row06, column06, CellRole.Expected, status), gk09.CellOf(row09, "公务用车运行费", CellRole.Actual, status) }.OfType<CheckCell>().ToList(),
        });
    }

    /// <summary>
    /// Lines of a summary side (named by 类) against the 类 rows of a coded table: every line with an amount, and every
    /// 类 row with an amount that no line names.
    /// </summary>
    private void ByClass(string family, TableView summary, IReadOnlyList<TableRow> lines, string summaryColumn, TableView coded, string codedColumn)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (Names.IsSubItem(line.Name) || line.Name.Length == 0) continue;
            var (code, row) = FunctionClasses.Match(line.Name, coded);
            if (code is null) continue;
            matched.Add(code);
            var lineValue = summary.Value(line, summaryColumn);
            if (row is null)
            {
                if (lineValue == 0) continue;
                if (LostRow(coded) is { } lost)
                {
                    Add(CheckList.Skipped($"{family}.{code}", [summary.Id, coded.Id],
                        $"Not compared: {coded.Id} prints no 类 {code} row while {summary.Id} gives {line.Name} {SumIdentity.F(lineValue)}, and {lost}: "
                        + "the row may have been lost in reading, so this is reported as a doubt about the reading, not as a difference in the document.",
                        [summary.PageOf(line, summaryColumn)]));
                    continue;
                }
                Add(Compare($"{family}.{code}", summary, line, summaryColumn, lineValue, coded, null, codedColumn, 0m, 1,
                    $"{summary.Id} {line.Name} {summaryColumn} and {coded.Id} 类 {code} (not printed, so 0)"));
                continue;
            }
            var rowValue = coded.Value(row, codedColumn);
            if (lineValue == 0 && rowValue == 0) continue;
            Add(Compare($"{family}.{code}", summary, line, summaryColumn, lineValue, coded, row, codedColumn, rowValue, coded.LeafCount(row, codedColumn),
                $"{summary.Id} {line.Name} {summaryColumn} and {coded.Id} 类 {row.Code} {row.Name} {codedColumn}"));
        }
        // Only a summary table that lists its spending by 类 (at least one line named one) can miss a 类.
        if (matched.Count == 0) return;
        foreach (var row in coded.RowsAt("类"))
        {
            if (matched.Contains(row.Code) || coded.Value(row, codedColumn) == 0) continue;
            // A 类 the summary table does not name at all: only a fail when we know its name and no line carries it.
            var name = FunctionClasses.NameOf(row.Code);
            if (name is null) continue;
            Add(Compare($"{family}.{row.Code}", summary, null, summaryColumn, 0m, coded, row, codedColumn, coded.Value(row, codedColumn), coded.LeafCount(row, codedColumn),
                $"{summary.Id} (no line for {row.Name}, so 0) and {coded.Id} 类 {row.Code} {row.Name} {codedColumn}"));
        }
    }

    /// <summary>
    /// Why a table may have lost a row in reading: its own grand total does not add up to its 类 rows. Null when the
    /// total holds (or was never checked).
    /// </summary>
    private static string? LostRow(TableView table)
    {
        var failed = table.Table.Reading?.FailedIdentities ?? [];
        return failed.Any(id => id == $"{table.Id}.hierarchy.total") ? $"{table.Id}'s own 合计 ≠ Σ 类" : null;
    }

    /// <summary>
    /// The same figure in two tables. <paramref name="aggregateRow"/>, when given, is the first table's row whose printed
    /// children set the rounding tolerance; the second table's row is compared through its own leaf count.
    /// </summary>
    private static CheckResult Same(string id, TableView a, TableRow? aggregateRow, string aColumn, IReadOnlyList<TableRow> aRows, TableView b, TableRow bRow, string bColumn, string subject)
    {
        var aValue = aRows.Sum(r => a.Value(r, aColumn));
        var aCount = aggregateRow is not null ? a.LeafCount(aggregateRow, aColumn) : aRows.Count(r => a.Value(r, aColumn) != 0);
        var bCount = b.LeafCount(bRow, bColumn);
        var aPage = aRows.Select(r => a.PageOf(r, aColumn)).FirstOrDefault();
        var cells = aRows.Select(r => a.CellOf(r, aColumn, CellRole.Expected)).Append(b.CellOf(bRow, bColumn, CellRole.Actual)).OfType<CheckCell>().ToList();
        return Build(id, a, b, aValue, a.Id, b.Value(bRow, bColumn), b.Id, Math.Max(aCount, bCount), Math.Max(a.HalfUnit, b.HalfUnit),
            [aPage, b.PageOf(bRow, bColumn)], subject, cells);
    }

    private static CheckResult Compare(string id, TableView a, TableRow? aRow, string aColumn, decimal aValue, TableView b, TableRow? bRow, string bColumn, decimal bValue, int summands, string subject)
    {
        var pages = new List<int>();
        var cells = new List<CheckCell?>();
        if (aRow is not null)
        {
            pages.Add(a.PageOf(aRow, aColumn));
            cells.Add(a.CellOf(aRow, aColumn, CellRole.Expected));
        }
        if (bRow is not null)
        {
            pages.Add(b.PageOf(bRow, bColumn));
            cells.Add(b.CellOf(bRow, bColumn, CellRole.Actual));
        }
        return Build(id, a, b, aValue, a.Id, bValue, b.Id, summands, Math.Max(a.HalfUnit, b.HalfUnit), pages, subject, cells.OfType<CheckCell>().ToList());
    }

    private static CheckResult Build(string id, TableView a, TableView b, decimal expected, string expectedTable, decimal actual, string actualTable, int summands, decimal halfUnit, IEnumerable<int> pages, string subject, IReadOnlyList<CheckCell> cells)
    {
        var tolerance = halfUnit * Math.Max(1, summands);
        var difference = actual - expected;
        var status = Tolerance.Status(difference, tolerance);
        var detail = status switch
        {
            CheckStatus.Pass => $"both {SumIdentity.F(actual)}.",
            CheckStatus.Warn => $"{expectedTable} {SumIdentity.F(expected)}, {actualTable} {SumIdentity.F(actual)}: difference {SumIdentity.F(difference)} is within rounding (±{SumIdentity.F(tolerance)}, {Math.Max(1, summands)} printed amounts).",
            _ => $"{expectedTable} {SumIdentity.F(expected)}, {actualTable} {SumIdentity.F(actual)}: difference {SumIdentity.F(difference)} is more than rounding can explain (±{SumIdentity.F(tolerance)}).",
        };
        return new CheckResult
        {
            Id = id,
            Tables = new[] { a.Id, b.Id }.Distinct().ToList(),
            Status = status,
            Expected = expected,
            Actual = actual,
            Difference = difference,
            Tolerance = tolerance,
            Pages = pages.Where(p => p > 0).Distinct().Order().ToList(),
            Message = $"{subject} should agree: {detail}",
            Cells = cells.Select(c => c with { Status = status }).ToList(),
        };
    }

    private void Add(CheckResult check) => _results.Add(check);

    private static string FundKey(string name) => name switch
    {
        _ when name.StartsWith("一般公共预算", StringComparison.Ordinal) => "general",
        _ when name.StartsWith("政府性基金", StringComparison.Ordinal) => "fund",
        _ when name.StartsWith("国有资本经营", StringComparison.Ordinal) => "state_capital",
        _ => name,
    };
}
