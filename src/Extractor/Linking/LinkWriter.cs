using System.Globalization;
using CsvHelper;
using Extractor.Checks;
using Extractor.Output;

using Extractor.Arithmetic;

namespace Extractor.Linking;

/// <summary>
/// The link stage's files, in the contract's CSV style (UTF-8, RFC 4180, header row, LF): links.csv, execution.csv,
/// series.csv, link-checks.csv, and links.md for people (failures first). Amounts in 万元 as exact decimals, rates with
/// four decimals.
/// </summary>
public static class LinkWriter
{
    public const string LinksFile = "links.csv";
    public const string ExecutionFile = "execution.csv";
    public const string SeriesFile = "series.csv";
    public const string ChecksFile = "link-checks.csv";
    public const string ReportFile = "links.md";

    public static readonly IReadOnlyList<string> LinksHeader =
    [
        "status", "relation", "entity_key", "year", "doc_id", "entity_kind", "department",
        "other_doc_id", "other_entity_key", "other_year", "other_entity_kind", "other_department", "reason",
    ];

    public static CsvWriter Open(TextWriter writer) => CsvFormat.Open(writer);

    public static void WriteHeader(CsvWriter csv, IReadOnlyList<string> header) => CsvFormat.WriteRow(csv, header);

    public static void WriteLink(CsvWriter csv, DocumentLink link)
    {
        var d = link.Document;
        var o = link.Other;
        CsvFormat.WriteRow(csv,
        [
            link.Linked ? "linked" : "near_miss", link.Relation, d.Key, d.YearText, d.DocId, d.EntityKind, d.Department,
            o?.DocId ?? "", o?.Key ?? "", o?.YearText ?? "", o?.EntityKind ?? "", o?.Department ?? "", link.Reason,
        ]);
    }

    public static void WriteExecution(CsvWriter csv, ExecutionRow r) => CsvFormat.WriteRow(csv,
    [
        r.Key, r.Department, r.Scope, Int(r.Year), r.Measure, r.Code, r.CodeLevel, r.Name, Amount(r.Budget), Amount(r.Final), Rate(r.Rate),
        r.Presence, r.BudgetSource, r.BudgetDocId, r.BudgetTable, r.BudgetColumn, Int(r.BudgetPage),
        r.FinalDocId, r.FinalTable, r.FinalColumn, Int(r.FinalPage), "万元",
    ]);

    public static void WriteSeries(CsvWriter csv, SeriesRow r) => CsvFormat.WriteRow(csv,
    [
        r.Key, r.Department, r.Scope, r.Kind, r.Table, r.Section, r.Code, r.CodeLevel, r.Name, r.Column, Int(r.Year),
        Amount(r.Value), "万元", r.DocId, Int(r.Page),
    ]);

    public static void WriteCheck(CsvWriter csv, LinkCheck c) => CsvFormat.WriteRow(csv,
    [
        c.Id, c.Status, c.Key, Int(c.Year), c.Document.DocId, Pages(c.Document.Pages),
        string.Join(";", c.Others.Select(o => o.DocId)), string.Join(";", c.Others.Select(o => Pages(o.Pages))),
        string.Join(";", c.Tables), Amount(c.Expected), Amount(c.Actual), Amount(Trim(c.Difference)), Amount(Trim(c.Tolerance)), c.Message, c.Quote,
    ]);

    /// <summary>links.md: what was linked, the near misses, and the checks, failures first, each with its documents and pages.</summary>
    public static void WriteReport(TextWriter w, IReadOnlyList<LinkDocument> documents, IReadOnlyList<DocumentLink> links, IReadOnlyList<LinkCheck> checks, int executionRows, int seriesRows)
    {
        w.WriteLine("# Links between documents");
        w.WriteLine();
        w.WriteLine($"{documents.Count} documents, {documents.Where(d => d.Key.Length > 0).Select(d => d.Key).Distinct().Count()} keys; "
            + $"{links.Count(l => l.Linked)} links, {links.Count(l => !l.Linked)} near misses; {executionRows} lines in {ExecutionFile}, {seriesRows} in {SeriesFile}; "
            + $"{checks.Count} checks: {Count(checks, CheckStatus.Fail)} failed, {Count(checks, CheckStatus.Warn)} within rounding, {Count(checks, CheckStatus.Skipped)} skipped, {Count(checks, CheckStatus.Pass)} passed.");
        w.WriteLine();
        w.WriteLine("## Checks that did not pass");
        w.WriteLine();
        var notPassed = checks.Where(c => c.Status != CheckStatus.Pass).OrderByDescending(c => Tolerance.Rank(c.Status)).ToList();
        if (notPassed.Count == 0) w.WriteLine("None.");
        foreach (var c in notPassed)
        {
            w.WriteLine($"- **{c.Status}** `{c.Id}` ({c.Key} {c.Year}): {c.Message}");
            w.WriteLine($"  {c.Document.DocId} {PagesText(c.Document.Pages)}" + string.Concat(c.Others.Select(o => $"; {o.DocId} {PagesText(o.Pages)}")));
            if (c.Quote.Length > 0) w.WriteLine($"  > {c.Quote}");
        }
        w.WriteLine();
        w.WriteLine("## Checks passed, by family");
        w.WriteLine();
        var passed = checks.Where(c => c.Status == CheckStatus.Pass).GroupBy(c => (Family(c.Id), c.Document.DocId)).ToList();
        if (passed.Count == 0) w.WriteLine("None.");
        foreach (var g in passed) w.WriteLine($"- `{g.Key.Item1}` {g.Key.DocId}: {g.Count()}");
        w.WriteLine();
        w.WriteLine("## Links");
        w.WriteLine();
        w.WriteLine("| relation | key | year | document | other | why |");
        w.WriteLine("|---|---|---|---|---|---|");
        foreach (var l in links.Where(l => l.Linked)) w.WriteLine($"| {l.Relation} | {l.Document.Key} | {l.Document.YearText} | {l.Document.DocId} ({l.Document.EntityKind}) | {l.Other?.DocId} ({l.Other?.EntityKind}) | {l.Reason} |");
        w.WriteLine();
        w.WriteLine("## Near misses");
        w.WriteLine();
        w.WriteLine("| relation | key | year | document | nearest | why |");
        w.WriteLine("|---|---|---|---|---|---|");
        foreach (var l in links.Where(l => !l.Linked)) w.WriteLine($"| {l.Relation} | {l.Document.Key} | {l.Document.YearText} | {l.Document.DocId} ({l.Document.EntityKind}) | {l.Other?.DocId} | {l.Reason} |");
    }

    /// <summary>A check id's family: <c>link.units.sum</c>, <c>link.prior_year</c>, <c>link.final_budget</c>.</summary>
    public static string Family(string id)
    {
        var parts = id.Split('.');
        return parts.Length >= 3 && parts[1] == "units" ? string.Join('.', parts.Take(3)) : string.Join('.', parts.Take(2));
    }

    private static int Count(IReadOnlyList<LinkCheck> checks, string status) => checks.Count(c => c.Status == status);

    private static string PagesText(IReadOnlyList<int> pages) => pages.Count == 0 ? "" : "p. " + string.Join(", ", pages);

    private static string Pages(IReadOnlyList<int> pages) => string.Join(" ", pages.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Amount(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Without the trailing zeros a sum of amounts of different precision leaves (0.0000010 → 0.000001).</summary>
    private static decimal? Trim(decimal? value) => value is { } v ? v / 1.0000000000000000000000000000m : null;

    private static string Rate(decimal? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? string.Empty;
}
