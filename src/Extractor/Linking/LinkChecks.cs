using System.Globalization;
using Extractor.Checks;
using Extractor.Rows;

using Extractor.Arithmetic;

namespace Extractor.Linking;

/// <summary>
/// Checks across documents, in the manner of a document's consistency checks (amounts in 万元, a difference within the
/// rounding of the printed amounts warns, beyond it fails):
/// <list type="bullet">
/// <item><c>link.units.sum.&lt;table&gt;.&lt;row&gt;</c>: a department's figure = the sum of its units' (YS03, YS05, YS07
/// of budgets; GK03, GK05, GK09 of finals), where all its units are in the batch — the units the mapping lists for it, or,
/// when it lists none, those whose total makes the department's (a total short of the department's means a unit may be
/// missing: the check is skipped and says so);</item>
/// <item><c>link.prior_year.&lt;figure&gt;</c>: the previous year's amount a narrative change implies ("比上年增加 D" from this
/// year's figure) = what the previous year's document prints for the same figure;</item>
/// <item><c>link.final_budget.&lt;table&gt;.&lt;row&gt;</c>: the budget a final prints (GK09 预算数, a 年初预算数 column) = that year's
/// budget document's (YS07 本年预算数, YS05 / YS03 合计).</item>
/// </list>
/// </summary>
public static class LinkChecks
{
    private static readonly IReadOnlyDictionary<string, string> ItemKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["合计"] = "total", ["因公出国（境）费"] = "abroad", ["公务用车购置及运行维护费"] = "vehicles",
        ["公务用车购置费"] = "vehicle_purchase", ["公务用车运行费"] = "vehicle_running", ["公务接待费"] = "reception",
    };

    /// <summary>The tables a department is summed over its units in, for budgets and for finals, in this order.</summary>
    private static readonly (string Budget, string Final)[] SummedTables = [("YS03", "GK03"), ("YS05", "GK05"), ("YS07", "GK09")];

    // ------------------------------------------------------------------ department = Σ units

    /// <param name="department">the department's document</param>
    /// <param name="units">its units' documents of the same year and kind</param>
    /// <param name="declared">the keys of the units the mapping lists for the department, or null when it lists none</param>
    public static IEnumerable<LinkCheck> UnitsSum(DocumentFacts department, IReadOnlyList<DocumentFacts> units, IReadOnlySet<string>? declared)
    {
        var d = department.Document;
        if (units.Count == 0) yield break;
        var others = units.Select(u => new CheckedDocument(u.Document.DocId, [])).ToList();
        if (declared is not null)
        {
            var missing = declared.Where(k => units.All(u => u.Document.Key != k)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                yield return Skipped("link.units.sum", d, [], others,
                    $"The mapping lists units of {d.Key} that have no {d.YearText} {(d.IsBudget ? "budget" : "final")} in the batch ({string.Join(", ", missing)}), so the department cannot be compared with the sum of its units.");
                yield break;
            }
        }
        var measures = SummedTables.Select(t => ExecutionMeasure.All.First(m => d.IsBudget ? m.BudgetTable == t.Budget : m.FinalTable == t.Final)).ToList();
        var complete = declared is not null;
        if (!complete)
        {
            // Without a list of its units, the batch's units are all of them when their total makes the department's.
            var all = measures[0];
            var (table, section, columns) = Side(all, d.IsBudget);
            var total = Column(department, table, columns);
            var dTotal = total is null ? null : Row(department, table, section, total, "合计");
            var unitTotals = units.Select(u => Column(u, table, columns) is { } c ? Row(u, table, section, c, "合计") : null).ToList();
            if (dTotal is not null && unitTotals.All(t => t is not null))
            {
                var sum = unitTotals.Sum(t => DocumentFacts.Wan(t!));
                var tolerance = DocumentFacts.HalfUnit(dTotal) + unitTotals.Sum(t => DocumentFacts.HalfUnit(t!));
                var difference = sum - DocumentFacts.Wan(dTotal);
                if (difference < -tolerance)
                {
                    yield return Skipped("link.units.sum", d, [dTotal.Page], units.Select((u, i) => new CheckedDocument(u.Document.DocId, [unitTotals[i]!.Page])).ToList(),
                        $"The units in the batch ({string.Join(", ", units.Select(u => u.Document.DocId))}) account for {F(sum)} of the department's {F(DocumentFacts.Wan(dTotal))} ({table} 合计): a unit may be missing from the batch; list the department's units in --entities (column department) to compare anyway.")
                        with { Tables = [table], Expected = DocumentFacts.Wan(dTotal), Actual = sum, Difference = difference, Tolerance = tolerance };
                    yield break;
                }
            }
        }
        foreach (var measure in measures)
        {
            var (table, section, columns) = Side(measure, d.IsBudget);
            var lacking = units.Where(u => !u.Has(table)).Select(u => u.Document.DocId).ToList();
            if (!department.Has(table) || lacking.Count > 0)
            {
                if (department.Has(table) || units.Any(u => u.Has(table)))
                {
                    yield return Skipped($"link.units.sum.{table}", d, [], others,
                        $"{table} is not in {(department.Has(table) ? string.Join(", ", lacking) : d.DocId)}, so the department's {table} cannot be compared with its units'.") with { Tables = [table] };
                }
                continue;
            }
            foreach (var check in SumByRow(department, units, measure.ByItem, table, section, columns)) yield return check;
        }
    }

    private static (string Table, string Section, IReadOnlyList<string> Columns) Side(ExecutionMeasure m, bool budget) =>
        budget ? (m.BudgetTable, m.ByItem ? m.BudgetSection : "", m.BudgetColumns) : (m.FinalTable, m.ByItem ? m.FinalSection : "", m.FinalColumns);

    private static string? Column(DocumentFacts facts, string table, IReadOnlyList<string> columns) => facts.FirstColumn(table, columns);

    private static Fact? Row(DocumentFacts facts, string table, string section, string column, string rowKey) =>
        facts.In(table).FirstOrDefault(f => f.Column == column && f.Section == section && DocumentFacts.RowKey(f) == rowKey);

    private static IEnumerable<LinkCheck> SumByRow(DocumentFacts department, IReadOnlyList<DocumentFacts> units, bool byItem, string table, string section, IReadOnlyList<string> columns)
    {
        var d = department.Document;
        // (row key, column, name) to compare: a “三公” item is a column of one row; a classified row is a code in one column.
        var cells = new List<(string Key, string Column, string Name)>();
        if (byItem)
        {
            var all = units.Append(department).ToList();
            var itemSection = (DocumentFacts f) => f.In(table).Any(x => x.Section == section) ? section : "";
            foreach (var item in columns)
            {
                if (all.Any(f => f.In(table).Any(x => x.Column == item && x.Section == itemSection(f)))) cells.Add((ItemKeys.GetValueOrDefault(item, item), item, item));
            }
            foreach (var (key, column, name) in cells)
            {
                var dFact = department.In(table).FirstOrDefault(x => x.Column == column && x.Section == itemSection(department));
                var uFacts = units.Select(u => u.In(table).FirstOrDefault(x => x.Column == column && x.Section == itemSection(u))).ToList();
                yield return SumCheck(d, units, table, key, $"{table} {name}", dFact, uFacts);
            }
            yield break;
        }
        var dColumn = Column(department, table, columns);
        if (dColumn is null) yield break;
        var dRows = ByKey(department, table, dColumn);
        var uRows = units.Select(u => Column(u, table, columns) is { } c ? ByKey(u, table, c) : []).ToList();
        var keys = dRows.Keys.Concat(uRows.SelectMany(r => r.Keys)).Distinct(StringComparer.Ordinal)
            .OrderBy(k => k == "合计" ? "" : k, StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            var dFact = dRows.GetValueOrDefault(key);
            var uFacts = uRows.Select(r => r.GetValueOrDefault(key)).ToList();
            var named = dFact ?? uFacts.First(f => f is not null)!;
            var label = key == "合计" ? $"{table} 合计" : $"{table} {key} {named.Name}";
            yield return SumCheck(d, units, table, key == "合计" ? "total" : key, label, dFact, uFacts);
        }
    }

    private static Dictionary<string, Fact> ByKey(DocumentFacts facts, string table, string column)
    {
        var rows = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var f in facts.In(table))
        {
            if (f.Column == column && DocumentFacts.RowKey(f) is { } key) rows.TryAdd(key, f);
        }
        return rows;
    }

    private static LinkCheck SumCheck(LinkDocument d, IReadOnlyList<DocumentFacts> units, string table, string key, string label, Fact? dFact, IReadOnlyList<Fact?> uFacts)
    {
        var expected = dFact is null ? 0m : DocumentFacts.Wan(dFact);
        var actual = uFacts.Sum(f => f is null ? 0m : DocumentFacts.Wan(f));
        var tolerance = (dFact is null ? 0m : DocumentFacts.HalfUnit(dFact)) + uFacts.Sum(f => f is null ? 0m : DocumentFacts.HalfUnit(f));
        var difference = actual - expected;
        var status = Tolerance.Status(difference, tolerance);
        var parts = string.Join(" + ", units.Select((u, i) => $"{(uFacts[i] is { } f ? F(DocumentFacts.Wan(f)) : "0 (not printed)")} ({u.Document.DocId})"));
        var message = status == CheckStatus.Pass
            ? $"The department's {label} ({F(expected)}) equals {(units.Count == 1 ? "its unit's" : $"the sum of its {units.Count} units'")} ({F(actual)})."
            : $"The department's {label} prints {(dFact is null ? "nothing (0)" : F(expected))}; its units print {parts} = {F(actual)}, {F(difference)} {(status == CheckStatus.Warn ? "within rounding" : "more than rounding explains")}.";
        return new LinkCheck
        {
            Id = $"link.units.sum.{table}.{key}",
            Status = status,
            Key = d.Key,
            Year = d.Year ?? 0,
            Tables = [table],
            Expected = expected,
            Actual = actual,
            Difference = difference,
            Tolerance = tolerance,
            Message = message,
            Document = new CheckedDocument(d.DocId, dFact is null ? [] : [dFact.Page]),
            Others = units.Select((u, i) => new CheckedDocument(u.Document.DocId, uFacts[i] is { } f ? [f.Page] : [])).ToList(),
        };
    }

    // ------------------------------------------------------------------ 比上年 against the previous year's document

    /// <summary>Whether a change's words make it comparable with the previous year's document of the same kind.</summary>
    public static bool ComparesWithPreviousYear(LinkDocument document, NarrativeChange change) =>
        (change.Prior.Year is null || change.Prior.Year == document.Year - 1)
        && (change.Prior.Basis == "上年"
            || (document.IsFinal && change.Prior.Basis == "上年决算")
            || (document.IsBudget && change.Prior.Basis == "上年预算"));

    /// <summary>The narrative's changes of <paramref name="current"/> against <paramref name="previous"/> (the same key and kind, a year earlier).</summary>
    public static IEnumerable<LinkCheck> PriorYear(DocumentFacts current, DocumentFacts previous)
    {
        var d = current.Document;
        var p = previous.Document;
        foreach (var change in d.Changes.Where(c => ComparesWithPreviousYear(d, c)))
        {
            var figure = change.Figure;
            var id = "link.prior_year." + (change.CheckId.StartsWith("narrative.", StringComparison.Ordinal) ? change.CheckId["narrative.".Length..] : change.CheckId);
            var what = $"{figure.Table} {(figure.Code.Length > 0 ? figure.Code + " " : "")}{(figure.Section.Length > 0 ? figure.Section + " " : "")}{figure.Name} {figure.Column}".Replace("  ", " ", StringComparison.Ordinal).Trim();
            var pages = change.Pages.Append(figure.Page).Where(x => x > 0).Distinct().Order().ToList();
            var fact = previous.Find(figure.Table, figure.Section, figure.Code, figure.Name, figure.Column);
            if (fact is null)
            {
                yield return new LinkCheck
                {
                    Id = id, Status = CheckStatus.Skipped, Key = d.Key, Year = d.Year ?? 0, Tables = [figure.Table],
                    Actual = change.Prior.Value, Quote = change.Quote,
                    Message = $"The {d.YearText} narrative implies {F(change.Prior.Value)} for {p.YearText}'s {what}, but the {p.YearText} document prints no such figure ({(previous.Has(figure.Table) ? "the row or column is not in its " + figure.Table : figure.Table + " was not found in it")}).",
                    Document = new CheckedDocument(d.DocId, pages),
                    Others = [new CheckedDocument(p.DocId, [])],
                };
                continue;
            }
            var expected = DocumentFacts.Wan(fact);
            var difference = change.Prior.Value - expected;
            var tolerance = change.Prior.Tolerance + DocumentFacts.HalfUnit(fact);
            var status = Tolerance.Status(difference, tolerance);
            yield return new LinkCheck
            {
                Id = id,
                Status = status,
                Key = d.Key,
                Year = d.Year ?? 0,
                Tables = [figure.Table],
                Expected = expected,
                Actual = change.Prior.Value,
                Difference = difference,
                Tolerance = tolerance,
                Quote = change.Quote,
                Message = status == CheckStatus.Pass
                    ? $"The {d.YearText} narrative's change from {what} {F(figure.Value)} implies {F(change.Prior.Value)} for {p.YearText}, as the {p.YearText} document prints."
                    : $"The {d.YearText} narrative's change from {what} {F(figure.Value)} implies {F(change.Prior.Value)} for {p.YearText}; the {p.YearText} document prints {F(expected)} (page {fact.Page}), {F(difference)} {(status == CheckStatus.Warn ? "within rounding" : "apart")}.",
                Document = new CheckedDocument(d.DocId, pages),
                Others = [new CheckedDocument(p.DocId, [fact.Page])],
            };
        }
    }

    // ------------------------------------------------------------------ a final's budget against the budget document

    /// <summary>The budget <paramref name="final"/> prints (GK09 预算数; 年初预算数 columns of GK03/GK05) against <paramref name="budget"/>'s.</summary>
    public static IEnumerable<LinkCheck> FinalBudget(DocumentFacts final, DocumentFacts budget)
    {
        var f = final.Document;
        var b = budget.Document;
        var three = ExecutionMeasure.All.First(m => m.ByItem);
        if (final.In("GK09").Any(x => x.Section == "预算数") && budget.Has(three.BudgetTable))
        {
            var section = budget.In(three.BudgetTable).Any(x => x.Section == three.BudgetSection) ? three.BudgetSection : "";
            foreach (var item in three.FinalColumns)
            {
                var printed = final.In("GK09").FirstOrDefault(x => x.Section == "预算数" && x.Column == item);
                var planned = budget.In(three.BudgetTable).FirstOrDefault(x => x.Section == section && x.Column == item);
                if (printed is null && planned is null) continue;
                yield return BudgetCheck(f, b, $"link.final_budget.GK09.{ItemKeys[item]}", ["GK09", three.BudgetTable], $"GK09 预算数 {item}", $"{three.BudgetTable} {section} {item}".Replace("  ", " ", StringComparison.Ordinal),
                    printed, planned, "GK09 may print the 全年预算数 (the budget as adjusted during the year; its note says which) rather than the 年初预算数");
            }
        }
        foreach (var measure in ExecutionMeasure.All.Where(m => !m.ByItem))
        {
            var column = ExecutionCalculator.PrintedBudgetColumn(final.In(measure.FinalTable).Select(x => x.Column).Distinct(StringComparer.Ordinal));
            if (column is null || !column.Contains("年初预算", StringComparison.Ordinal)) continue;
            var budgetColumn = budget.FirstColumn(measure.BudgetTable, measure.BudgetColumns);
            if (budgetColumn is null) continue;
            var printed = ByKey(final, measure.FinalTable, column);
            var planned = ByKey(budget, measure.BudgetTable, budgetColumn);
            foreach (var key in printed.Keys.Union(planned.Keys).OrderBy(k => k == "合计" ? "" : k, StringComparer.Ordinal))
            {
                var named = printed.GetValueOrDefault(key) ?? planned[key];
                var label = key == "合计" ? "合计" : $"{key} {named.Name}";
                yield return BudgetCheck(f, b, $"link.final_budget.{measure.FinalTable}.{(key == "合计" ? "total" : key)}", [measure.FinalTable, measure.BudgetTable],
                    $"{measure.FinalTable} {label} {column}", $"{measure.BudgetTable} {label} {budgetColumn}", printed.GetValueOrDefault(key), planned.GetValueOrDefault(key), null);
            }
        }
    }

    private static LinkCheck BudgetCheck(LinkDocument f, LinkDocument b, string id, IReadOnlyList<string> tables, string printedLabel, string plannedLabel, Fact? printed, Fact? planned, string? caveat)
    {
        var expected = planned is null ? 0m : DocumentFacts.Wan(planned);
        var actual = printed is null ? 0m : DocumentFacts.Wan(printed);
        var difference = actual - expected;
        var tolerance = (printed is null ? 0m : DocumentFacts.HalfUnit(printed)) + (planned is null ? 0m : DocumentFacts.HalfUnit(planned));
        var status = Tolerance.Status(difference, tolerance);
        var message = status == CheckStatus.Pass
            ? $"The final's {printedLabel} ({F(actual)}) is the budget document's {plannedLabel}."
            : $"The final's {printedLabel} is {(printed is null ? "blank (0)" : F(actual))}; the {b.YearText} budget document's {plannedLabel} is {(planned is null ? "blank (0)" : F(expected))}, {F(difference)} {(status == CheckStatus.Warn ? "within rounding" : "apart")}"
              + (caveat is null || status != CheckStatus.Fail ? "." : $"; {caveat}.");
        return new LinkCheck
        {
            Id = id,
            Status = status,
            Key = f.Key,
            Year = f.Year ?? 0,
            Tables = tables,
            Expected = expected,
            Actual = actual,
            Difference = difference,
            Tolerance = tolerance,
            Message = message,
            Document = new CheckedDocument(f.DocId, printed is null ? [] : [printed.Page]),
            Others = [new CheckedDocument(b.DocId, planned is null ? [] : [planned.Page])],
        };
    }

    private static LinkCheck Skipped(string id, LinkDocument d, IReadOnlyList<int> pages, IReadOnlyList<CheckedDocument> others, string message) => new()
    {
        Id = id,
        Status = CheckStatus.Skipped,
        Key = d.Key,
        Year = d.Year ?? 0,
        Tables = [],
        Message = message,
        Document = new CheckedDocument(d.DocId, pages),
        Others = others,
    };

    private static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
