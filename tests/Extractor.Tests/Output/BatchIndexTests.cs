using Extractor.Output;
using Extractor.Output.Html;

namespace Extractor.Tests.Output;

/// <summary>The batch index.html: every line of documents.csv, its status and counts, linked to the files its folder holds.</summary>
public sealed class BatchIndexTests
{
    /// <summary>
    /// A batch output folder: the seed converted with its review page, another document with report.md only, and an input
    /// that failed; documents.csv as the contract describes it.
    /// </summary>
    internal static void WriteBatch(string root)
    {
        var seed = ReviewFixtures.Seed;
        DocumentWriter.Write(root, seed, OutputFormat.Both, new ReviewOptions { Html = true });
        Directory.CreateDirectory(Path.Combine(root, "other-1234abcd"));
        File.WriteAllText(Path.Combine(root, "other-1234abcd", "report.md"), "# other\n");
        File.WriteAllText(Path.Combine(root, BatchIndexWriter.DocumentsFile),
            "doc_id,source,status,error_code,message,pages,tables_found,checks_failed,checks_warned,elapsed_ms,region\n"
            + $"{seed.DocId},{seed.Source.Path},ok,,,14,9,2,11,812,武汉\n"
            + "other-1234abcd,in/other.pdf,partial,,\"GK07, GK08 not found; the \"\"政府性基金\"\" <table> is missing\",3,7,0,1,90,\n"
            + ",in/missing.pdf,failed,not_found,The file does not exist: check the path.,,0,0,0,0,\n");
    }

    [Fact]
    public void Lists_every_document_in_order_with_status_counts_and_links_to_its_files()
    {
        var root = ReviewFixtures.TempFolder("batch-index");
        try
        {
            WriteBatch(root);
            var path = BatchIndexWriter.Write(root);
            Assert.Equal(Path.Combine(root, "index.html"), path);
            var html = File.ReadAllText(path);

            var rows = html.Split("<tr class=").Skip(1).ToList();
            Assert.Equal(3, rows.Count);
            Assert.StartsWith("\"ok\"", rows[0]);
            Assert.StartsWith("\"partial\"", rows[1]);
            Assert.StartsWith("\"failed\"", rows[2]);

            var seed = ReviewFixtures.Seed.DocId;
            Assert.Contains($"<a href=\"{seed}/report.html\">{seed}</a>", rows[0]);
            Assert.Contains($"<a href=\"{seed}/document.json\">document.json</a>", rows[0]);
            Assert.Contains("<td class=\"num fail\">2</td>", rows[0]);
            Assert.Contains("<a href=\"other-1234abcd/report.md\">other-1234abcd</a>", rows[1]);
            Assert.DoesNotContain("report.html", rows[1]);
            Assert.DoesNotContain("<a href", rows[2]);
            Assert.Contains("<code>not_found</code>", rows[2]);

            // The message is text, not markup.
            Assert.Contains("GK07, GK08 not found; the &quot;政府性基金&quot; &lt;table&gt; is missing", rows[1]);
            Assert.DoesNotContain("<table> is missing", html);

            // Totals: one of each status, one document with failed checks.
            Assert.Contains("<div class=\"card ok\"><b>1</b><span>ok</span>", html);
            Assert.Contains("<div class=\"card warn\"><b>1</b><span>partial</span>", html);
            Assert.Contains("<div class=\"card fail\"><b>1</b><span>failed</span>", html);
            Assert.Contains("<div class=\"card fail\"><b>1</b><span>with failed checks</span><small>2 failed checks in all</small>", html);
            Assert.Contains("default-src 'none'", html);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Needs_documents_csv()
    {
        var root = ReviewFixtures.TempFolder("batch-index");
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => BatchIndexWriter.Write(root));
            Assert.Contains("documents.csv", error.Message);
            Assert.False(File.Exists(Path.Combine(root, "index.html")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
