using System.Text.RegularExpressions;
using Extractor.Checks;
using Extractor.Output;
using Extractor.Output.Html;
using Extractor.Output.Review;
using Extractor.Arithmetic;

namespace Extractor.Tests.Output;

/// <summary>report.html as written: one self-contained file, every amount in it twice (page drawing and table), repairs and check marks in place.</summary>
public sealed partial class ReviewPageTests
{
    private static string Html(DocumentResult document, ReviewPageLinks? links = null)
    {
        var writer = new StringWriter();
        ReviewPageWriter.Write(writer, document, links);
        return writer.ToString();
    }

    private static readonly Lazy<string> SeedHtml = new(() => Html(ReviewFixtures.Seed));

    [Fact]
    public void Is_one_file_that_loads_nothing()
    {
        var html = SeedHtml.Value;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("url(", html);
        // The only absolute URL is the SVG namespace name, which is never fetched.
        var urls = AbsoluteUrl().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["http://www.w3.org/2000/svg"], urls);
        // Links go to files beside it (or within the page).
        foreach (Match href in Href().Matches(html)) Assert.DoesNotContain("://", href.Groups[1].Value);
    }

    [Fact]
    public void Every_amount_is_drawn_on_its_page_and_listed_in_its_table_under_one_key()
    {
        var document = ReviewFixtures.Seed;
        var html = SeedHtml.Value;
        foreach (var table in document.TemplateTables)
        {
            foreach (var value in table.Rows.SelectMany(r => r.Values))
            {
                var key = HtmlText.CellKey(value.Page, value.Box);
                var amount = HtmlText.D(value.Value);
                Assert.Matches($"<td class=\"num[^\"]*\" data-cell=\"{Regex.Escape(key)}\"[^>]*>{Regex.Escape(amount)}</td>", html);
                Assert.Matches($"<rect class=\"v[^\"]*\" x=\"{HtmlText.N(value.Box.Left)}\" y=\"{HtmlText.N(value.Box.Top)}\"[^>]* data-cell=\"{Regex.Escape(key)}\"", html);
            }
        }
        var amounts = document.TemplateTables.Sum(t => t.Rows.Sum(r => r.Values.Count));
        Assert.Equal(amounts, Regex.Matches(html, "<td class=\"num[^\"]*\" data-cell=").Count);
    }

    [Fact]
    public void Repaired_codes_are_marked_with_what_was_printed_and_the_evidence()
    {
        var document = ReviewFixtures.Seed;
        var html = SeedHtml.Value;
        var repaired = document.TemplateTables.SelectMany(t => t.Rows).Count(r => r.CodeRepair is "document" or "catalog" or "structure" or "batch");
        Assert.Equal(68, repaired);
        Assert.Equal(repaired, Regex.Matches(html, "<td class=\"code repaired\"").Count);
        Assert.Contains("<td class=\"code repaired\" data-repair=\"document\" title=\"printed 207080 广播电视事务 → 2070808 广播电视事务 (document: another table of the document prints 2070808 广播电视事务; this row prints 207080 广播电视事务)\">2070808</td>", html);
        Assert.Contains("data-repair=\"catalog\" title=\"printed 3010 基本工资 → 30101 基本工资 (catalog:", html);
        // A code printed in full is not marked.
        Assert.Contains("<td class=\"code\">2070808</td>", html);
    }

    [Fact]
    public void Cells_read_by_a_failed_check_are_flagged_with_its_message_in_the_table_and_on_the_page()
    {
        var document = ReviewFixtures.Seed;
        var html = SeedHtml.Value;
        var check = document.Checks.Single(c => c.Id == ReviewFixtures.ThreePublicCheck);
        var cell = Assert.Single(check.Cells);
        var key = HtmlText.CellKey(cell.Page, cell.Box);
        var td = Regex.Match(html, $"<td class=\"num flag-fail\" data-cell=\"{Regex.Escape(key)}\" data-check=\"([^\"]*)\" title=\"([^\"]*)\">0.87</td>");
        Assert.True(td.Success, "the GK09 预算数 合计 cell is not flagged");
        Assert.Contains(check.Id, td.Groups[1].Value.Split(' '));
        Assert.Contains(HtmlText.E(check.Message), td.Groups[2].Value);
        Assert.Matches($"<rect class=\"v flag-fail\"[^>]*data-cell=\"{Regex.Escape(key)}\" data-check=\"[^\"]*{Regex.Escape(check.Id)}", html);
        // Warned cells are flagged amber, not red; passing cells not at all.
        var warned = document.Checks.First(c => c.Status == CheckStatus.Warn && c.Cells.Count > 0);
        var warnedCell = warned.Cells.First(c => c.Status == CheckStatus.Warn);
        Assert.Matches($"<td class=\"num flag-(warn|fail)\" data-cell=\"{Regex.Escape(HtmlText.CellKey(warnedCell.Page, warnedCell.Box))}\"", html);
        // The summary lists the failed checks first, numbered as in the annotated PDF: the seed's two budgets of 3万元 and,
        // since issue 18, the completion rates and directions they imply, the 绩效 share and the 委托业务费 listed as spent.
        var failed = ReviewMarks.For(document, CheckStatus.Fail);
        Assert.Equal(8, failed.Count);
        var summary = html[html.IndexOf("<h3 id=\"failed\">", StringComparison.Ordinal)..html.IndexOf("<details id=\"warned\"", StringComparison.Ordinal)];
        Assert.Equal(failed.Select(m => m.Id), Regex.Matches(summary, "data-check=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Narrative_sentences_are_found_where_they_are_printed()
    {
        var document = ReviewFixtures.Seed;
        var locator = new QuoteLocator(document.Text);
        var narrative = document.Checks.Where(c => c.Quote is { Length: > 0 } && c.Status != CheckStatus.Skipped).ToList();
        Assert.True(narrative.Count > 20);
        Assert.All(narrative, c => Assert.NotEmpty(locator.Locate(c.Quote!, c.Pages.ToHashSet())));

        // The “三公” sentence: its boxes cover exactly its glyphs on page 13, on two lines.
        var check = narrative.Single(c => c.Id == ReviewFixtures.ThreePublicCheck);
        var spans = locator.Locate(check.Quote!, check.Pages.ToHashSet());
        Assert.All(spans, s => Assert.Equal(13, s.Page));
        var page = document.PageModels.Single(p => p.Number == 13);
        var covered = string.Concat(page.Glyphs.Where(g => spans.Any(s => s.Box.Contains(g.CenterX, g.CenterY)))
            .OrderBy(g => Math.Round(g.Baseline)).ThenBy(g => g.Box.Left).Select(g => g.Text));
        Assert.Equal(string.Concat(check.Quote!.Where(c => !char.IsWhiteSpace(c))), covered);

        // In the page: highlighted in red on the drawing of page 13.
        Assert.Matches($"<div class=\"pair narrative\" id=\"narrative-p13\">.*?<rect class=\"quote q-fail\"[^>]*data-check=\"{Regex.Escape(check.Id)}\"><title>", SeedHtml.Value);
    }

    [Fact]
    public void Charts_show_spending_by_class_and_the_three_public_budget_against_the_outturn()
    {
        var html = SeedHtml.Value;
        var byClass = Regex.Match(html, "<svg class=\"chart\" data-chart=\"GK03\".*?</svg>").Value;
        foreach (var label in new[] { "207 文化旅游体育与传媒支出", "208 社会保障和就业支出", "210 卫生健康支出", "221 住房保障支出" }) Assert.Contains(label, byClass);
        Assert.Contains("<title>207 文化旅游体育与传媒支出 项目支出: 72.00</title>", byClass);
        var threePublic = Regex.Match(html, "<svg class=\"chart\" data-chart=\"GK09\".*?</svg>").Value;
        Assert.Contains("<title>预算数 合计: 0.87</title>", threePublic);
        Assert.Contains("<title>决算数 合计: 0.87</title>", threePublic);
    }

    [Fact]
    public void Text_from_the_document_is_escaped()
    {
        var seed = ReviewFixtures.Seed;
        var hostile = seed with
        {
            Metadata = seed.Metadata with { Department = "<script>alert(1)</script>" },
            Warnings = ["a \"quoted\" <b>warning</b> & more"],
        };
        var html = Html(hostile, new ReviewPageLinks { AnnotatedPdfError = "<i>broken</i>" });
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("a &quot;quoted&quot; &lt;b&gt;warning&lt;/b&gt; &amp; more", html);
        Assert.Contains("The annotated PDF could not be made: &lt;i&gt;broken&lt;/i&gt;", html);
    }

    [Fact]
    public void Document_writer_writes_the_review_files_only_when_asked()
    {
        var root = ReviewFixtures.TempFolder("review-writer");
        try
        {
            var document = ReviewFixtures.Seed;
            var plain = DocumentWriter.Write(root, document, OutputFormat.Json);
            Assert.False(File.Exists(Path.Combine(plain, ReviewOptions.HtmlFile)));
            Assert.False(File.Exists(Path.Combine(plain, ReviewOptions.AnnotatedPdfFile)));

            var folder = DocumentWriter.Write(root, document, OutputFormat.Json, new ReviewOptions { Html = true, Annotate = true, SourcePdf = ReviewFixtures.SeedPdf });
            var html = File.ReadAllText(Path.Combine(folder, ReviewOptions.HtmlFile));
            Assert.Contains("<a href=\"annotated.pdf\">annotated PDF</a>", html);
            Assert.Contains("<a href=\"document.json\">document.json</a>", html);
            Assert.DoesNotContain("facts.csv", html);
            Assert.Equal(PdfAnnotator.Annotate(ReviewFixtures.SeedPdf, document), File.ReadAllBytes(Path.Combine(folder, ReviewOptions.AnnotatedPdfFile)));

            // The wrong source: no annotated PDF, the page says why, the rest is written.
            var other = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "seed-html", "seed-html.pdf"));
            folder = DocumentWriter.Write(root, document, OutputFormat.Json, new ReviewOptions { Html = true, Annotate = true, SourcePdf = other });
            Assert.False(File.Exists(Path.Combine(folder, ReviewOptions.AnnotatedPdfFile)));
            Assert.True(File.Exists(Path.Combine(folder, "document.json")));
            Assert.Contains("The annotated PDF could not be made: InvalidOperationException: the source PDF given is not the one the document was converted from", File.ReadAllText(Path.Combine(folder, ReviewOptions.HtmlFile)));

            // Without bytes, the local source path is read.
            folder = DocumentWriter.Write(root, document, OutputFormat.Csv, new ReviewOptions { Annotate = true });
            Assert.True(File.Exists(Path.Combine(folder, ReviewOptions.AnnotatedPdfFile)));
            Assert.False(File.Exists(Path.Combine(folder, ReviewOptions.HtmlFile)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>)]+")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex Href();
}
