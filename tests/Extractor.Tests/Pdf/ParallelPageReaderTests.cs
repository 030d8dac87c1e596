using Extractor.Batch;
using Extractor.Pdf;
using Extractor.Tests.Batch;

namespace Extractor.Tests.Pdf;

/// <summary>Pages read on several threads are the pages read one after another, and a bad file gets the same error.</summary>
public sealed class ParallelPageReaderTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Pages_read_on_several_threads_equal_the_pages_read_one_after_another(int threads)
    {
        foreach (var fixture in new[] { BatchFixtures.SeedCalc, BatchFixtures.SeedHtml, Path.Combine(TestPaths.Fixtures, "seed-rotated", "seed-rotated.pdf") })
        {
            var bytes = File.ReadAllBytes(fixture);
            var sequential = PdfDocumentReader.Instance.Read(bytes);
            var parallel = new ParallelPageReader(PdfDocumentReader.Instance, threads).Read(bytes);

            Assert.True(sequential.Count >= 2 * ParallelPageReader.PagesPerHelper, $"{fixture}: too few pages to be read by helpers");
            Assert.Equal(Enumerable.Range(1, sequential.Count), parallel.Select(p => p.Number));
            for (var i = 0; i < sequential.Count; i++)
            {
                var (s, p) = (sequential[i], parallel[i]);
                Assert.Equal((s.Width, s.Height), (p.Width, p.Height));
                Assert.Equal(s.Glyphs, p.Glyphs);
                Assert.Equal(s.Rulings, p.Rulings);
            }
            Assert.Contains(sequential, p => p.Glyphs.Count > 0 && p.Rulings.Count > 0);
        }
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "encrypted", BatchFixtures.Encrypted },
        { "image-only", BatchFixtures.ImageOnly },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_gets_the_error_it_gets_when_read_one_page_after_another(string name, string path)
    {
        var bytes = File.ReadAllBytes(path);
        var expected = Assert.Throws<ExtractionException>(() => PdfDocumentReader.Instance.Read(bytes));
        var actual = Assert.Throws<ExtractionException>(() => new ParallelPageReader(PdfDocumentReader.Instance, 2).Read(bytes));
        Assert.Equal((expected.Code, expected.Message), (actual.Code, actual.Message));
        Assert.Equal(name == "encrypted" ? ErrorCodes.Encrypted : ErrorCodes.NoTextLayer, actual.Code);
    }

    [Fact]
    public void A_file_cut_short_gets_the_error_it_gets_when_read_one_page_after_another()
    {
        // The seed cut after 60% of its bytes: its cross-reference table and trailer are gone.
        var whole = File.ReadAllBytes(BatchFixtures.SeedHtml);
        var bytes = whole[..(whole.Length * 6 / 10)];
        var expected = Assert.Throws<ExtractionException>(() => PdfDocumentReader.Instance.Read(bytes));
        var actual = Assert.Throws<ExtractionException>(() => new ParallelPageReader(PdfDocumentReader.Instance, 3).Read(bytes));
        Assert.Equal(ErrorCodes.Corrupt, actual.Code);
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void A_cancelled_reading_stops_with_the_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var bytes = File.ReadAllBytes(BatchFixtures.SeedCalc);
        Assert.ThrowsAny<OperationCanceledException>(() => new ParallelPageReader(PdfDocumentReader.Instance, 2).Read(bytes, cancel.Token));
    }

    [Fact]
    public void The_pipeline_writes_the_same_files_whatever_the_number_of_page_threads()
    {
        var work = Directory.CreateTempSubdirectory("extractor-pages-").FullName;
        try
        {
            var inputs = new[] { BatchFixtures.SeedCalc, BatchFixtures.SeedHtml, Path.Combine(TestPaths.Fixtures, "seed-split", "seed-split.pdf") };
            var one = Path.Combine(work, "one");
            var three = Path.Combine(work, "three");
            new BatchRunner(DocumentExtractor.Default.WithPageThreads(1)).Run(inputs, new BatchOptions { OutputDirectory = one, MaxParallelism = 1, Reproducible = true });
            new BatchRunner(DocumentExtractor.Default.WithPageThreads(3)).Run(inputs, new BatchOptions { OutputDirectory = three, MaxParallelism = 1, Reproducible = true });

            var tree = BatchFixtures.Output(one);
            Assert.Equal(3, tree.Keys.Count(k => k.EndsWith("/document.json", StringComparison.Ordinal)));
            Assert.Equal(tree, BatchFixtures.Output(three));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
