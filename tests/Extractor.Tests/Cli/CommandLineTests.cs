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
    public void Converting_exits_3_when_a_check_fails_and_1_when_an_input_fails()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-cli-").FullName;
        try
        {
            var seed = Path.Combine(TestPaths.Fixtures, "seed-html", "seed-html.pdf");
            // The seed's narrative states a “三公” budget of 3 万元 where GK09 prints 0.87: a failed check.
            Assert.Equal(CommandLine.ChecksFailed, CommandLine.Run([seed, "--out", dir], new StringWriter(), new StringWriter()));
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

    [Theory]
    [InlineData("link")]
    [InlineData("link", "a", "b")]
    [InlineData("link", "--bogus", "a")]
    [InlineData("link", "/nonexistent/out")]
    public void A_wrong_link_command_line_exits_2_with_a_message(params string[] args)
    {
        var stderr = new StringWriter();
        Assert.Equal(CommandLine.UsageError, CommandLine.Run(args, new StringWriter(), stderr));
        Assert.StartsWith("extractor: ", stderr.ToString());
    }

    [Fact]
    public void A_mapping_file_without_its_columns_is_refused_by_the_convert_and_link_commands()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-cli-").FullName;
        try
        {
            var map = Path.Combine(dir, "entities.csv");
            File.WriteAllText(map, "name,department\nA,B\n");
            var seed = Path.Combine(TestPaths.Fixtures, "seed-html", "seed-html.pdf");
            var stderr = new StringWriter();
            Assert.Equal(CommandLine.UsageError, CommandLine.Run([seed, "--out", dir, "--entities", map], new StringWriter(), stderr));
            Assert.Contains("needs the columns name and key", stderr.ToString());
            Assert.Equal(CommandLine.UsageError, CommandLine.Run(["link", dir, "--entities", map], new StringWriter(), new StringWriter()));
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

    [Fact]
    public void Codes_looks_up_by_code_prefix_and_by_name_and_says_when_a_code_is_unknown()
    {
        var stdout = new StringWriter();
        Assert.Equal(CommandLine.Success, CommandLine.Run(["codes", "3010", "养老保险缴费支出"], stdout, new StringWriter()));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("30108\t机关事业单位基本养老保险缴费\t款", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2080505\t机关事业单位基本养老保险缴费支出\t项", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("302", StringComparison.Ordinal));

        stdout = new StringWriter();
        Assert.Equal(CommandLine.SomeInputsFailed, CommandLine.Run(["codes", "2070808"], stdout, new StringWriter()));
        Assert.Contains("not in the catalogs", stdout.ToString());
    }

    [Fact]
    public void A_user_catalog_is_added_to_the_lookup_and_a_bad_one_is_a_usage_error()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-catalog-").FullName;
        try
        {
            var mine = Path.Combine(dir, "mine.csv");
            File.WriteAllText(mine, "code,name\n2070808,广播电视事务\n");
            var stdout = new StringWriter();
            Assert.Equal(CommandLine.Success, CommandLine.Run(["codes", "2070808", "--catalog", mine], stdout, new StringWriter()));
            Assert.StartsWith("2070808\t广播电视事务\t项", stdout.ToString());

            var bad = Path.Combine(dir, "bad.csv");
            File.WriteAllText(bad, "id,label\n1,x\n");
            var stderr = new StringWriter();
            Assert.Equal(CommandLine.UsageError, CommandLine.Run(["--catalog", bad, "--out", dir], new StringWriter(), stderr));
            Assert.Contains("bad.csv", stderr.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
