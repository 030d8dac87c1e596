using Extractor.Cli;

namespace Extractor.Tests.Cli;

public sealed class ReviewFlagsTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("extractor-review-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Html_and_annotate_write_the_review_files_and_the_batch_index()
    {
        var seed = Path.Combine(TestPaths.Fixtures, "seed-calc", "seed-calc.pdf");
        var plain = Path.Combine(_out, "plain");
        CommandLine.Run([seed, "--out", plain, "--progress", "none"], new StringWriter(), new StringWriter());
        var folder = Directory.GetDirectories(plain).Single(d => !Path.GetFileName(d).StartsWith('.'));
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
        Assert.False(File.Exists(Path.Combine(plain, "index.html")));

        // The same output folder with the flags: the options changed, so the document is converted again.
        var exit = CommandLine.Run([seed, "--out", plain, "--html", "--annotate", "--progress", "none"], new StringWriter(), new StringWriter());
        Assert.Equal(CommandLine.ChecksFailed, exit);
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
        Assert.True(File.Exists(Path.Combine(folder, "annotated.pdf")));
        Assert.Contains(Path.GetFileName(folder), File.ReadAllText(Path.Combine(plain, "index.html")));
    }
}
