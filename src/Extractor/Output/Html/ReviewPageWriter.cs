using Extractor.Checks;
using Extractor.Codes;
using Extractor.Output.Review;
using Extractor.Pdf;
using Extractor.Rows;
using Extractor.Tables;
using static Extractor.Output.Html.HtmlText;
using Extractor.Arithmetic;

namespace Extractor.Output.Html;

/// <summary>The other files of a document's folder the review page links to (null or false: not written).</summary>
public sealed record ReviewPageLinks
{
    public bool Json { get; init; }
    public bool Csv { get; init; }
    public bool Markdown { get; init; } = true;
    /// <summary>The annotated PDF's file name beside report.html.</summary>
    public string? AnnotatedPdf { get; init; }
    /// <summary>Why the annotated PDF asked for could not be made.</summary>
    public string? AnnotatedPdfError { get; init; }
}

/// <summary>
/// Writes <c>report.html</c>: one self-contained file (inline CSS, SVG and script, no network: its
/// Content-Security-Policy forbids any load) for a person to see at a glance whether a document was read right.
/// A summary on top (tables found, codes repaired, checks failed and warned, each linked), charts of the figures a
/// reviewer looks at first, then for each table the page drawn from the page model (glyphs and rulings as read, the
/// detected cells over them) beside the extracted table, with repaired codes marked and the cells a failed (warned)
/// check read outlined in red (amber) and its message on hover; the narrative pages with the sentences the narrative
/// checks read highlighted; then every check, every repair and the warnings.
/// </summary>
public sealed class ReviewPageWriter
{
    private static readonly HashSet<string> Repaired = ["document", "catalog", "structure", "batch"];

    private readonly TextWriter _w;
    private readonly DocumentResult _doc;
    private readonly ReviewPageLinks _links;
    private readonly IReadOnlyList<CheckMark> _failed;
    private readonly IReadOnlyList<CheckMark> _warned;
    private readonly IReadOnlyList<CheckMark> _narrative;
    private readonly Dictionary<string, List<CheckMark>> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<int, PageModel> _pages;
    /// <summary>Pages drawn so far, against <see cref="OutputLimits.MaxPagesDrawn"/>.</summary>
    private int _drawn;

    private ReviewPageWriter(TextWriter writer, DocumentResult document, ReviewPageLinks links)
    {
        _w = writer;
        _doc = document;
        _links = links;
        _failed = ReviewMarks.For(document, CheckStatus.Fail);
        _warned = ReviewMarks.For(document, CheckStatus.Warn);
        var locator = new QuoteLocator(document.Text);
        _narrative = document.Checks
            .Where(c => c.Quote is { Length: > 0 } && c.Status != CheckStatus.Skipped)
            .Select((c, i) => ReviewMarks.Mark(c, i + 1, locator)).ToList();
        foreach (var mark in _failed.Concat(_warned))
        {
            foreach (var cell in mark.Cells)
            {
                var key = CellKey(cell.Page, cell.Box);
                if (!_flags.TryGetValue(key, out var list)) _flags[key] = list = [];
                list.Add(mark);
            }
        }
        _pages = document.PageModels.GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First());
    }

    public static void Write(TextWriter writer, DocumentResult document, ReviewPageLinks? links = null) =>
        new ReviewPageWriter(writer, document, links ?? new ReviewPageLinks()).Write();

    private void Write()
    {
        var m = _doc.Metadata;
        var title = $"{(m.Department.Length > 0 ? m.Department : _doc.DocId)} — {m.Year} {(m.Kind == "final" ? "决算" : m.Kind == "budget" ? "预算" : m.Kind)}";
        _w.Write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
        _w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">");
        _w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        _w.Write($"<title>{E(title)} · review</title><style>{ReviewPageAssets.Css}</style></head>\n<body>");
        Header(title);
        Navigation();
        _w.Write("<main>");
        Summary();
        Charts();
        foreach (var table in _doc.Tables.OrderBy(t => t.Source.Template is null).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            Table(table);
        }
        Narrative();
        Checks();
        Repairs();
        Warnings();
        _w.Write("</main>");
        _w.Write($"<footer>Made by extractor from the page model of <code>{E(_doc.Source.Path)}</code>: what is drawn is what was read, not a rendering of the PDF.</footer>");
        _w.Write($"<script>{ReviewPageAssets.Script}</script></body></html>\n");
    }

    private void Header(string title)
    {
        var s = _doc.Source;
        _w.Write($"<header class=\"top\"><h1>{E(title)}</h1><p class=\"meta\"><span>{E(s.Path)}</span> · <span>{s.Pages} pages</span> · <span>doc_id <code>{E(_doc.DocId)}</code></span>");
        if (_doc.Metadata.Published.Length > 0) _w.Write($" · <span>published {E(_doc.Metadata.Published)}</span>");
        _w.Write($" · <span>unit {E(_doc.Metadata.Unit)}</span></p><p class=\"files\">");
        var files = new List<string>();
        if (_links.AnnotatedPdf is { } pdf) files.Add($"<a href=\"{E(pdf)}\">annotated PDF</a> (failed checks marked on the pages)");
        if (_links.Json) files.Add("<a href=\"document.json\">document.json</a>");
        if (_links.Csv) files.Add("<a href=\"facts.csv\">facts.csv</a>");
        if (_links.Markdown) files.Add("<a href=\"report.md\">report.md</a>");
        _w.Write(string.Join(" · ", files));
        if (_links.AnnotatedPdfError is { } error) _w.Write($" <span class=\"warn-text\">The annotated PDF could not be made: {E(error)}</span>");
        _w.Write("</p></header>");
    }

    private void Navigation()
    {
        _w.Write("<nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>");
        foreach (var t in _doc.Tables.OrderBy(t => t.Source.Template is null).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var status = TableStatus(t.Id);
            _w.Write($"<a href=\"#{Anchor("table-", t.Id)}\" class=\"{status}\">{E(t.Id)}</a>");
        }
        _w.Write("<a href=\"#narrative\">Narrative</a><a href=\"#checks\">Checks</a><a href=\"#repairs\">Repairs</a><a href=\"#warnings\">Warnings</a></nav>");
    }

    /// <summary>fail / warn when a check of that status reads the table, for the navigation's colours.</summary>
    private string TableStatus(string id) =>
        _failed.Any(m => m.Check.Tables.Contains(id)) ? "fail" : _warned.Any(m => m.Check.Tables.Contains(id)) ? "warn" : "";

    private void Summary()
    {
        var checks = _doc.Checks;
        int Count(string status) => checks.Count(c => c.Status == status);
        var templates = _doc.TemplateTables.Select(t => t.Id).Distinct().Count();
        var expected = templates + _doc.MissingTables.Count;
        var repaired = _doc.Repairs.Where(r => r.Evidence != "unresolved").ToList();
        var unresolved = _doc.Repairs.Count(r => r.Evidence == "unresolved");
        var evidence = string.Join(", ", repaired.GroupBy(r => r.Evidence).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));

        _w.Write("<section id=\"summary\" class=\"summary\"><h2>Summary</h2><div class=\"cards\">");
        Card(_doc.MissingTables.Count > 0 ? "warn" : "ok", $"{templates}{(expected > 0 ? $" / {expected}" : "")}", "standard tables found",
            _doc.MissingTables.Count > 0 ? "missing: " + string.Join(", ", _doc.MissingTables) : string.Join(" ", _doc.TemplateTables.Select(t => t.Id).Distinct()), "#" + Anchor("table-", _doc.Tables.OrderBy(t => t.Source.Template is null).ThenBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault()?.Id ?? ""));
        Card("repair", $"{repaired.Count}", "codes or names repaired", (evidence.Length > 0 ? evidence : "none needed") + (unresolved > 0 ? $"; {unresolved} unresolved" : ""), "#repairs");
        Card(Count(CheckStatus.Fail) > 0 ? "fail" : "ok", $"{Count(CheckStatus.Fail)}", "checks failed", "more than rounding explains", "#failed");
        Card(Count(CheckStatus.Warn) > 0 ? "warn" : "ok", $"{Count(CheckStatus.Warn)}", "checks warned", "within rounding", "#warned");
        Card("pass", $"{Count(CheckStatus.Pass)}", "checks passed", Count(CheckStatus.Skipped) > 0 ? $"{Count(CheckStatus.Skipped)} skipped" : "none skipped", "#checks");
        _w.Write("</div>");

        if (_doc.MissingTables.Count > 0)
        {
            _w.Write($"<p class=\"missing\">Not found in the document: {E(string.Join(", ", _doc.MissingTables))}.</p>");
        }
        _w.Write($"<h3 id=\"failed\">Failed checks ({_failed.Count})</h3>");
        CheckList(_failed, "No check failed.");
        _w.Write($"<details id=\"warned\"{(_warned.Count <= 12 ? " open" : "")}><summary>Warned checks ({_warned.Count}): differences within rounding</summary>");
        CheckList(_warned, "No check warned.");
        _w.Write("</details></section>");
    }

    private void Card(string css, string figure, string what, string detail, string href) =>
        _w.Write($"<a class=\"card {css}\" href=\"{E(href)}\"><b>{E(figure)}</b><span>{E(what)}</span><small>{E(detail)}</small></a>");

    private void CheckList(IReadOnlyList<CheckMark> marks, string none)
    {
        if (marks.Count == 0)
        {
            _w.Write($"<p class=\"none\">{E(none)}</p>");
            return;
        }
        _w.Write("<ol class=\"checks\">");
        foreach (var mark in marks)
        {
            var c = mark.Check;
            _w.Write($"<li class=\"check {c.Status}\" data-check=\"{E(c.Id)}\"><span class=\"badge {c.Status}\">{c.Status}</span> ");
            _w.Write($"<a class=\"id\" href=\"#{Anchor("check-", c.Id)}\">{E(c.Id)}</a> <span class=\"msg\">{E(c.Message)}</span> <span class=\"where\">");
            var links = c.Tables.Where(t => _doc.Tables.Any(x => x.Id == t)).Select(t => $"<a href=\"#{Anchor("table-", t)}\">{E(t)}</a>").ToList();
            if (mark.Quote.Count > 0) links.Add($"<a href=\"#narrative-p{mark.Quote[0].Page}\">sentence, p. {mark.Quote[0].Page}</a>");
            if (c.Pages.Count > 0) links.Add($"p. {OutputLimits.Pages(c.Pages)}");
            _w.Write(string.Join(" · ", links));
            _w.Write("</span></li>");
        }
        _w.Write("</ol>");
    }

    private void Charts()
    {
        var charts = new[] { ReviewCharts.ExpenditureByClass(_doc), ReviewCharts.ThreePublicBudgetVsFinal(_doc) }.OfType<string>().ToList();
        _w.Write("<section id=\"charts\"><h2>Charts</h2>");
        if (charts.Count == 0) _w.Write("<p class=\"none\">No spending by 类 (GK03/GK05) or “三公” figures (GK09) to chart.</p>");
        _w.Write("<div class=\"charts\">");
        foreach (var chart in charts) _w.Write($"<figure>{chart}</figure>");
        _w.Write("</div></section>");
    }

    private void Table(ExtractedTable table)
    {
        var s = table.Source;
        var status = TableStatus(table.Id);
        _w.Write($"<section class=\"table {status}\" id=\"{Anchor("table-", table.Id)}\" data-table=\"{E(table.Id)}\">");
        _w.Write($"<h2>{E(table.Id)} {E(s.Template?.Name ?? s.Title)}");
        var failed = _failed.Count(m => m.Check.Tables.Contains(table.Id));
        var warned = _warned.Count(m => m.Check.Tables.Contains(table.Id));
        if (failed > 0) _w.Write($" <span class=\"badge fail\">{failed} failed</span>");
        if (warned > 0) _w.Write($" <span class=\"badge warn\">{warned} warned</span>");
        _w.Write("</h2>");
        _w.Write($"<p class=\"meta\">{E(s.Label)}{(s.Label.Length > 0 ? " · " : "")}{E(s.Title)} · page{(s.Pages.Count > 1 ? "s" : "")} {OutputLimits.Pages(s.Pages)} · {E(s.Method)} · confidence {s.Confidence:0.###} · recognised by {E(s.RecognizedBy)} · {table.Rows.Count} rows · {table.Rows.Sum(r => r.Values.Count)} amounts · unit {E(s.Unit)}</p>");
        _w.Write("<div class=\"pair\"><div class=\"page-view\" title=\"Click to widen\">");
        var groups = s.Parts.GroupBy(p => p.Grid.Page).ToList();
        foreach (var group in groups)
        {
            if (_drawn >= OutputLimits.MaxPagesDrawn)
            {
                var left = groups.Count - groups.IndexOf(group);
                _w.Write($"<p class=\"none\">{left} more page{(left == 1 ? "" : "s")} of this table not drawn: this page draws at most {OutputLimits.MaxPagesDrawn} pages. The table's data is in full at the right, in tables/*.csv and in document.json.</p>");
                break;
            }
            PageOfTable(table, group.Key, group.Select(p => p.Grid).ToList());
        }
        _w.Write("</div><div class=\"data-view\">");
        if (s.Template is null) GenericGrid(table);
        else DataTable(table);
        _w.Write("</div></div>");
        var marks = _failed.Concat(_warned).Where(m => m.Check.Tables.Contains(table.Id)).ToList();
        if (marks.Count > 0)
        {
            _w.Write("<details class=\"table-checks\" open><summary>Checks of this table that did not pass</summary>");
            CheckList(marks, "");
            _w.Write("</details>");
        }
        _w.Write("</section>");
    }

    /// <summary>The page around the table's grids: the title above, notes below, glyphs, rulings, cells and marks.</summary>
    private void PageOfTable(ExtractedTable table, int pageNumber, IReadOnlyList<CellGrid> grids)
    {
        if (!_pages.TryGetValue(pageNumber, out var page))
        {
            _w.Write($"<p class=\"none\">Page {pageNumber} is not available to draw.</p>");
            return;
        }
        var view = ViewAround(page, grids.Select(g => g.Bounds).Aggregate((a, b) => a.Union(b)));
        var over = new List<SvgShape>();
        foreach (var row in table.Rows)
        {
            foreach (var v in row.Values.Where(v => v.Page == pageNumber))
            {
                var key = CellKey(v.Page, v.Box);
                var flags = _flags.GetValueOrDefault(key) ?? [];
                var worst = flags.Any(f => f.Check.Status == CheckStatus.Fail) ? "fail" : flags.Count > 0 ? "warn" : "";
                var title = $"{TableView.Describe(row)} · {v.Column}: {D(v.Value)}" + string.Concat(flags.Select(f => $"\n[{f.Check.Status}] {f.Id}: {f.Check.Message}"));
                var data = new List<(string, string)> { ("cell", key) };
                if (flags.Count > 0) data.Add(("check", string.Join(" ", flags.Select(f => f.Id).Distinct())));
                over.Add(new SvgShape(v.Box, worst.Length > 0 ? $"v flag-{worst}" : "v", title, data));
            }
        }
        _drawn++;
        _w.Write($"<figure class=\"page-figure\"><figcaption>page {pageNumber} as read · detected cells in blue</figcaption>");
        PageSvgRenderer.Render(_w, page, view, $"page {pageNumber} as read, around {table.Id}", grids, [], over);
        _w.Write("</figure>");
    }

    /// <summary>The table's region of the page: its grids, the caption printed above (title, label, unit) and the notes below.</summary>
    private static Box ViewAround(PageModel page, Box bounds)
    {
        bool Beside(TextGlyph g) => g.CenterX > bounds.Left - 40 && g.CenterX < bounds.Right + 40;
        var above = page.Glyphs.Where(g => Beside(g) && g.CenterY < bounds.Top && g.CenterY > bounds.Top - 110).Select(g => g.Box.Top).DefaultIfEmpty(bounds.Top - 14).Min();
        var below = page.Glyphs.Where(g => Beside(g) && g.CenterY > bounds.Bottom && g.CenterY < bounds.Bottom + 45).Select(g => g.Box.Bottom).DefaultIfEmpty(bounds.Bottom + 10).Max();
        return new Box(Math.Max(0, bounds.Left - 14), Math.Max(0, above - 8), Math.Min(page.Width, bounds.Right + 14), Math.Min(page.Height, below + 8));
    }

    /// <summary>What is printed on the page (its glyphs and rulings) with a margin: the page without its blank part.</summary>
    private static Box ContentOf(PageModel page)
    {
        var boxes = page.Glyphs.Select(g => g.Box)
            .Concat(page.Rulings.Select(r => r.IsHorizontal ? new Box(r.Start, r.Position, r.End, r.Position) : new Box(r.Position, r.Start, r.Position, r.End)))
            .ToList();
        if (boxes.Count == 0) return new Box(0, 0, page.Width, page.Height);
        var content = boxes.Aggregate((a, b) => a.Union(b));
        return new Box(Math.Max(0, content.Left - 18), Math.Max(0, content.Top - 18), Math.Min(page.Width, content.Right + 18), Math.Min(page.Height, content.Bottom + 18));
    }

    private void DataTable(ExtractedTable table)
    {
        var rows = table.Rows;
        var hasSection = rows.Any(r => r.Section.Length > 0);
        var hasLine = rows.Any(r => r.LineNo.Length > 0);
        var hasCode = rows.Any(r => r.Code.Length > 0 || r.CodePrinted.Length > 0);
        var columns = table.ColumnNames.Concat(rows.SelectMany(r => r.Values).Select(v => v.Column)).Distinct(StringComparer.Ordinal).ToList();
        var repairs = _doc.Repairs.Where(r => r.Table == table.Id)
            .GroupBy(r => (r.Page, r.CodePrinted, r.NamePrinted)).ToDictionary(g => g.Key, g => g.First());

        _w.Write("<table class=\"data\"><thead><tr>");
        if (hasSection) _w.Write("<th>section</th>");
        if (hasLine) _w.Write("<th>行次</th>");
        if (hasCode) _w.Write("<th>code</th>");
        _w.Write("<th>name</th>");
        foreach (var c in columns) _w.Write($"<th class=\"num\">{E(c)}</th>");
        _w.Write("</tr></thead><tbody>");
        foreach (var row in rows.Take(OutputLimits.MaxRowsShown))
        {
            _w.Write($"<tr data-page=\"{row.Page}\"{(row.Code.Length == 0 && row.Values.Count > 0 ? " class=\"sum\"" : "")}>");
            if (hasSection) _w.Write($"<td class=\"section\">{E(row.Section)}</td>");
            if (hasLine) _w.Write($"<td class=\"line\">{E(row.LineNo)}</td>");
            if (hasCode) CodeCell(row, repairs.GetValueOrDefault((row.Page, row.CodePrinted, row.NamePrinted)));
            var renamed = row.NamePrinted.Length > 0 && row.Name != row.NamePrinted && Repaired.Contains(row.CodeRepair);
            _w.Write(renamed
                ? $"<td class=\"name repaired-name\" title=\"{E($"printed: {row.NamePrinted}")}\">{E(row.Name)}</td>"
                : $"<td class=\"name lvl-{E(row.CodeLevel)}\">{E(row.Name)}</td>");
            foreach (var column in columns)
            {
                var v = row.Values.FirstOrDefault(x => x.Column == column);
                if (v is null)
                {
                    _w.Write("<td class=\"num blank\"></td>");
                    continue;
                }
                var key = CellKey(v.Page, v.Box);
                var flags = _flags.GetValueOrDefault(key) ?? [];
                if (flags.Count == 0)
                {
                    _w.Write($"<td class=\"num\" data-cell=\"{key}\">{D(v.Value)}</td>");
                    continue;
                }
                var worst = flags.Any(f => f.Check.Status == CheckStatus.Fail) ? "fail" : "warn";
                var title = string.Join("\n", flags.Select(f => $"[{f.Check.Status}] {f.Id}: {f.Check.Message}"));
                _w.Write($"<td class=\"num flag-{worst}\" data-cell=\"{key}\" data-check=\"{E(string.Join(" ", flags.Select(f => f.Id).Distinct()))}\" title=\"{E(title)}\">{D(v.Value)}</td>");
            }
            _w.Write("</tr>");
        }
        _w.Write("</tbody></table>");
        RowsLeftOut(rows.Count);
    }

    /// <summary>The note under a table shown cut short at <see cref="OutputLimits.MaxRowsShown"/> rows.</summary>
    private void RowsLeftOut(int rows)
    {
        if (rows <= OutputLimits.MaxRowsShown) return;
        _w.Write($"<p class=\"none\">{rows - OutputLimits.MaxRowsShown:N0} more rows not shown ({rows:N0} in all): see tables/*.csv and document.json.</p>");
    }

    private void CodeCell(TableRow row, CodeRepair? repair)
    {
        if (Repaired.Contains(row.CodeRepair))
        {
            var detail = $"printed {row.CodePrinted} {row.NamePrinted} → {row.Code} {row.Name} ({row.CodeRepair}" + (repair is null ? ")" : $": {repair.Detail})");
            _w.Write($"<td class=\"code repaired\" data-repair=\"{E(row.CodeRepair)}\" title=\"{E(detail)}\">{E(row.Code)}</td>");
        }
        else if (row.CodeRepair == "unresolved")
        {
            var detail = $"printed {row.CodePrinted}: unresolved" + (repair is null ? "" : $" ({repair.Detail})");
            _w.Write($"<td class=\"code unresolved\" data-repair=\"unresolved\" title=\"{E(detail)}\">{E(row.Code)}</td>");
        }
        else
        {
            _w.Write($"<td class=\"code\">{E(row.Code)}</td>");
        }
    }

    private void GenericGrid(ExtractedTable table)
    {
        _w.Write("<table class=\"data generic\"><tbody>");
        var shown = 0;
        foreach (var part in table.Source.Parts)
        {
            for (var r = 0; r < part.Grid.Rows && shown < OutputLimits.MaxRowsShown; r++, shown++)
            {
                _w.Write("<tr>");
                foreach (var cell in part.Grid.CellsInRow(r))
                {
                    if (cell.Row != r) continue;
                    var span = (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "") + (cell.ColumnSpan > 1 ? $" colspan=\"{cell.ColumnSpan}\"" : "");
                    _w.Write($"<td{span}>{E(cell.Text)}</td>");
                }
                _w.Write("</tr>");
            }
        }
        _w.Write("</tbody></table>");
        RowsLeftOut(table.Source.Parts.Sum(p => p.Grid.Rows));
    }

    private void Narrative()
    {
        _w.Write("<section id=\"narrative\"><h2>Narrative</h2>");
        var located = _narrative.Where(m => m.Quote.Count > 0).ToList();
        var unlocated = _narrative.Where(m => m.Quote.Count == 0).ToList();
        if (_narrative.Count == 0)
        {
            _w.Write("<p class=\"none\">No narrative check read a sentence of this document.</p></section>");
            return;
        }
        _w.Write($"<p class=\"meta\">The {_narrative.Count} sentences the narrative checks read, highlighted where they are printed: red failed, amber within rounding, green agrees with the tables.</p>");
        foreach (var group in located.GroupBy(m => m.Quote[0].Page).OrderBy(g => g.Key))
        {
            var pageNumber = group.Key;
            var onPage = located.Where(m => m.Quote.Any(q => q.Page == pageNumber)).ToList();
            _w.Write($"<div class=\"pair narrative\" id=\"narrative-p{pageNumber}\"><div class=\"page-view\" title=\"Click to widen\">");
            if (_drawn >= OutputLimits.MaxPagesDrawn)
            {
                _w.Write($"<p class=\"none\">Page {pageNumber} not drawn: this page draws at most {OutputLimits.MaxPagesDrawn} pages.</p>");
            }
            else if (_pages.TryGetValue(pageNumber, out var page))
            {
                _drawn++;
                var under = new List<SvgShape>();
                foreach (var mark in onPage.OrderBy(m => Tolerance.Rank(m.Check.Status)))
                {
                    foreach (var span in mark.Quote.Where(q => q.Page == pageNumber))
                    {
                        var b = span.Box;
                        under.Add(new SvgShape(new Box(b.Left - 1, b.Top - 0.5, b.Right + 1, b.Bottom + 0.5), $"quote q-{mark.Check.Status}",
                            $"[{mark.Check.Status}] {mark.Id}: {mark.Check.Message}", [("check", mark.Id)]));
                    }
                }
                _w.Write($"<figure class=\"page-figure\"><figcaption>page {pageNumber} as read</figcaption>");
                PageSvgRenderer.Render(_w, page, ContentOf(page), $"page {pageNumber} as read", [], under, []);
                _w.Write("</figure>");
            }
            _w.Write("</div><div class=\"data-view\"><ol class=\"quotes\">");
            foreach (var mark in group.OrderByDescending(m => Tolerance.Rank(m.Check.Status)))
            {
                var c = mark.Check;
                _w.Write($"<li class=\"check {c.Status}\" data-check=\"{E(c.Id)}\"><span class=\"badge {c.Status}\">{c.Status}</span> <a class=\"id\" href=\"#{Anchor("check-", c.Id)}\">{E(c.Id)}</a>");
                _w.Write($"<blockquote>{E(c.Quote)}</blockquote><span class=\"msg\">{E(c.Message)}</span></li>");
            }
            _w.Write("</ol></div></div>");
        }
        if (unlocated.Count > 0)
        {
            _w.Write("<h3>Sentences not found on the pages</h3><ol class=\"quotes\">");
            foreach (var mark in unlocated)
            {
                var c = mark.Check;
                _w.Write($"<li class=\"check {c.Status}\" data-check=\"{E(c.Id)}\"><span class=\"badge {c.Status}\">{c.Status}</span> {E(c.Id)}<blockquote>{E(c.Quote)}</blockquote><span class=\"msg\">{E(c.Message)}</span></li>");
            }
            _w.Write("</ol>");
        }
        _w.Write("</section>");
    }

    private void Checks()
    {
        _w.Write($"<section id=\"checks\"><h2>All checks ({_doc.Checks.Count})</h2><p class=\"filter\">Show: ");
        foreach (var status in new[] { "all", CheckStatus.Fail, CheckStatus.Warn, CheckStatus.Skipped, CheckStatus.Pass })
        {
            var n = status == "all" ? _doc.Checks.Count : _doc.Checks.Count(c => c.Status == status);
            _w.Write($"<button type=\"button\" data-filter=\"{status}\"{(status == "all" ? " class=\"on\"" : "")}>{status} ({n})</button>");
        }
        _w.Write("</p><table class=\"checks-table\"><thead><tr><th>status</th><th>id</th><th>tables</th><th class=\"num\">expected</th><th class=\"num\">actual</th><th class=\"num\">difference</th><th class=\"num\">tolerance</th><th>pages</th><th>message</th></tr></thead><tbody>");
        foreach (var c in _doc.Checks.OrderByDescending(c => Tolerance.Rank(c.Status) == 0 ? 1.5 : Tolerance.Rank(c.Status)))
        {
            _w.Write($"<tr class=\"{c.Status}\" id=\"{Anchor("check-", c.Id)}\" data-status=\"{c.Status}\"><td><span class=\"badge {c.Status}\">{c.Status}</span></td><td class=\"id\">{E(c.Id)}</td>");
            _w.Write($"<td>{string.Join(" ", c.Tables.Select(t => _doc.Tables.Any(x => x.Id == t) ? $"<a href=\"#{Anchor("table-", t)}\">{E(t)}</a>" : E(t)))}</td>");
            _w.Write($"<td class=\"num\">{Opt(c.Expected)}</td><td class=\"num\">{Opt(c.Actual)}</td><td class=\"num\">{Opt(c.Difference)}</td><td class=\"num\">{Opt(c.Tolerance)}</td>");
            _w.Write($"<td>{OutputLimits.Pages(c.Pages)}</td><td>{E(c.Message)}{(c.Quote is { Length: > 0 } q ? $"<blockquote>{E(q)}</blockquote>" : "")}</td></tr>");
        }
        _w.Write("</tbody></table></section>");
    }

    private static string Opt(decimal? value) => value is { } v ? D(v) : "";

    private void Repairs()
    {
        _w.Write($"<section id=\"repairs\"><h2>Codes and names repaired ({_doc.Repairs.Count})</h2>");
        if (_doc.Repairs.Count == 0)
        {
            _w.Write("<p class=\"none\">Every code and name was printed in full.</p></section>");
            return;
        }
        _w.Write("<table class=\"repairs\"><thead><tr><th>table</th><th>page</th><th>printed</th><th>repaired</th><th>evidence</th><th>detail</th></tr></thead><tbody>");
        foreach (var r in _doc.Repairs)
        {
            _w.Write($"<tr class=\"{(r.Evidence == "unresolved" ? "unresolved" : "")}\"><td><a href=\"#{Anchor("table-", r.Table)}\">{E(r.Table)}</a></td><td>{r.Page}</td><td>{E($"{r.CodePrinted} {r.NamePrinted}")}</td>");
            _w.Write($"<td>{E($"{r.Code} {r.Name}")}</td><td>{E(r.Evidence)}</td><td>{E(r.Detail)}</td></tr>");
        }
        _w.Write("</tbody></table></section>");
    }

    private void Warnings()
    {
        _w.Write($"<section id=\"warnings\"><h2>Warnings ({_doc.Warnings.Count})</h2>");
        if (_doc.Warnings.Count == 0) _w.Write("<p class=\"none\">None.</p>");
        else
        {
            _w.Write("<ul class=\"warnings\">");
            foreach (var warning in OutputLimits.ListedWarnings(_doc.Warnings)) _w.Write($"<li>{E(warning)}</li>");
            _w.Write("</ul>");
            if (OutputLimits.WarningsLeftOut(_doc.Warnings) is { } more) _w.Write($"<p class=\"none\">{E(more)}</p>");
        }
        _w.Write("</section>");
    }
}
