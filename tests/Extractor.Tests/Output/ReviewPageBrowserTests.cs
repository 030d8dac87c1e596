using System.Text.Json;
using Extractor.Output;

namespace Extractor.Tests.Output;

/// <summary>
/// report.html of the seed document opened in headless Chromium: it loads with no error in the console and requests
/// nothing but itself, shows every table GK01–GK09 (the page drawn, the extracted rows beside it), and the failing “三公”
/// check is highlighted where a reviewer looks: in the summary, on the GK09 cell it read (page drawing and table), and on
/// the narrative sentence it checked. Without Chromium the tests are skipped (under CI they fail), saying what to install.
/// </summary>
public sealed class ReviewPageBrowserTests
{
    private const string Red = "rgb(208, 33, 28)";

    [Fact]
    public async Task Seed_review_page_loads_cleanly_shows_every_table_and_highlights_the_failing_three_public_check()
    {
        var document = ReviewFixtures.Seed;
        var root = ReviewFixtures.TempFolder("review-page");
        try
        {
            var folder = DocumentWriter.Write(root, document, OutputFormat.Both,
                new ReviewOptions { Html = true, Annotate = true, SourcePdf = ReviewFixtures.SeedPdf });
            var html = Path.Combine(folder, ReviewOptions.HtmlFile);
            var url = new Uri(html).AbsoluteUri;

            await using var chromium = await HeadlessChromium.StartAsync();
            var page = await chromium.OpenAsync(url);

            // The page's script ran to its end, nothing was logged as an error, and nothing was fetched but the file itself.
            Assert.Equal("true", (await page.EvaluateAsync("document.documentElement.getAttribute('data-ready')")).GetString());
            Assert.Empty(page.Errors());
            Assert.Equal([url], page.Requests().Distinct());

            // Every table: its section, the page drawn from the page model (glyphs, rulings, detected cells) and every row.
            var tables = await page.EvaluateAsync("""
                Array.from(document.querySelectorAll('section.table[data-table]')).map(s => ({
                  id: s.dataset.table,
                  height: s.getBoundingClientRect().height,
                  glyphs: Array.from(s.querySelectorAll('svg.page .glyphs text')).reduce((n, t) => n + t.textContent.length, 0),
                  rulings: s.querySelectorAll('svg.page .rulings line').length,
                  cells: s.querySelectorAll('svg.page .grid rect').length,
                  svgWidth: (s.querySelector('svg.page') || { getBoundingClientRect: () => ({ width: 0 }) }).getBoundingClientRect().width,
                  rows: s.querySelectorAll('table.data tbody tr').length,
                  title: s.querySelector('h2').textContent }))
                """);
            var shown = tables.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
            foreach (var id in new[] { "GK01", "GK02", "GK03", "GK04", "GK05", "GK06", "GK07", "GK08", "GK09" })
            {
                Assert.True(shown.TryGetValue(id, out var t), $"{id} is not on the page");
                var table = document.Tables.Single(x => x.Id == id);
                Assert.True(t.GetProperty("height").GetDouble() > 150, $"{id} is not displayed");
                Assert.True(t.GetProperty("svgWidth").GetDouble() > 300, $"{id}: the page drawing is not displayed");
                Assert.True(t.GetProperty("glyphs").GetInt32() > 40, $"{id}: no text drawn");
                Assert.True(t.GetProperty("rulings").GetInt32() > 4, $"{id}: no rulings drawn");
                Assert.Equal(table.Source.Parts.Sum(p => p.Grid.Cells.Count), t.GetProperty("cells").GetInt32());
                Assert.Equal(table.Rows.Count, t.GetProperty("rows").GetInt32());
                Assert.StartsWith(id, t.GetProperty("title").GetString());
            }

            // The failing “三公” check, highlighted in red wherever it shows.
            var check = document.Checks.Single(c => c.Id == ReviewFixtures.ThreePublicCheck);
            var marks = await page.EvaluateAsync($$"""
                (() => {
                  const id = '{{check.Id}}';
                  const has = '[data-check~="' + id + '"]';
                  const item = document.querySelector('#failed + ol li.check.fail[data-check="' + id + '"]');
                  const rect = document.querySelector('section[data-table="GK09"] svg.page rect.flag-fail' + has);
                  const td = document.querySelector('section[data-table="GK09"] table.data td.flag-fail' + has);
                  const quote = document.querySelector('#narrative svg.page rect.quote.q-fail' + has);
                  const style = e => e ? getComputedStyle(e) : null;
                  return {
                    item: item ? { color: style(item.querySelector('.id')).color, text: item.textContent } : null,
                    rect: rect ? { stroke: style(rect).stroke, width: rect.getBoundingClientRect().width, title: rect.querySelector('title').textContent } : null,
                    td: td ? { outline: style(td).outlineColor, outlineStyle: style(td).outlineStyle, text: td.textContent.trim(), title: td.title, column: td.cellIndex } : null,
                    quote: quote ? { fill: style(quote).fill, page: quote.closest('svg').dataset.page, width: quote.getBoundingClientRect().width } : null,
                    passingQuotes: document.querySelectorAll('#narrative svg.page rect.quote.q-pass').length,
                  };
                })()
                """);
            var item = marks.GetProperty("item");
            Assert.Equal(JsonValueKind.Object, item.ValueKind);
            Assert.Equal(Red, item.GetProperty("color").GetString());
            Assert.Contains(check.Message, item.GetProperty("text").GetString());

            var rect = marks.GetProperty("rect");
            Assert.Equal(JsonValueKind.Object, rect.ValueKind);
            Assert.Equal(Red, rect.GetProperty("stroke").GetString());
            Assert.True(rect.GetProperty("width").GetDouble() > 10);
            Assert.Contains(check.Message, rect.GetProperty("title").GetString());

            var td = marks.GetProperty("td");
            Assert.Equal(JsonValueKind.Object, td.ValueKind);
            Assert.Equal(Red, td.GetProperty("outline").GetString());
            Assert.Equal("solid", td.GetProperty("outlineStyle").GetString());
            Assert.Equal("0.87", td.GetProperty("text").GetString());
            Assert.Contains(check.Message, td.GetProperty("title").GetString());

            var quote = marks.GetProperty("quote");
            Assert.Equal(JsonValueKind.Object, quote.ValueKind);
            Assert.StartsWith("rgba(208, 33, 28", quote.GetProperty("fill").GetString());
            Assert.Equal("13", quote.GetProperty("page").GetString());
            Assert.True(quote.GetProperty("width").GetDouble() > 50);
            // Sentences that agree with the tables are highlighted too, in another colour.
            Assert.True(marks.GetProperty("passingQuotes").GetInt32() > 5);

            // The screenshot the browser takes is a real picture of the page.
            var png = await page.ScreenshotAsync();
            Assert.True(png.Length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Batch_index_loads_cleanly_and_links_every_document()
    {
        var root = ReviewFixtures.TempFolder("batch-index");
        try
        {
            BatchIndexTests.WriteBatch(root);
            var index = Extractor.Output.Html.BatchIndexWriter.Write(root);
            var url = new Uri(index).AbsoluteUri;

            await using var chromium = await HeadlessChromium.StartAsync();
            var page = await chromium.OpenAsync(url);
            Assert.Equal("true", (await page.EvaluateAsync("document.documentElement.getAttribute('data-ready')")).GetString());
            Assert.Empty(page.Errors());
            Assert.Equal([url], page.Requests().Distinct());

            var rows = await page.EvaluateAsync("Array.from(document.querySelectorAll('table.index tbody tr')).map(r => ({ doc: r.dataset.doc, status: r.dataset.status, link: (r.querySelector('td:nth-child(2) a') || {}).href || '' }))");
            var list = rows.EnumerateArray().ToList();
            Assert.Equal(3, list.Count);
            Assert.EndsWith("/report.html", list.Single(r => r.GetProperty("status").GetString() == "ok").GetProperty("link").GetString());
            Assert.Equal("", list.Single(r => r.GetProperty("status").GetString() == "failed").GetProperty("link").GetString());

            // The filter hides what does not match.
            var visible = await page.EvaluateAsync("document.querySelector('button[data-filter=\"failed\"]').click(), Array.from(document.querySelectorAll('table.index tbody tr')).filter(r => r.offsetParent !== null).length");
            Assert.Equal(1, visible.GetInt32());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
