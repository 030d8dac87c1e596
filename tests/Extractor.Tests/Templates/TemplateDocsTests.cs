using Extractor.Templates;

namespace Extractor.Tests.Templates;

/// <summary>The output-format page names every canonical table id and column the templates can write.</summary>
public sealed class TemplateDocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "output-format.md"));

    public static TheoryData<string> TemplateIds()
    {
        var data = new TheoryData<string>();
        foreach (var t in TemplateCatalog.Default.Templates) data.Add(t.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Every_canonical_column_is_documented(string id)
    {
        var template = TemplateCatalog.Default.Find(id)!;
        Assert.Contains(id, Docs);
        foreach (var column in template.Columns) Assert.Contains($"`{column.Name}`", Docs);
    }

    [Fact]
    public void Both_kinds_are_loaded_with_the_national_sets()
    {
        var ids = TemplateCatalog.Default.Templates.Select(t => (t.Kind, t.Id)).ToHashSet();
        foreach (var i in Enumerable.Range(1, 9))
        {
            Assert.Contains(("final", $"GK{i:00}"), ids);
            Assert.Contains(("budget", $"YS{i:00}"), ids);
        }
        Assert.All(TemplateCatalog.Default.Templates.Where(t => t.Kind == "budget" && int.Parse(t.Id[2..]) <= 9), t => Assert.False(t.Optional));
    }
}
