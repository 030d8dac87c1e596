using Extractor.Recognition;
using Extractor.Templates;
using Extractor.Arithmetic;

namespace Extractor.Tests.Recognition;

public sealed class ColumnMapperTests
{
    private static TableTemplate Template(string id) => TemplateCatalog.Default.Find(id)!;

    [Fact]
    public void The_two_halves_of_the_summary_table_are_two_groups_with_their_sections()
    {
        var grid = GridBuilder.Build(
            ["收入", "<", "<", "支出", "<", "<"],
            ["项目", "行次", "金额", "项目", "行次", "金额"],
            ["栏次", "", "1", "栏次", "", "2"],
            ["一、一般公共预算财政拨款收入", "1", "652.66", "一、一般公共服务支出", "31", ""]);
        var specs = ColumnMapper.Map(grid, 3, Template("GK01"));
        Assert.Equal([ColumnRole.Name, ColumnRole.LineNumber, ColumnRole.Amount, ColumnRole.Name, ColumnRole.LineNumber, ColumnRole.Amount], specs.Select(s => s.Role));
        Assert.Equal([0, 0, 0, 1, 1, 1], specs.Select(s => s.Group));
        Assert.Equal(["收入", "收入", "收入", "支出", "支出", "支出"], specs.Select(s => s.Section));
        Assert.Equal("金额", specs[2].Column);
        Assert.Equal("金额", specs[5].Column);
    }

    [Fact]
    public void Truncated_header_labels_take_the_template_column_they_begin()
    {
        var grid = GridBuilder.Build(
            ["预算数", "<", "<", "<", "<", "<"],
            ["合计", "因公出国(境)费", "公务用车购置及运行维护费", "<", "<", "公务接待费"],
            ["^", "^", "小计", "公务用车购", "公务用车运", "^"],
            ["1", "2", "3", "4", "5", "6"],
            ["0.87", "", "0.87", "", "0.87", ""]);
        var specs = ColumnMapper.Map(grid, 4, Template("GK09"));
        Assert.Equal(["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行费", "公务接待费"], specs.Select(s => s.Column));
        Assert.All(specs, s => Assert.Equal("预算数", s.Section));
    }

    [Fact]
    public void The_three_code_name_amount_blocks_of_the_basic_expenditure_table_are_three_groups()
    {
        var grid = GridBuilder.Build(
            ["人员经费", "<", "<", "公用经费", "<", "<", "<", "<", "<"],
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "486.99", "302", "商品和服务支出", "44.50", "310", "资本性支出", ""]);
        var specs = ColumnMapper.Map(grid, 2, Template("GK06"));
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], specs.Select(s => s.Group));
        Assert.Equal(3, specs.Count(s => s.Role == ColumnRole.Code));
        Assert.Equal(3, specs.Count(s => s.Column == "决算数"));
    }

    [Fact]
    public void A_header_outside_the_template_keeps_its_own_text()
    {
        var grid = GridBuilder.Build(
            ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "会议费"],
            ["201", "一般公共服务支出", "3.00", "2.00", "1.00", "0.50"]);
        var specs = ColumnMapper.Map(grid, 1, Template("GK03"));
        Assert.Equal("会议费", specs[5].Column);
        Assert.Equal("本年支出合计", specs[2].Column);
        Assert.Equal(ColumnRole.Code, specs[0].Role);
        Assert.Equal(ColumnRole.Name, specs[1].Role);
    }
}
