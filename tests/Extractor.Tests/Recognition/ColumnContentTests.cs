using Extractor.Recognition;
using Extractor.Templates;

namespace Extractor.Tests.Recognition;

/// <summary>Column roles from what a column's body holds, where its header says nothing or something else.</summary>
public sealed class ColumnContentTests
{
    private static TableTemplate Template(string id) => TemplateCatalog.Default.Find(id)!;

    [Theory]
    [InlineData(nameof(ColumnContent.CodeContent.Whole), "207", "20708", "2070808", "208", "20805", "2080505")]
    [InlineData(nameof(ColumnContent.CodeContent.Whole), "301", "3010", "3010", "3011", "303", "3030")]   // cut 4-digit codes under their 类
    [InlineData(nameof(ColumnContent.CodeContent.ThreeDigits), "201", "201", "201", "208")]
    [InlineData(nameof(ColumnContent.CodeContent.TwoDigits), "40", "40", "01", "04")]
    [InlineData(nameof(ColumnContent.CodeContent.None), "1234", "567", "89012", "3456")]                    // integer amounts do not nest
    [InlineData(nameof(ColumnContent.CodeContent.None), "652.66", "466.39", "77.01")]
    [InlineData(nameof(ColumnContent.CodeContent.None), "一般公共服务支出", "行政运行", "机关服务")]
    public void Codes_are_told_from_amounts_and_names_by_what_they_are(string expected, params string[] texts) =>
        Assert.Equal(expected, ColumnContent.Classify(texts).ToString());

    [Fact]
    public void Whole_codes_under_a_header_of_class_item_and_subitem_labels_are_one_code_column()
    {
        // A 三线表: 功能分类科目编码 over 类 款 项, each code printed whole in the first column (the stream reader
        // makes 类 款 one column, 项 another, empty in every row).
        var grid = GridBuilder.Build(
            ["", "功能分类科目编码", "项目", "本年收入合计", "财政拨款收入"],
            ["类款", "项", "栏次", "1", "2"],
            ["", "", "合计", "652.66", "652.66"],
            ["207", "", "文化旅游体育与传媒支出", "466.39", "466.39"],
            ["20708", "", "广播电视", "466.39", "466.39"],
            ["2070808", "", "广播电视事务", "466.39", "466.39"]);
        var specs = ColumnMapper.Map(grid, 2, Template("GK02"));
        Assert.Equal(ColumnRole.Code, specs[0].Role);
        Assert.Equal("", specs[0].Level);
        Assert.Equal(ColumnRole.Name, specs[2].Role);
        Assert.Equal(["本年收入合计", "财政拨款收入"], specs.Where(s => s.Role == ColumnRole.Amount).Select(s => s.Column));
    }

    [Fact]
    public void Split_code_parts_under_a_header_that_names_no_code_column_are_code_parts_with_their_levels()
    {
        // Changsha: 类 | 款 | 项 | 功能科目 with a 栏次 row of ** — the parts 201 | 40 | 01 were read as amounts.
        var grid = GridBuilder.Build(
            ["科目", "<", "<", "<", "合计", "本级财政拨款"],
            ["类", "款", "项", "功能科目", "^", "^"],
            ["**", "**", "**", "**", "1", "2"],
            ["", "", "", "合计", "1935.36", "1935.36"],
            ["201", "", "", "一般公共服务支出", "1935.36", "1935.36"],
            ["", "40", "", "信访事务", "1935.36", "1935.36"],
            ["201", "40", "01", "行政运行", "1517.95", "1517.95"],
            ["201", "40", "04", "信访业务", "417.41", "417.41"]);
        var specs = ColumnMapper.Map(grid, 3, Template("YS02"));
        Assert.Equal([ColumnRole.Code, ColumnRole.Code, ColumnRole.Code, ColumnRole.Name], specs.Take(4).Select(s => s.Role));
        Assert.Equal(["类", "款", "项"], specs.Take(3).Select(s => s.Level));
    }

    [Fact]
    public void Integer_amounts_beside_names_stay_amounts()
    {
        var grid = GridBuilder.Build(
            ["科目编码", "科目名称", "金额"],
            ["201", "一般公共服务支出", "1234"],
            ["20101", "人大事务", "567"],
            ["2010101", "行政运行", "89"]);
        var specs = ColumnMapper.Map(grid, 1, Template("GK05"));
        Assert.Equal([ColumnRole.Code, ColumnRole.Name, ColumnRole.Amount], specs.Select(s => s.Role));
    }

    [Fact]
    public void A_unit_column_before_the_codes_names_the_units_total_row_and_keeps_the_codes()
    {
        // Shenzhen: 预算单位 | 科目编码 | 科目名称 | amounts: the unit is not a first classification.
        var grid = GridBuilder.Build(
            ["预算单位", "科目编码", "科目名称", "支出总计", "基本支出"],
            ["深圳市财政局（本级）", "", "", "37,385.88", "11,024.31"],
            ["", "201", "一般公共服务支出", "20,563.76", "6,487.76"],
            ["", "20106", "财政事务", "20,563.76", "6,487.76"]);
        var specs = ColumnMapper.Map(grid, 1, Template("YS03"));
        Assert.Equal([ColumnRole.Name, ColumnRole.Code, ColumnRole.Name], specs.Take(3).Select(s => s.Role));
        Assert.True(specs[0].Unit);
        Assert.Single(specs.Select(s => s.Group).Distinct());
    }
}
