using Extractor.Rows;

using Extractor.Arithmetic;

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
        w.WriteLine("| table | title | label | pages | method | rows | facts | identities holding | confidence |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var t in document.Tables)
        {
            var facts = t.Source.Template is null ? 0 : t.Rows.Sum(r => r.Values.Count);
            var reading = t.Reading;
            var identities = reading is null ? "" : $"{reading.IdentitiesHeld}/{reading.IdentitiesHeld + reading.IdentitiesFailed}";
            var confidence = reading is null ? "" : reading.Confidence.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            w.WriteLine($"| {t.Id} | {Cell(t.Source.Title)} | {Cell(t.Source.Label)} | {OutputLimits.Pages(t.Source.Pages)} | {t.Source.Method} | {t.Rows.Count} | {facts} | {identities} | {confidence} |");
        }
        w.WriteLine();
        var judged = document.Tables.Where(t => t.Reading is { } r && (r.Doubt is not null || r.Kept != TableReading.AsDetected)).ToList();
        if (judged.Count > 0)
        {
            w.WriteLine("### Readings");
            w.WriteLine();
            foreach (var t in judged)
            {
                var r = t.Reading!;
                if (r.Kept != TableReading.AsDetected) w.WriteLine($"- {t.Id}: read by {r.Kept}: {r.Reason}.");
                if (r.Doubt is not null) w.WriteLine($"- {t.Id}: **the reading is doubtful**: {r.Doubt}. Its comparisons with other tables and the narrative are reported skipped.");
            }
            w.WriteLine();
        }
        if (document.MissingTables.Count > 0)
        {
            w.WriteLine($"**Missing:** {string.Join(", ", document.MissingTables)}");
            w.WriteLine();
        }
        WriteRepairs(w, document);
        WriteChecks(w, document);
        WriteStatements(w, document);
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
        w.WriteLine($"{Count(Arithmetic.CheckStatus.Fail)} failed, {Count(Arithmetic.CheckStatus.Warn)} within rounding, {Count(Arithmetic.CheckStatus.Pass)} passed, {Count(Arithmetic.CheckStatus.Skipped)} skipped.");
        w.WriteLine();
        foreach (var (status, heading) in new[] { (Arithmetic.CheckStatus.Fail, "Failed"), (Arithmetic.CheckStatus.Warn, "Within rounding"), (Arithmetic.CheckStatus.Skipped, "Skipped"), (Arithmetic.CheckStatus.Pass, "Passed") })
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

    /// <summary>
    /// The narrative's coverage in one line, then every statement the reader found but could not resolve (or resolve but
    /// not check), with its sentence and page: so a reviewer sees what "no failure" covers.
    /// </summary>
    private static void WriteStatements(TextWriter w, DocumentResult document)
    {
        var statements = document.NarrativeStatements;
        var c = document.NarrativeCoverage;
        w.WriteLine("## Narrative coverage");
        w.WriteLine();
        if (c.Found == 0)
        {
            w.WriteLine("No statement with an amount, a share, a rate or a list of items was found in the narrative.");
            w.WriteLine();
            return;
        }
        w.WriteLine($"Narrative statements: {c.Found} found, {c.Resolved} resolved, {c.Checked} checked ({Percent(c.Checked, c.Found)} of those found); "
            + $"{c.Found - c.Resolved} unresolved, {c.Resolved - c.Checked} resolved but not checkable.");
        w.WriteLine();
        var open = statements.Where(s => s.Status != Checks.StatementStatus.Checked).ToList();
        if (open.Count == 0) return;
        w.WriteLine("### Not checked");
        w.WriteLine();
        w.WriteLine("| status | kind | printed | pages | section | why | sentence |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var s in open.OrderBy(s => s.Status == Checks.StatementStatus.Unresolved ? 0 : 1))
        {
            w.WriteLine($"| {s.Status} | {s.Kind} | {Cell(s.Printed)} | {string.Join(", ", s.Pages)} | {s.Section} | {Cell(s.Reason)} | «{Cell(s.Quote)}» |");
        }
        w.WriteLine();
    }

    private static string Percent(int part, int whole) => whole == 0 ? "—" : $"{Math.Round(100m * part / whole, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}%";

    private static string Amount(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
