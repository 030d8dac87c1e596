using Extractor.Rows;

namespace Extractor.Tests.Rows;

public sealed class NameCleanerTests
{
    [Theory]
    [InlineData("一、一般公共预算财政拨款收入", "一般公共预算财政拨款收入")]
    [InlineData("二十六、抗疫特别国债安排的支出", "抗疫特别国债安排的支出")]
    [InlineData("（一）行政运行", "行政运行")]
    [InlineData("(三)机关服务", "机关服务")]
    [InlineData("1.基本工资", "基本工资")]
    [InlineData("2、津贴补贴", "津贴补贴")]
    [InlineData("一、（一）嵌套", "嵌套")]
    [InlineData("本年收入 合计", "本年收入合计")]
    [InlineData("合计", "合计")]
    [InlineData("2024年度结转", "2024年度结转")]
    [InlineData("一般公共服务支出", "一般公共服务支出")]
    public void Removes_whitespace_and_leading_ordinals_only(string printed, string name)
    {
        Assert.Equal(name, NameCleaner.Clean(printed));
    }
}
