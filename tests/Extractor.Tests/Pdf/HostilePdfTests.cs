using System.IO.Compression;
using Extractor.Batch;
using Extractor.Pdf;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Pdf;

/// <summary>What the reader makes of hostile and broken PDFs (tools/hostile/make_hostile.py): each is read, or refused with the right code.</summary>
public sealed class HostilePdfTests
{
    /// <summary>Reads a file on a thread with the stack a conversion gets (a deep page tree is walked by recursion).</summary>
    private static IReadOnlyList<PageModel> Read(string name) =>
        InProcessConverter.RunOnLargeStack(() => PdfDocumentReader.Instance.Read(File.ReadAllBytes(HostileFiles.Get(name)))).GetAwaiter().GetResult();

    private static ExtractionException Refused(string name) => Assert.Throws<ExtractionException>(() => Read(name));

    private static string Text(PageModel page) => string.Concat(page.Glyphs.Select(g => g.Text));

    [Fact]
    public void Equal_letters_side_by_side_stay_and_a_word_printed_three_times_over_reads_once()
    {
        var text = Text(Assert.Single(Read("latin-text.pdf")));

        Assert.Contains("http://example.org", text);
        foreach (var word in new[] { "coffee", "committee", "balloon", "ttffllooee" }) Assert.Contains(word, text);
        // 'BOLD' is drawn three times, 0.3 pt apart: one copy is kept.
        Assert.Equal(1, text.Split("BOLD").Length - 1);
        Assert.Equal(1, text.Count(c => c == 'B'));
    }

    [Theory]
    [InlineData("deep-pagetree.pdf", "Textatthebottomofadeeppagetree")]
    [InlineData("deep-forms.pdf", "Textdrawnbytheinnermostform")]
    [InlineData("deep-q.pdf", "Textinsidedeeplynestedgraphicsstates")]
    public void Deeply_nested_text_that_can_be_walked_is_read(string name, string expected)
    {
        Assert.Equal(expected, Text(Assert.Single(Read(name))));
    }

    [Fact]
    public void A_page_whose_dictionary_nests_too_deep_to_read_is_corrupt_not_no_text_layer()
    {
        var refused = Refused("deep-resources.pdf");
        Assert.Equal(ErrorCodes.Corrupt, refused.Code);
        Assert.Contains("could be read", refused.Message);
        Assert.DoesNotContain("OCR", refused.Message);
    }

    [Fact]
    public void A_page_tree_that_loops_is_corrupt_not_a_document_of_no_pages()
    {
        var refused = Refused("page-tree-loop.pdf");
        Assert.Equal(ErrorCodes.Corrupt, refused.Code);
        Assert.Contains("page tree", refused.Message);
    }

    [Fact]
    public void A_decompression_bomb_is_too_large_and_is_refused_before_it_is_inflated()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<ExtractionException>(() => PdfDocumentReader.Instance.Read(File.ReadAllBytes(HostileFiles.Get("bomb.pdf"))));

        Assert.Equal(ErrorCodes.TooLarge, refused.Code);
        Assert.Contains("bomb", refused.Message);
        // Its content inflates to 64 MB; refused at the 16 MB ceiling, never held whole.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < CappedFilterProvider.ContentLimit + (8L << 20), "the bomb was inflated into memory");
    }

    [Fact]
    public void A_page_of_many_paths_and_many_pages_sharing_one_stream_are_read()
    {
        Assert.Single(Read("paths-20k.pdf"));
        var pages = Read("pages-300.pdf");
        Assert.Equal(300, pages.Count);
        // Every page draws the one shared table: 7 horizontal and 5 vertical rules.
        Assert.All(pages, p => Assert.Equal((7, 5), (p.Rulings.Count(r => r.IsHorizontal), p.Rulings.Count(r => !r.IsHorizontal))));
    }

    [Fact]
    public void Inflated_length_is_counted_exactly_up_to_the_limit_and_stops_just_past_it()
    {
        var data = new byte[300_000];
        new Random(7).NextBytes(data.AsSpan(0, 1000));
        var compressed = Zlib(data);

        Assert.Equal(300_000, CappedFilterProvider.InflatedLength(compressed, 1_000_000));
        var counted = CappedFilterProvider.InflatedLength(compressed, 100_000);
        Assert.InRange(counted, 100_001, 100_000 + 64 * 1024);
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }
}
