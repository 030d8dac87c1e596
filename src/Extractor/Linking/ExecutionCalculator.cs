using Extractor.Rows;

namespace Extractor.Linking;

/// <summary>
/// Execution rates (执行率): for a final and the budget of its key and year, each function code of each
/// <see cref="ExecutionMeasure"/> and each “三公” item with its budget, its outturn and final / budget; and for a final
/// alone, the same against the budget it prints itself (GK09 预算数; a 年初预算数 column of GK03/GK05). A code printed on one
/// side only is a row of its own, flagged, without a rate.
/// </summary>
public static class ExecutionCalculator
{
    /// <summary>Rates are final / budget rounded half away from zero to this many decimals (0.9820 is 98.20%).</summary>
    public const int RateDecimals = 4;

    public const string BudgetDocument = "budget_document";
    public const string FinalDocument = "final_document";

    /// <summary>The rows of a final against a budget document of its key and year.</summary>
    public static IEnumerable<ExecutionRow> AgainstBudget(DocumentFacts final, DocumentFacts budget)
    {
        foreach (var measure in ExecutionMeasure.All)
        {
            var budgetColumns = BudgetSide(budget, measure);
            var finalColumns = FinalSide(final, measure);
            if (budgetColumns is null || finalColumns is null) continue;
            foreach (var row in Rows(final, finalColumns.Value, budget, budgetColumns.Value, measure, BudgetDocument)) yield return row;
        }
    }

    /// <summary>The rows of a final against the budget it prints itself, where it prints one.</summary>
    public static IEnumerable<ExecutionRow> AgainstPrintedBudget(DocumentFacts final)
    {
        foreach (var measure in ExecutionMeasure.All)
        {
            var finalColumns = FinalSide(final, measure);
            if (finalColumns is null) continue;
            var printed = PrintedBudget(final, measure);
            if (printed is null) continue;
            foreach (var row in Rows(final, finalColumns.Value, final, printed.Value, measure, FinalDocument)) yield return row;
        }
    }

    /// <summary>The table, section and columns a side is read from: one column per code, or one per “三公” item.</summary>
    private readonly record struct Side(string Table, string Section, IReadOnlyList<string> Columns);

    private static Side? BudgetSide(DocumentFacts budget, ExecutionMeasure m)
    {
        if (!budget.Has(m.BudgetTable)) return null;
        if (m.ByItem)
        {
            var section = budget.In(m.BudgetTable).Any(f => f.Section == m.BudgetSection) ? m.BudgetSection : "";
            return new Side(m.BudgetTable, section, m.BudgetColumns);
        }
        return budget.FirstColumn(m.BudgetTable, m.BudgetColumns) is { } column ? new Side(m.BudgetTable, "", [column]) : null;
    }

    private static Side? FinalSide(DocumentFacts final, ExecutionMeasure m)
    {
        if (!final.Has(m.FinalTable)) return null;
        // A “三公” table whose 决算数 half is all blank (nothing spent) still has its items: budget_only lines.
        if (m.ByItem) return new Side(m.FinalTable, m.FinalSection, m.FinalColumns);
        return final.FirstColumn(m.FinalTable, m.FinalColumns) is { } column ? new Side(m.FinalTable, "", [column]) : null;
    }

    /// <summary>
    /// The budget a final prints beside its outturn: GK09's 预算数 section; in a classified table, a column headed
    /// 年初预算数 (else 全年预算数, else 预算数): a header the template does not know keeps its printed text.
    /// </summary>
    private static Side? PrintedBudget(DocumentFacts final, ExecutionMeasure m)
    {
        if (m.ByItem) return final.In(m.FinalTable).Any(f => f.Section == "预算数") ? new Side(m.FinalTable, "预算数", m.FinalColumns) : null;
        var columns = final.In(m.FinalTable).Select(f => f.Column).Distinct(StringComparer.Ordinal).ToList();
        var column = PrintedBudgetColumn(columns);
        return column is null ? null : new Side(m.FinalTable, "", [column]);
    }

    /// <summary>Of a final table's columns, the one holding a budget: 年初预算 first, then 全年预算, then any 预算数 that is no 决算数.</summary>
    public static string? PrintedBudgetColumn(IEnumerable<string> columns)
    {
        var list = columns.ToList();
        return list.FirstOrDefault(c => c.Contains("年初预算", StringComparison.Ordinal))
            ?? list.FirstOrDefault(c => c.Contains("全年预算", StringComparison.Ordinal))
            ?? list.FirstOrDefault(c => c.Contains("预算数", StringComparison.Ordinal) && !c.Contains("决算", StringComparison.Ordinal));
    }

    private static IEnumerable<ExecutionRow> Rows(DocumentFacts final, Side finalSide, DocumentFacts budget, Side budgetSide, ExecutionMeasure measure, string source)
    {
        var doc = final.Document;
        var rows = new List<ExecutionRow>();
        if (measure.ByItem)
        {
            for (var i = 0; i < finalSide.Columns.Count; i++)
            {
                var f = final.In(finalSide.Table).FirstOrDefault(x => x.Section == finalSide.Section && x.Column == finalSide.Columns[i]);
                var b = budget.In(budgetSide.Table).FirstOrDefault(x => x.Section == budgetSide.Section && x.Column == budgetSide.Columns[i]);
                if (f is null && b is null) continue;
                rows.Add(Row(doc, measure, "", "", finalSide.Columns[i], b, f, budget.Document, budgetSide, final.Document, finalSide, i, source));
            }
            return rows;
        }
        var finals = ByRow(final.In(finalSide.Table), finalSide.Columns[0]);
        var budgets = ByRow(budget.In(budgetSide.Table), budgetSide.Columns[0]);
        foreach (var key in finals.Keys.Union(budgets.Keys).Order(RowOrder.Instance))
        {
            var f = finals.GetValueOrDefault(key);
            var b = budgets.GetValueOrDefault(key);
            var named = f ?? b!;
            var code = key == "合计" ? "" : key;
            rows.Add(Row(doc, measure, code, named.CodeLevel, code.Length == 0 ? "合计" : named.Name, b, f, budget.Document, budgetSide, final.Document, finalSide, 0, source));
        }
        return rows;
    }

    private static Dictionary<string, Fact> ByRow(IEnumerable<Fact> facts, string column)
    {
        var rows = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            if (f.Column != column || DocumentFacts.RowKey(f) is not { } key) continue;
            rows.TryAdd(key, f);
        }
        return rows;
    }

    private static ExecutionRow Row(LinkDocument doc, ExecutionMeasure measure, string code, string level, string name, Fact? budget, Fact? final,
        LinkDocument budgetDoc, Side budgetSide, LinkDocument finalDoc, Side finalSide, int column, string source)
    {
        var b = budget is null ? (decimal?)null : DocumentFacts.Wan(budget);
        var f = final is null ? (decimal?)null : DocumentFacts.Wan(final);
        var presence = b is not null && f is not null ? "both" : b is not null ? "budget_only" : "final_only";
        return new ExecutionRow(doc.Key, doc.Department, doc.Scope, doc.Year ?? 0, measure.Id, code, level, name,
            b, f, Rate(f, b), presence, source,
            budgetDoc.DocId, budgetSide.Table, Label(budgetSide, column), budget?.Page,
            finalDoc.DocId, finalSide.Table, Label(finalSide, column), final?.Page);
    }

    private static string Label(Side side, int column) => side.Section.Length > 0 ? $"{side.Section}/{side.Columns[column]}" : side.Columns[column];

    /// <summary>final / budget rounded to <see cref="RateDecimals"/> decimals; none without both, or with a zero budget.</summary>
    public static decimal? Rate(decimal? final, decimal? budget) =>
        final is { } f && budget is { } b && b != 0 ? Math.Round(f / b, RateDecimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>合计 first, then codes in order (201 before 20101 before 2010101 before 202).</summary>
    private sealed class RowOrder : IComparer<string>
    {
        public static readonly RowOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x == y) return 0;
            if (x == "合计") return -1;
            if (y == "合计") return 1;
            return string.CompareOrdinal(x, y);
        }
    }
}
