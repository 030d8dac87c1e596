using Extractor.Codes;
using Extractor.Arithmetic;
using Extractor.Templates;

namespace Extractor.Tests.Codes;

public sealed class ClassificationCatalogTests
{
    [Fact]
    public void The_embedded_catalog_holds_the_observed_lists_with_their_sources()
    {
        var catalog = ClassificationCatalog.Embedded;
        var wage = catalog.Find("30101");
        Assert.NotNull(wage);
        Assert.Equal("基本工资", wage.Name);
        Assert.Equal(CodeSystem.Economic, wage.System);
        Assert.Contains("F1", wage.Sources);
        Assert.Equal(CodeSystem.Function, catalog.Find("2080505")!.System);
        // A code no source printed is unknown, not invented.
        Assert.Null(catalog.Find("2070808"));
    }

    [Fact]
    public void Other_names_seen_for_a_code_are_kept_as_its_names()
    {
        var names = ClassificationCatalog.Embedded.Find("20805")!.Names;
        Assert.Contains("行政事业单位养老支出", names);
        Assert.Contains("行政事业单位离退休", names);
    }

    [Fact]
    public void A_user_catalog_adds_codes_and_needs_code_and_name_columns()
    {
        var entries = ClassificationCatalog.ReadCsv(new StringReader("code,name\n2070808,广播电视事务\n,\nabc,x\n"), "mine.csv");
        var entry = Assert.Single(entries);
        Assert.Equal(("2070808", "广播电视事务", "mine.csv"), (entry.Code, entry.Name, entry.Sources));
        Assert.NotNull(ClassificationCatalog.Embedded.With(entries).Find("2070808"));
        Assert.Throws<FormatException>(() => ClassificationCatalog.ReadCsv(new StringReader("id,label\n1,x\n"), "bad.csv"));
    }
}
