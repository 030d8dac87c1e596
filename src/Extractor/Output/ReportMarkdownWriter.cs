using Extractor.Rows;

namespace Extractor.Output;

/// <summary>report.md: what was found where, and what went wrong, for a person.</summary>
public static class ReportMarkdownWriter
{
    public static void Write(TextWriter w, DocumentResult document)
    {
        var m = document.Metadata;
        w.WriteLine($"# {Or(m.Department, document.DocId)} — {Or(m.Year, "?")} {(m.Kind == "final" ? "决算 (final accounts)" : "预算 (budget)")}");
        w.WriteLine();
        w.WriteLine($"- source: `{document.Source.Path}` ({document.Source.Pages} pages, SHA-256 `{document.Source.Sha256}`)");
        w.WriteLine($"- doc_id: `{document.DocId}`");
        if (m.Published.Length > 0) w.WriteLine($"- published: {m.Published}");
        w.WriteLine($"- unit: {m.Unit}");
        w.WriteLine();
        w.WriteLine("## Tables found");
        w.WriteLine();
        w.WriteLine("| table | title | label | pages | method | rows | facts |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var t in document.Tables)
        {
            var facts = t.Source.Template is null ? 0 : t.Rows.Sum(r => r.Values.Count);
            w.WriteLine($"| {t.Id} | {Cell(t.Source.Title)} | {Cell(t.Source.Label)} | {OutputLimits.Pages(t.Source.Pages)} | {t.Source.Method} | {t.Rows.Count} | {facts} |");
        }
        w.WriteLine();
        if (document.MissingTables.Count > 0)
        {
            w.WriteLine($"**Missing:** {string.Join(", ", document.MissingTables)}");
            w.WriteLine();
        }
        WriteRepairs(w, document);
        WriteChecks(w, document);
        w.WriteLine("## Warnings");
        w.WriteLine();
        if (document.Warnings.Count == 0) w.WriteLine("None.");
        foreach (var warning in OutputLimits.ListedWarnings(document.Warnings)) w.WriteLine($"- {warning}");
        if (OutputLimits.WarningsLeftOut(document.Warnings) is { } more) w.WriteLine($"- {more} See document.json's warnings_total.");
    }

    private static void WriteRepairs(TextWriter w, DocumentResult document)
    {
        var repairs = document.Repairs;
        if (repairs.Count == 0) return;
        w.WriteLine("## Codes and names repaired");
        w.WriteLine();
        var counts = repairs.GroupBy(r => r.Evidence).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        w.WriteLine($"By evidence: {string.Join(", ", counts)}.");
        w.WriteLine();
        var unresolved = repairs.Where(r => r.Evidence == Codes.CodeEvidence.Unresolved).ToList();
        if (unresolved.Count > 0)
        {
            w.WriteLine("### Left unresolved");
            w.WriteLine();
            w.WriteLine("`code` keeps what the PDF prints; nothing was guessed.");
            w.WriteLine();
            w.WriteLine("| table | page | printed code | name | why |");
            w.WriteLine("|---|---|---|---|---|");
            foreach (var r in unresolved) w.WriteLine($"| {r.Table} | {r.Page} | {r.CodePrinted} | {Cell(r.NamePrinted)} | {Cell(r.Detail)} |");
            w.WriteLine();
        }
        var done = repairs.Where(r => r.Evidence != Codes.CodeEvidence.Unresolved).ToList();
        if (done.Count > 0)
        {
            w.WriteLine("### Repaired");
            w.WriteLine();
            w.WriteLine("| table | page | printed | repaired | evidence | detail |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (var r in done) w.WriteLine($"| {r.Table} | {r.Page} | {r.CodePrinted} {Cell(r.NamePrinted)} | {r.Code} {Cell(r.Name)} | {r.Evidence} | {Cell(r.Detail)} |");
            w.WriteLine();
        }
    }

    private static void WriteChecks(TextWriter w, DocumentResult document)
    {
        var checks = document.Checks;
        int Count(string status) => checks.Count(c => c.Status == status);
        w.WriteLine("## Consistency checks");
        w.WriteLine();
        if (checks.Count == 0)
        {
            w.WriteLine("No checks were run.");
            w.WriteLine();
            return;
        }
        w.WriteLine($"{Count(Checks.CheckStatus.Fail)} failed, {Count(Checks.CheckStatus.Warn)} within rounding, {Count(Checks.CheckStatus.Pass)} passed, {Count(Checks.CheckStatus.Skipped)} skipped.");
        w.WriteLine();
        foreach (var (status, heading) in new[] { (Checks.CheckStatus.Fail, "Failed"), (Checks.CheckStatus.Warn, "Within rounding"), (Checks.CheckStatus.Skipped, "Skipped"), (Checks.CheckStatus.Pass, "Passed") })
        {
            var group = checks.Where(c => c.Status == status).ToList();
            if (group.Count == 0) continue;
            w.WriteLine($"### {heading}");
            w.WriteLine();
            w.WriteLine("| check | pages | expected | actual | difference | message |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (var c in group)
            {
                var message = c.Quote is null ? c.Message : $"{c.Message} «{c.Quote}»";
                w.WriteLine($"| `{c.Id}` | {OutputLimits.Pages(c.Pages)} | {Amount(c.Expected)} | {Amount(c.Actual)} | {Amount(c.Difference)} | {Cell(message)} |");
            }
            w.WriteLine();
        }
    }

    private static string Amount(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
