using System.Text.RegularExpressions;
using Extractor.Rows;

using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// Lists of items a sentence says an amount consists of — "公用经费44.50万元，主要包括：办公费、印刷费、…、委托业务费、…",
/// "社会保障和就业支出类支出77.01万元…主要是用于事业单位离退休、机关事业单位基本养老保险缴费支出" — against the rows the table
/// prints under that amount's figure: an item the table prints blank (or 0) was not spent, so listing it is a
/// <c>fail</c>; an item the table does not print at all is not judged (names vary). Id
/// <c>narrative.&lt;table&gt;.&lt;key&gt;_items</c> (<c>narrative.GK06.public_items</c>, <c>narrative.GK05.class_items.208</c>).
/// </summary>
public static partial class NarrativeItemLists
{
    public static IReadOnlyList<CheckResult> Run(DocumentTables tables, NarrativeLedger ledger)
    {
        var results = new List<CheckResult>();
        SentenceTokens? previous = null;
        foreach (var s in ledger.Sentences)
        {
            var text = s.Sentence.Text;
            foreach (Match m in ListPattern().Matches(text))
            {
                // The amount the list belongs to: the last one before the marker, or the previous sentence's last when the
                // sentence opens with the list ("…支出77.01万元，占11.8%。主要是用于事业单位离退休、…").
                var head = s.Amounts.LastOrDefault(a => a.End <= m.Index && a.Role != AmountRole.Change)
                    ?? (OpensWithList().IsMatch(text) && previous?.Paragraph == s.Paragraph ? previous.Amounts.LastOrDefault(a => a.Role != AmountRole.Change) : null);
                if (head is null) continue;
                var items = Split(m.Groups["items"].Value);
                if (items.Count < 2) continue;
                var scope = s.Paragraph.Scope;
                var figure = ledger.FigureOf(head);
                var table = figure is null ? null : tables[figure.Table];
                var rows = table is null || figure is null ? [] : RowsUnder(table, figure);
                // "主要用于…" is as often a list of purposes as of items: it is a statement only where an item is a row.
                if (!m.Groups["marker"].Value.Contains("包括", StringComparison.Ordinal) && !items.Any(i => rows.Any(r => SameItem(i, r.Name)))) continue;
                var statement = ledger.Add(StatementKind.Items, string.Join("、", items), s.Quote, [s.Sentence.PageAt(m.Index)], scope, scope != NarrativeScope.None);
                if (OpenList().IsMatch(m.Groups["items"].Value.Trim()))
                {
                    // "主要包括：办公费、差旅费、工会经费…等" names the kinds of spending the amount covers, as a template does;
                    // only a closed list says that each item it names was spent.
                    if (figure is not null) ledger.Refers(statement, figure.Description);
                    ledger.Why(statement, "an open list (…等) names kinds of spending, not each item spent, so blank rows are not held against it.");
                    continue;
                }
                if (figure is null)
                {
                    ledger.Why(statement, $"the amount the list belongs to ({head.Printed}) names no figure of the tables.");
                    continue;
                }
                if (figure.Value is null || table is null)
                {
                    ledger.Refers(statement, figure.Description);
                    ledger.Why(statement, figure.Unreadable ?? tables.MissingMessage([figure.Table]));
                    continue;
                }
                var column = figure.Column ?? table.AmountColumns.FirstOrDefault();
                if (rows.Count == 0 || column is null)
                {
                    ledger.Why(statement, $"{figure.Description} has no rows under it in {table.Id} to hold the items against.");
                    continue;
                }
                if (!AddsUp(table, rows, column, figure.Value.Value))
                {
                    // A blank row is evidence only where the rows add up to their total: otherwise a misread row looks blank.
                    ledger.Refers(statement, figure.Description);
                    ledger.Why(statement, $"the rows {table.Id} prints under {figure.Description} do not add up to it, so a blank row there is no evidence.");
                    continue;
                }
                var what = $"{head.Printed} ({figure.Description})";
                var matched = new List<(string Item, TableRow Row, decimal? Value)>();
                var unknown = new List<string>();
                foreach (var item in items)
                {
                    var hits = rows.Where(r => SameItem(item, r.Name)).ToList();
                    if (hits.Count == 0)
                    {
                        unknown.Add(item);
                        continue;
                    }
                    // A name printed twice (医疗费 in 301 and 303 …): the item was spent if either has an amount.
                    var best = hits.OrderByDescending(r => Math.Abs(table.Raw(r, column) ?? 0m)).First();
                    matched.Add((item, best, table.Raw(best, column)));
                }
                var unknownNote = unknown.Count == 0 ? "" : $" Not printed as rows of {table.Id}, so not judged: {string.Join("、", unknown)}.";
                if (matched.Count == 0)
                {
                    ledger.Why(statement, $"none of the {items.Count} items is a row {table.Id} prints under {figure.Description}.");
                    continue;
                }
                // An item the row carries in another column than the amount's (a budget's YS06 printing 30399 under 公用经费
                // while the narrative lists it under 人员经费) was spent: filed elsewhere, not blank.
                var elsewhere = matched.Where(x => x.Value is null or 0m && x.Row.Values.Any(v => v.Value != 0m)).ToList();
                var blank = matched.Where(x => x.Value is null or 0m).Except(elsewhere).ToList();
                if (elsewhere.Count > 0) unknownNote += $" Printed in another column of {table.Id} than {column}: {string.Join("、", elsewhere.Select(e => e.Item))}.";
                var status = blank.Count == 0 ? CheckStatus.Pass : CheckStatus.Fail;

                var check = new CheckResult
                {
                    Id = $"narrative.{figure.IdPart("_items")}",
                    Tables = [table.Id],
                    Status = status,
                    Expected = blank.Count,
                    Actual = matched.Count,
                    Pages = new[] { s.Sentence.PageAt(m.Index) }.Concat(blank.Select(b => b.Row.Page)).Where(p => p > 0).Distinct().Order().ToList(),
                    Message = status == CheckStatus.Pass
                        ? $"The {matched.Count} items the narrative lists under {what} all have amounts in {table.Id}.{unknownNote}"
                        : $"The narrative lists {string.Join("、", blank.Select(b => b.Item))} under {what}, but {table.Id} prints no amount for "
                          + $"{string.Join(", ", blank.Select(b => TableView.Describe(b.Row) + $" (page {b.Row.Page})"))}: listed as spent, the table says nothing was.{unknownNote}",
                    Quote = s.Quote,
                    // The total the list belongs to, with the check's status (a blank row has no cell to mark), then the items that have amounts.
                    Cells = [.. figure.CellsWith(status), .. matched.Where(x => x.Value is not null and not 0m).Select(x => table.CellOf(x.Row, column, CellRole.Figure, CheckStatus.Pass)).OfType<CheckCell>()],
                };
                ledger.Read(statement, check, $"the rows of {table.Id} under {figure.Description}");
                results.Add(check);
            }
            previous = s;
        }
        return results;
    }

    /// <summary>The rows an amount's items are rows of: GK06's section (人员经费 / 公用经费) or, for a 类, its 款 and 项.</summary>
    private static IReadOnlyList<TableRow> RowsUnder(TableView table, TableFigure figure)
    {
        var coded = table.Rows.Where(r => r.Code.Length > 0 || r.Name.Length > 0 && table.TotalRow != r).ToList();
        if (figure.Code is { } code && figure.Key.StartsWith("class", StringComparison.Ordinal))
        {
            return coded.Where(r => r.Code.Length > code.Length && r.Code.StartsWith(code, StringComparison.Ordinal)).ToList();
        }
        var section = figure.Key switch { "personnel" => "人员经费", "public" => "公用经费", _ => null };
        if (section is null) return [];
        var inSection = coded.Where(r => r.Section == section && r.Code.Length > 0).ToList();
        // Where the table's sections were not read, its rows as a whole.
        return inSection.Count > 0 ? inSection : coded.Where(r => r.Section.Length == 0).ToList();
    }

    /// <summary>Whether the lowest rows under a total (those with no row under them) add up to it, within rounding.</summary>
    private static bool AddsUp(TableView table, IReadOnlyList<TableRow> rows, string column, decimal total)
    {
        var leaves = rows.Where(r => r.Code.Length > 0 && !rows.Any(o => o != r && o.Code.Length > r.Code.Length && o.Code.StartsWith(r.Code, StringComparison.Ordinal))).ToList();
        if (leaves.Count == 0) return false;
        var sum = leaves.Sum(r => table.Value(r, column));
        return Math.Abs(sum - total) <= table.HalfUnit * (leaves.Count + 1) + Tolerance.Unit(2);
    }

    /// <summary>"办公费、印刷费、…、其他商品和服务支出" → the items, the last one's 以及/等 removed.</summary>
    private static List<string> Split(string list)
    {
        var parts = list.Split('、', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0)
        {
            var last = parts[^1];
            parts.RemoveAt(parts.Count - 1);
            parts.AddRange(last.Split("以及", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return parts.Select(p => Trailing().Replace(Names.Normalize(p), "")).Where(p => p.Length >= 2 && p.Length <= 24).ToList();
    }

    /// <summary>An item and a row name for one thing: equal, or equal without a trailing 支出 / 费用 / 费 (因公出国（境）费 / 费用).</summary>
    private static bool SameItem(string item, string rowName)
    {
        var a = Names.Normalize(item);
        var b = Names.Normalize(rowName);
        return a == b || a.Length >= 2 && Core(a) == Core(b);
    }

    private static string Core(string name) => CoreSuffix().Replace(name, "");

    [GeneratedRegex(@"(?<marker>主要包括|具体包括|主要有|包括|主要是用于|主要用于)[：:]?(?<items>[^。；;：:，,]+)")]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^\s*(主要|具体|包括)")]
    private static partial Regex OpensWithList();

    [GeneratedRegex(@"等[^、]{0,12}$")]
    private static partial Regex OpenList();

    [GeneratedRegex(@"(等[^、]{0,12}|方面的支出)$")]
    private static partial Regex Trailing();

    [GeneratedRegex(@"(支出|费用|费)$")]
    private static partial Regex CoreSuffix();
}
