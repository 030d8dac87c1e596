using Extractor.Linking;

namespace Extractor.Tests.Linking;

public sealed class EntityNameTests
{
    [Theory]
    [InlineData("武汉市江汉区融媒体中心")]
    [InlineData("江汉区融媒体中心")]
    [InlineData("江汉区融媒体中心（本级）")]
    [InlineData("江汉区融媒体中心(本级)")]
    [InlineData(" 武汉市 江汉区 融媒体中心 ")]
    public void The_ways_one_name_is_printed_give_one_key(string printed)
    {
        Assert.Equal("江汉区融媒体中心", EntityName.Parse(printed).Key);
    }

    [Theory]
    [InlineData("深圳市财政局（本级）", "深圳市财政局", EntityScope.Unit)]
    [InlineData(".长春市信访局（本级）", "长春市信访局", EntityScope.Unit)]
    [InlineData("西安市卫生健康委员会（汇总）", "西安市卫生健康委", EntityScope.Department)]
    [InlineData("上海市财政局（单位）", "上海市财政局", EntityScope.Unit)]
    [InlineData("上海市普陀区司法局本级", "普陀区司法局", EntityScope.Unit)]
    [InlineData("上海市普陀区司法局", "普陀区司法局", "")]
    public void A_qualifier_after_the_name_says_what_the_document_covers_and_leaves_the_key(string printed, string key, string scope)
    {
        var name = EntityName.Parse(printed);
        Assert.Equal((key, scope), (name.Key, name.Scope));
    }

    [Theory]
    [InlineData("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅")]
    [InlineData("中共江苏省委办公厅", "中共江苏省委办公厅")]
    [InlineData("中共上海市普陀区委社会工作部", "中共普陀区委社会工作部")]
    [InlineData("上海市普陀区人民政府办公室", "普陀区政府办公室")]
    [InlineData("江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅")]
    [InlineData("上海市财务会计综合管理事务中心（上海市财政科学研究所）", "上海市财务会计综合管理事务中心")]
    public void Standard_abbreviations_and_an_alias_in_brackets_do_not_change_the_key(string printed, string key)
    {
        Assert.Equal(key, EntityName.Parse(printed).Key);
    }

    [Theory]
    [InlineData("上海市财政局", "上海市财政局", "")]
    [InlineData("国家信访局", "国家信访局", "")]
    [InlineData("武汉市江汉区城市管理局", "江汉区城市管理局", "武汉市")]
    [InlineData("上海市市场监督管理局", "上海市市场监督管理局", "")]
    [InlineData("江苏省苏州市审计局", "苏州市审计局", "江苏省")]
    [InlineData("宁夏回族自治区银川市财政局", "银川市财政局", "宁夏回族自治区")]
    public void Only_the_lowest_division_stays_in_the_key_and_a_body_s_own_name_is_no_division(string printed, string key, string higher)
    {
        var name = EntityName.Parse(printed);
        Assert.Equal((key, higher), (name.Key, name.Higher));
    }

    [Fact]
    public void The_same_district_name_in_two_cities_keeps_the_cities_apart_in_Higher()
    {
        var shanghai = EntityName.Parse("上海市普陀区司法局");
        var zhoushan = EntityName.Parse("舟山市普陀区司法局");
        Assert.Equal(shanghai.Key, zhoushan.Key);
        Assert.NotEqual(shanghai.Higher, zhoushan.Higher);
    }

    [Fact]
    public void No_name_gives_no_key()
    {
        Assert.Equal(string.Empty, EntityName.Parse("").Key);
        Assert.Equal(string.Empty, EntityName.Parse("  ").Key);
    }

    [Theory]
    [InlineData(new[] { "2025年预算单位财务收支预算总表", "2025年预算单位收入预算总表", "2025年单位“三公”经费和机关运行经费预算表" }, EntityScope.Unit)]
    [InlineData(new[] { "2025年部门财务收支预算总表", "2025年部门一般公共预算基本支出部门预算经济分类预算表" }, EntityScope.Department)]
    [InlineData(new[] { "2025年预算单位一般公共预算基本支出部门预算经济分类预算表" }, EntityScope.Unit)]
    [InlineData(new[] { "收入支出决算总表", "支出决算表" }, "")]
    public void The_titles_say_whether_a_budget_is_a_department_s_or_a_unit_s(string[] titles, string scope)
    {
        Assert.Equal(scope, EntityScope.FromTitles(titles));
    }
}
