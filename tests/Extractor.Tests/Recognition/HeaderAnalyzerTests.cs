using Extractor.Recognition;

namespace Extractor.Tests.Recognition;

public sealed class HeaderAnalyzerTests
{
    [Fact]
    public void The_body_starts_after_the_column_number_row()
    {
        var grid = GridBuilder.Build(
            ["项目", "<", "<", "本年支出合计", "基本支出"],
            ["类", "款", "项", "^", "^"],
            ["", "", "栏次", "1", "2"],
            ["", "", "合计", "652.66", "580.65"]);
        Assert.True(HeaderAnalyzer.IsColumnNumberRow(grid, 2));
        Assert.Equal(3, HeaderAnalyzer.FindBodyStart(grid));
    }

    [Fact]
    public void Without_a_column_number_row_the_body_starts_at_the_first_amount()
    {
        var grid = GridBuilder.Build(
            ["收入", "<", "支出", "<"],
            ["项目", "决算数", "项目", "决算数"],
            ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"]);
        Assert.Equal(2, HeaderAnalyzer.FindBodyStart(grid));
    }

    [Fact]
    public void Numbers_one_to_n_are_a_column_number_row_but_line_numbers_are_not()
    {
        var grid = GridBuilder.Build(
            ["1", "2", "3", "4"],
            ["", "9", "", "39"],
            ["甲", "乙", "1", "2"]);
        Assert.True(HeaderAnalyzer.IsColumnNumberRow(grid, 0));
        Assert.False(HeaderAnalyzer.IsColumnNumberRow(grid, 1));
        Assert.True(HeaderAnalyzer.IsColumnNumberRow(grid, 2));
    }

    [Fact]
    public void An_empty_table_ends_its_header_at_the_first_blank_row()
    {
        var grid = GridBuilder.Build(
            ["项目", "<", "年初结转和结余", "本年支出", "<", "<"],
            ["编码", "科目名称", "^", "小计", "基本支出", "项目支出"],
            ["", "", "", "", "", ""],
            ["", "", "", "", "", ""]);
        Assert.Equal(2, HeaderAnalyzer.FindBodyStart(grid));
    }

    [Fact]
    public void Header_paths_follow_merged_cells_down_to_each_column()
    {
        var grid = GridBuilder.Build(
            ["项目", "<", "本年支出", "<", "<"],
            ["功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"],
            ["栏次", "", "1", "2", "3"],
            ["201", "一般公共服务支出", "1.00", "1.00", ""]);
        var paths = HeaderAnalyzer.HeaderPaths(grid, 3);
        Assert.Equal(["项目", "功能分类科目编码"], paths[0]);
        Assert.Equal(["项目", "科目名称"], paths[1]);
        Assert.Equal(["本年支出", "小计"], paths[2]);
        Assert.Equal(["本年支出", "项目支出"], paths[4]);
    }
}
