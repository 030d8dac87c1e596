using System.Text.Json;
using Extractor.Batch;
using Extractor.Output;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Output;

/// <summary>
/// A document's files stay in proportion to what a reader can use: 300 ruled pages drawn from one shared stream (a
/// table continued over every page, five warnings a page) give a bounded report.html and warning lists, and keep every
/// row of data.
/// </summary>
public sealed class OutputLimitsTests
{
    private static readonly Lazy<(DocumentResult Document, string Folder)> Written = new(() =>
    {
        var path = HostileFiles.Get("pages-300.pdf");
        var document = DocumentExtractor.Default.Extract(File.ReadAllBytes(path), path);
        var root = Directory.CreateTempSubdirectory("extractor-limits-out-").FullName;
        return (document, DocumentWriter.Write(root, document, OutputFormat.Both, new ReviewOptions { Html = true }));
    });

    [Fact]
    public void Report_html_draws_at_most_its_page_budget_and_says_what_it_left_out()
    {
        var html = File.ReadAllText(Path.Combine(Written.Value.Folder, "report.html"));

        Assert.Equal(OutputLimits.MaxPagesDrawn, html.Split("<svg class=\"page\"").Length - 1);
        Assert.Contains("100 more pages of this table not drawn", html);
        Assert.Contains("page 1 as read", html);
        Assert.DoesNotContain("page 201 as read", html);
    }

    [Fact]
    public void Warnings_are_listed_up_to_their_budget_and_counted_in_full()
    {
        var (document, folder) = Written.Value;
        Assert.True(document.Warnings.Count > OutputLimits.MaxWarningsListed, $"{document.Warnings.Count} warnings");
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "document.json")));

        Assert.Equal(OutputLimits.MaxWarningsListed, json.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.Equal(document.Warnings.Count, json.RootElement.GetProperty("warnings_total").GetInt32());
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains($"({document.Warnings.Count:N0} in all)", markdown);
        Assert.Contains("| 1–300 |", markdown);
    }

    [Fact]
    public void Every_row_of_data_is_kept()
    {
        var (document, folder) = Written.Value;
        var table = Assert.Single(document.Tables);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "document.json")));

        Assert.Equal(300, table.Source.Pages.Count);
        Assert.Equal(table.Rows.Count, json.RootElement.GetProperty("tables")[0].GetProperty("rows").GetArrayLength());
        Assert.Equal(300 * 6 + 1, File.ReadAllLines(Path.Combine(folder, "tables", table.Id + ".csv")).Length);
    }
}
