using Extractor.Cli;

namespace Extractor.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--bogus")]
    [InlineData("--out")]
    [InlineData("--timeout", "-3")]
    public void A_wrong_command_line_exits_2_with_a_message(params string[] args)
    {
        var stderr = new StringWriter();
        Assert.Equal(CommandLine.UsageError, CommandLine.Run(args, new StringWriter(), stderr));
        Assert.StartsWith("extractor: ", stderr.ToString());
    }

    [Fact]
    public void Converting_a_file_exits_0_and_a_failed_input_exits_1()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-cli-").FullName;
        try
        {
            var seed = Path.Combine(TestPaths.Fixtures, "seed-html", "seed-html.pdf");
            Assert.Equal(CommandLine.Success, CommandLine.Run([seed, "--out", dir], new StringWriter(), new StringWriter()));
            Assert.True(File.Exists(Path.Combine(dir, "documents.csv")));

            var bad = Path.Combine(dir, "bad.pdf");
            File.WriteAllText(bad, "not a pdf");
            var stderr = new StringWriter();
            Assert.Equal(CommandLine.SomeInputsFailed, CommandLine.Run([seed, bad, "--out", dir], new StringWriter(), stderr));
            Assert.Contains("not_pdf", stderr.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Help_lists_the_options_and_exit_codes()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, CommandLine.Run(["--help"], stdout, new StringWriter()));
        Assert.Contains("--format", stdout.ToString());
        Assert.Contains("Exit codes", stdout.ToString());
    }
}
