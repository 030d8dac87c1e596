using Extractor.Linking;
using Extractor.Rows;

namespace Extractor.Tests.Linking;

/// <summary>Hand-built documents and facts for the link stage's tests.</summary>
internal static class LinkInputs
{
    private static int _order;

    public static readonly string[] UnitTitles = ["2024年预算单位支出预算总表", "2024年预算单位一般公共预算支出功能分类预算表"];
    public static readonly string[] DepartmentTitles = ["2024年部门支出预算总表", "2024年部门一般公共预算支出功能分类预算表"];

    /// <summary>A document as the reader would give it: its entity resolved from its name and titles (and the map).</summary>
    public static LinkDocument Doc(string docId, string department, int? year, string kind, string[]? titles = null, EntityMap? map = null) =>
        new(docId, "/out", department, year, kind, new EntityResolver(map).Resolve(docId, department, titles ?? []))
        {
            Order = Interlocked.Increment(ref _order),
            Titles = titles ?? [],
        };

    public static Fact F(string table, string code, string name, string column, string value, int page = 1, string section = "", string unit = "万元") =>
        new("d", "", "", "", table, section, "", code, code.Length switch { 3 => "类", 5 => "款", 7 => "项", _ => "" }, name, column,
            decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, page, code, name, "none");

    public static DocumentFacts Facts(LinkDocument doc, params Fact[] facts) => new(doc, facts);

    public static EntityMap Map(string csv) => EntityMap.Read(new StringReader(csv));
}
