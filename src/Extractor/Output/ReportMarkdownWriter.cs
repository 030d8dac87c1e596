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
            w.WriteLine($"| {t.Id} | {Cell(t.Source.Title)} | {Cell(t.Source.Label)} | {string.Join(", ", t.Source.Pages)} | {t.Source.Method} | {t.Rows.Count} | {facts} |");
        }
        w.WriteLine();
        if (document.MissingTables.Count > 0)
        {
            w.WriteLine($"**Missing:** {string.Join(", ", document.MissingTables)}");
            w.WriteLine();
        }
        var unresolved = document.TemplateTables.SelectMany(t => t.Rows.Where(r => r.CodeRepair == "unresolved").Select(r => (t.Id, r))).ToList();
        if (unresolved.Count > 0)
        {
            w.WriteLine("## Codes left unresolved");
            w.WriteLine();
            w.WriteLine("The PDF prints these codes cut short; `code` keeps the printed value.");
            w.WriteLine();
            w.WriteLine("| table | page | printed code | name |");
            w.WriteLine("|---|---|---|---|");
            foreach (var (id, r) in unresolved) w.WriteLine($"| {id} | {r.Page} | {r.CodePrinted} | {Cell(r.NamePrinted)} |");
            w.WriteLine();
        }
        w.WriteLine("## Consistency checks");
        w.WriteLine();
        w.WriteLine("No checks are run by this version.");
        w.WriteLine();
        w.WriteLine("## Warnings");
        w.WriteLine();
        if (document.Warnings.Count == 0) w.WriteLine("None.");
        foreach (var warning in document.Warnings) w.WriteLine($"- {warning}");
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
