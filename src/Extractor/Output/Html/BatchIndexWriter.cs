using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using static Extractor.Output.Html.HtmlText;

namespace Extractor.Output.Html;

/// <summary>One line of documents.csv as the batch index shows it, with the review files found in its folder.</summary>
public sealed record BatchIndexEntry(
    string DocId, string Source, string Status, string ErrorCode, string Message, string Pages, string TablesFound,
    int ChecksFailed, int ChecksWarned, IReadOnlyList<string> Files);

/// <summary>
/// Writes the batch <c>index.html</c> beside documents.csv: every input with its status, counts and message, linked to
/// its review page (report.html, else report.md) and its annotated PDF, with totals on top and a filter. One
/// self-contained file like report.html. It reads documents.csv and looks into the document folders, so it can be
/// written after any run (and after <c>extractor merge</c>).
/// </summary>
public static class BatchIndexWriter
{
    public const string FileName = "index.html";
    public const string DocumentsFile = "documents.csv";

    /// <summary>Writes <paramref name="outputRoot"/>/index.html from its documents.csv; returns the path.</summary>
    public static string Write(string outputRoot)
    {
        var entries = Read(outputRoot);
        var path = Path.Combine(outputRoot, FileName);
        AtomicFile.WriteText(path, w => Write(w, entries, Path.GetFileName(Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar))));
        return path;
    }

    /// <summary>The lines of <paramref name="outputRoot"/>/documents.csv with the review files of each folder.</summary>
    public static IReadOnlyList<BatchIndexEntry> Read(string outputRoot)
    {
        var documents = Path.Combine(outputRoot, DocumentsFile);
        if (!File.Exists(documents)) throw new FileNotFoundException($"{DocumentsFile} not found in {outputRoot}: the index is written after a run", documents);
        using var reader = new StreamReader(documents, AtomicFile.Utf8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        var entries = new List<BatchIndexEntry>();
        if (!csv.Read()) return entries;
        csv.ReadHeader();
        string Field(string name) => csv.HeaderRecord!.Contains(name) ? csv.GetField(name) ?? "" : "";
        while (csv.Read())
        {
            var docId = Field("doc_id");
            var files = new List<string>();
            // Only a doc_id the extractor makes names a folder to look into (an edited documents.csv links nothing else).
            if (DocumentFolder.IsDocId(docId))
            {
                foreach (var file in new[] { ReviewOptions.HtmlFile, ReviewOptions.AnnotatedPdfFile, "report.md", "document.json", "facts.csv" })
                {
                    if (File.Exists(Path.Combine(outputRoot, docId, file))) files.Add(file);
                }
            }
            entries.Add(new BatchIndexEntry(docId, Field("source"), Field("status"), Field("error_code"), Field("message"), Field("pages"),
                Field("tables_found"), Int(Field("checks_failed")), Int(Field("checks_warned")), files));
        }
        return entries;
    }

    private static int Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static void Write(TextWriter w, IReadOnlyList<BatchIndexEntry> entries, string title)
    {
        int Count(string status) => entries.Count(e => e.Status == status);
        w.Write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.Write($"<title>{E(title)} · {entries.Count} documents</title><style>{ReviewPageAssets.Css}{IndexCss}</style></head>\n<body>");
        w.Write($"<header class=\"top\"><h1>{E(title)}: {entries.Count} document{(entries.Count == 1 ? "" : "s")}</h1>");
        w.Write($"<p class=\"meta\">From <a href=\"{DocumentsFile}\">{DocumentsFile}</a>. Each document links to its review page (report.html, written with <code>--html</code>) or report.md, and its annotated PDF (<code>--annotate</code>).</p></header><main>");
        w.Write("<section class=\"summary\"><div class=\"cards\">");
        Card(w, "ok", Count("ok"), "ok", "every standard table found");
        Card(w, Count("partial") > 0 ? "warn" : "ok", Count("partial"), "partial", "a standard table missing");
        Card(w, Count("failed") > 0 ? "fail" : "ok", Count("failed"), "failed", "not converted: see the message");
        Card(w, entries.Any(e => e.ChecksFailed > 0) ? "fail" : "ok", entries.Count(e => e.ChecksFailed > 0), "with failed checks", $"{entries.Sum(e => e.ChecksFailed)} failed checks in all");
        Card(w, entries.Any(e => e.ChecksWarned > 0) ? "warn" : "ok", entries.Count(e => e.ChecksWarned > 0), "with warned checks", $"{entries.Sum(e => e.ChecksWarned)} within rounding");
        w.Write("</div></section>");

        w.Write("<section><p class=\"filter\"><input type=\"search\" id=\"q\" placeholder=\"filter by id, source or message\"> Show: ");
        foreach (var status in new[] { "all", "ok", "partial", "failed", "checks" })
        {
            var label = status == "checks" ? "failed checks" : status;
            w.Write($"<button type=\"button\" data-filter=\"{status}\"{(status == "all" ? " class=\"on\"" : "")}>{label}</button>");
        }
        w.Write("</p><table class=\"index\"><thead><tr>");
        foreach (var (head, kind) in new[] { ("status", "text"), ("document", "text"), ("source", "text"), ("pages", "num"), ("tables", "num"), ("failed checks", "num"), ("warned", "num"), ("message", "text"), ("files", "text") })
        {
            w.Write($"<th data-sort=\"{kind}\"{(kind == "num" ? " class=\"num\"" : "")}>{head}</th>");
        }
        w.Write("</tr></thead><tbody>");
        foreach (var e in entries)
        {
            var checks = e.ChecksFailed > 0 ? "fail" : e.ChecksWarned > 0 ? "warn" : "";
            w.Write($"<tr class=\"{E(e.Status)}\" data-status=\"{E(e.Status)}\" data-checks=\"{e.ChecksFailed}\" data-doc=\"{E(e.DocId)}\">");
            var css = e.Status switch { "ok" => "pass", "partial" => "warn", "failed" => "fail", _ => "skipped" };
            w.Write($"<td><span class=\"badge {css}\">{E(e.Status)}</span>{(e.ErrorCode.Length > 0 ? $" <code>{E(e.ErrorCode)}</code>" : "")}</td>");
            var main = e.Files.FirstOrDefault(f => f is ReviewOptions.HtmlFile or "report.md");
            w.Write(main is null ? $"<td>{E(e.DocId)}</td>" : $"<td><a href=\"{Href(e.DocId, main)}\">{E(e.DocId)}</a></td>");
            w.Write($"<td class=\"source\" title=\"{E(e.Source)}\">{E(Short(e.Source))}</td><td class=\"num\">{E(e.Pages)}</td><td class=\"num\">{E(e.TablesFound)}</td>");
            w.Write($"<td class=\"num {checks}\">{e.ChecksFailed}</td><td class=\"num\">{e.ChecksWarned}</td><td class=\"message\">{E(e.Message)}</td><td class=\"files\">");
            w.Write(string.Join(" · ", e.Files.Select(f => $"<a href=\"{Href(e.DocId, f)}\">{E(Label(f))}</a>")));
            w.Write("</td></tr>");
        }
        w.Write("</tbody></table></section></main>");
        w.Write($"<script>{IndexScript}</script></body></html>\n");
    }

    private static void Card(TextWriter w, string css, int figure, string what, string detail) =>
        w.Write($"<div class=\"card {css}\"><b>{figure}</b><span>{E(what)}</span><small>{E(detail)}</small></div>");

    private static string Href(string docId, string file) => E(Uri.EscapeDataString(docId) + "/" + file);

    private static string Label(string file) => file switch
    {
        ReviewOptions.HtmlFile => "review page",
        ReviewOptions.AnnotatedPdfFile => "annotated PDF",
        _ => file,
    };

    private static string Short(string source) => source.Length <= 60 ? source : "…" + source[^59..];

    private const string IndexCss = """
table.index{width:100%}
table.index th{cursor:pointer;text-align:left;border-bottom:2px solid var(--line);padding:4px 6px;background:#eef2f6;position:sticky;top:0}
table.index th.num{text-align:right}
table.index td{border-bottom:1px solid var(--line);padding:3px 6px;vertical-align:top}
table.index td.num.fail{color:var(--fail);font-weight:700}
table.index td.num.warn{color:#9a5b00}
table.index td.source{max-width:320px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:var(--mute)}
table.index td.message{max-width:420px}
table.index tr.failed td{background:#fdf0ef}
table.index tr.partial td{background:#fffaf0}
table.index tr.hidden{display:none}
.filter input{font:inherit;padding:2px 8px;border:1px solid var(--line);border-radius:12px;min-width:260px;margin-right:8px}
""";

    private const string IndexScript = """
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.index tbody tr'));
  var status = 'all';
  var query = document.getElementById('q');
  function apply() {
    var q = query.value.trim().toLowerCase();
    rows.forEach(function (row) {
      var byStatus = status === 'all' || (status === 'checks' ? row.getAttribute('data-checks') !== '0' : row.getAttribute('data-status') === status);
      var byText = q === '' || row.textContent.toLowerCase().indexOf(q) >= 0;
      row.classList.toggle('hidden', !(byStatus && byText));
    });
  }
  query.addEventListener('input', apply);
  document.querySelectorAll('.filter button').forEach(function (button) {
    button.addEventListener('click', function () {
      status = button.getAttribute('data-filter');
      document.querySelectorAll('.filter button').forEach(function (b) { b.classList.toggle('on', b === button); });
      apply();
    });
  });
  document.querySelectorAll('table.index th').forEach(function (th, column) {
    var ascending = true;
    th.addEventListener('click', function () {
      var numeric = th.getAttribute('data-sort') === 'num';
      var body = th.closest('table').tBodies[0];
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
        var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
        return ascending ? c : -c;
      });
      ascending = !ascending;
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  document.documentElement.setAttribute('data-ready', 'true');
})();
""";
}
