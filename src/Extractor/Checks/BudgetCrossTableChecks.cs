using Extractor.Arithmetic;
namespace Extractor.Checks;

/// <summary>
/// The budget tables against each other (ids as for final accounts, with the YS ids):
/// <list type="bullet">
/// <item>YS01 本年收入合计 = YS02 合计 row (<c>YS01-YS02.total</c>); YS01 本年支出合计 = YS03 合计 row (<c>YS01-YS03.total</c>);</item>
/// <item>YS04 支出 by fund = YS05 (一般公共预算), YS08 (政府性基金), YS09 (国有资本经营) totals (<c>YS04-YS05.total</c> …);</item>
/// <item>YS05 合计 基本支出 = YS06 合计 (<c>YS05-YS06.basic</c>).</item>
/// </list>
/// A figure printed in two tables must be the same figure: equal is <c>pass</c>, within half a unit of
/// the last printed digit <c>warn</c>, otherwise <c>fail</c>.
/// </summary>
public sealed class BudgetCrossTableChecks
{
    private readonly DocumentTables _tables;
    private readonly List<CheckResult> _results = [];

    private BudgetCrossTableChecks(DocumentTables tables) => _tables = tables;

    public static IReadOnlyList<CheckResult> Run(DocumentTables tables)
    {
        var checks = new BudgetCrossTableChecks(tables);
        checks.SummaryAgainstClassified("YS01-YS02.total", "income", "YS02", "合计");
        checks.SummaryAgainstClassified("YS01-YS03.total", "expenditure", "YS03", "合计");
        checks.FundAgainstTable("YS04-YS05.total", "一般公共预算", "YS05");
        checks.FundAgainstTable("YS04-YS08.total", "政府性基金预算", "YS08");
        checks.FundAgainstTable("YS04-YS09.total", "国有资本经营预算", "YS09");
        checks.BasicExpenditure();
        return checks._results;
    }

    private bool Require(string id, params string[] ids)
    {
        if (_tables.SkippedUnlessPresent(id, ids) is not { } skipped) return true;
        _results.Add(skipped);
        return false;
    }

    /// <summary>
    /// YS01's 本年收入合计 (本年支出合计) against the 合计 row of YS02 (YS03). Some templates' YS02 合计
    /// includes the carry-over (上年结转) and so equals YS01's 收入总计 instead: the nearer of the two is
    /// the figure it should equal.
    /// </summary>
    private void SummaryAgainstClassified(string id, string sideKey, string other, string column)
    {
        if (!Require(id, "YS01", other)) return;
        var ys01 = _tables["YS01"]!;
        var table = _tables[other]!;
        var section = ys01.Template?.SummaryTotals?.FirstOrDefault(s => s.Key == sideKey);
        if (section is null) return;
        var side = SummaryTableChecks.Read(ys01, section);
        var total = table.TotalRow;
        var amountColumn = ys01.AmountColumns.FirstOrDefault();
        var otherColumn = table.ColumnFor(column);
        if (side.Subtotal is null || total is null || amountColumn is null || otherColumn is null || table.Raw(total, otherColumn) is not { } target) return;
        var candidates = new[] { side.Subtotal, side.GrandTotal }.OfType<Rows.TableRow>()
            .Where(r => ys01.Raw(r, amountColumn) is not null).ToList();
        if (candidates.Count == 0) return;
        var row = candidates.MinBy(r => Math.Abs(ys01.Raw(r, amountColumn)!.Value - target))!;
        Same(id, ys01, row, amountColumn, table, total, otherColumn, $"YS01 {row.Name} and {other} {total.Name} {otherColumn}");
    }

    /// <summary>YS04's 本年支出合计 in one fund's column against that fund's expenditure table total.</summary>
    private void FundAgainstTable(string id, string fundColumn, string other)
    {
        if (!_tables.Has("YS04") || !_tables.Has(other)) return;
        var ys04 = _tables["YS04"]!;
        var table = _tables[other]!;
        var section = ys04.Template?.SummaryTotals?.FirstOrDefault(s => s.Key == "expenditure");
        if (section is null) return;
        var side = SummaryTableChecks.Read(ys04, section);
        var column = ys04.ColumnFor(fundColumn);
        var total = table.TotalRow;
        var otherColumn = table.ColumnFor("合计");
        if (side.Subtotal is null || column is null || total is null || otherColumn is null || ys04.Raw(side.Subtotal, column) is null) return;
        Same(id, ys04, side.Subtotal, column, table, total, otherColumn, $"YS04 {side.Subtotal.Name} {column} and {other} {total.Name}");
    }

    private void BasicExpenditure()
    {
        if (!Require("YS05-YS06.basic", "YS05", "YS06")) return;
        var ys05 = _tables["YS05"]!;
        var ys06 = _tables["YS06"]!;
        var total05 = ys05.TotalRow;
        var total06 = ys06.TotalRow;
        var basic = ys05.ColumnFor("基本支出");
        var sum06 = ys06.ColumnFor("合计");
        if (total05 is null || total06 is null || basic is null || sum06 is null) return;
        Same("YS05-YS06.basic", ys05, total05, basic, ys06, total06, sum06, "YS05 合计 基本支出 and YS06 合计");
    }

    private void Same(string id, TableView a, Rows.TableRow rowA, string columnA, TableView b, Rows.TableRow rowB, string columnB, string subject)
    {
        var valueA = a.Raw(rowA, columnA);
        var valueB = b.Raw(rowB, columnB);
        if (valueA is null || valueB is null) return;
        var difference = valueA.Value - valueB.Value;
        var tolerance = Math.Max(a.HalfUnit, b.HalfUnit);
        var status = Tolerance.Status(difference, tolerance);
        var pages = new[] { a.PageOf(rowA, columnA), b.PageOf(rowB, columnB) }.Distinct().Order().ToList();
        _results.Add(new CheckResult
        {
            Id = id,
            Tables = [a.Id, b.Id],
            Status = status,
            Expected = valueB,
            Actual = valueA,
            Difference = difference,
            Tolerance = tolerance,
            Pages = pages,
            Message = status == CheckStatus.Pass
                ? $"{subject} agree: {SumIdentity.F(valueA.Value)}."
                : $"{subject} should be one figure: {SumIdentity.F(valueA.Value)} against {SumIdentity.F(valueB.Value)} (difference {SumIdentity.F(difference)}{(status == CheckStatus.Warn ? ", within rounding" : "")}).",
        });
    }
}
