using System.Text.Json;
using Extractor.Cli;

namespace Extractor.Tests.Cli;

/// <summary>A document published as two files (the Beijing 财政局 2026 budget: narrative and tables apart) converted as one.</summary>
public sealed class JoinCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("extractor-join-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void The_narrative_and_the_tables_become_one_document_with_pages_numbered_on()
    {
        var narrative = Prerequisites.CorpusFile("beijing-czj-2026-dept-budget-narrative.pdf");
        var tables = Prerequisites.CorpusFile("beijing-czj-2026-dept-budget-tables.pdf");
        var stderr = new StringWriter();
        var exit = CommandLine.Run(["join", narrative, tables, "--out", _out], new StringWriter(), stderr);

        Assert.True(exit is CommandLine.Success or CommandLine.ChecksFailed, stderr.ToString());
        var documents = File.ReadAllLines(Path.Combine(_out, "documents.csv"));
        Assert.Equal(2, documents.Length);
        Assert.Contains(" + ", documents[1]);
        var folder = Directory.GetDirectories(_out).Single(d => !Path.GetFileName(d).StartsWith('.'));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "document.json")));
        var root = json.RootElement;
        // 10 narrative pages, then the 48 pages of tables numbered 11 to 58.
        Assert.Equal(58, root.GetProperty("source").GetProperty("pages").GetInt32());
        Assert.Equal("budget", root.GetProperty("metadata").GetProperty("kind").GetString());
        Assert.Equal("北京市财政局", root.GetProperty("metadata").GetProperty("department").GetString());
        var ys01 = root.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "YS01");
        Assert.Equal(11, ys01.GetProperty("pages")[0].GetInt32());
        // The narrative of the first file was read with the tables of the second: the narrative checks ran.
        Assert.Contains(root.GetProperty("checks").EnumerateArray(), c => c.GetProperty("id").GetString()!.StartsWith("narrative.", StringComparison.Ordinal));
    }

    [Fact]
    public void Join_needs_two_files()
    {
        var stderr = new StringWriter();
        Assert.Equal(CommandLine.UsageError, CommandLine.Run(["join", "one.pdf"], new StringWriter(), stderr));
        Assert.Contains("at least two files", stderr.ToString());
    }
}
