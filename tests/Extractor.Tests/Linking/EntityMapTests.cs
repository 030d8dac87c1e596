using Extractor.Linking;

namespace Extractor.Tests.Linking;

public sealed class EntityMapTests
{
    private static EntityMap Map(string csv) => EntityMap.Read(new StringReader(csv));

    [Fact]
    public void A_row_applies_to_a_doc_id_to_the_printed_name_and_to_the_other_spellings_of_it()
    {
        var map = Map("name,key,department,kind\n" +
                      "jiangsu-rendaban-2019-dept-budget-tables-2baf474e,江苏省人大常委会办公厅,,\n" +
                      "上海市财务会计综合管理事务中心（上海市财政科学研究所）,,上海市财政局,\n" +
                      "武汉市江汉区样例服务中心,样例中心,,单位\n");
        Assert.Equal("江苏省人大常委会办公厅", map.Find("jiangsu-rendaban-2019-dept-budget-tables-2baf474e", "")!.Key);
        Assert.Equal("上海市财政局", map.Find("x", "上海市财务会计综合管理事务中心(上海市财政科学研究所)")!.Department);
        Assert.Equal("样例中心", map.Find("x", "江汉区样例服务中心")!.Key);
        Assert.Null(map.Find("x", "江汉区样例局"));
    }

    [Fact]
    public void A_row_for_a_department_s_own_unit_does_not_apply_to_the_department()
    {
        var map = Map("name,key,department,kind\n武汉市江汉区样例局（本级）,江汉区样例局,江汉区样例局,单位\n");
        Assert.NotNull(map.Find("x", "江汉区样例局（本级）"));
        Assert.Null(map.Find("x", "武汉市江汉区样例局"));
    }

    [Fact]
    public void The_units_a_department_is_given_are_its_declared_units()
    {
        var map = Map("name,key,department\n武汉市江汉区样例服务中心,,江汉区样例局\n武汉市江汉区样例局（本级）,江汉区样例局,江汉区样例局\n上海市财政局,,\n");
        var declared = map.DeclaredUnits();
        Assert.Equal(["江汉区样例局"], declared.Keys);
        Assert.Equal(["江汉区样例局", "江汉区样例服务中心"], declared["江汉区样例局"].Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("name,department\nA,B\n", "needs the columns name and key")]
    [InlineData("name,key,kind\nA,B,汇总\n", "line 2: kind must be")]
    public void A_file_that_cannot_be_used_says_what_to_fix(string csv, string message)
    {
        var e = Assert.Throws<EntityMapException>(() => Map(csv));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_resolver_takes_the_mapping_first_then_the_qualifier_then_the_titles_then_the_mapped_department()
    {
        var resolver = new EntityResolver(Map("name,key,department,kind\n武汉市江汉区样例服务中心,,江汉区样例局,\n"));
        // Mapped under another department, with titles that say nothing: a unit of that department.
        var unit = resolver.Resolve("d1", "武汉市江汉区样例服务中心", ["2024 年度支出决算表"]);
        Assert.Equal(new Entity("江汉区样例服务中心", EntityScope.Unit, "江汉区样例局", "武汉市", true), unit);
        // Titles of a department's budget win over the mapped department.
        Assert.Equal(EntityScope.Department, resolver.Resolve("d2", "武汉市江汉区样例服务中心", ["2024年部门支出预算总表"]).Scope);
        // Unmapped, a 单位 budget is its own department's unit (its 本级); without any word, a department.
        Assert.Equal(new Entity("普陀区司法局", EntityScope.Unit, "普陀区司法局", "上海市", false),
            resolver.Resolve("d3", "上海市普陀区司法局", ["2026年预算单位支出预算总表"]));
        Assert.Equal(EntityScope.Department, resolver.Resolve("d4", "国家信访局", []).Scope);
        Assert.Equal(Entity.None, resolver.Resolve("d5", "", []));
    }
}
