using Extractor.Pdf;

namespace Extractor.Tests.Pdf;

public sealed class BoxTests
{
    [Fact]
    public void Measures_FollowTheEdges()
    {
        var box = new Box(10, 20, 50, 30);

        Assert.Equal(40, box.Width);
        Assert.Equal(10, box.Height);
        Assert.Equal(30, box.CenterX);
        Assert.Equal(25, box.CenterY);
    }

    [Theory]
    [InlineData(10, 20, true)]
    [InlineData(50, 30, true)]
    [InlineData(30, 25, true)]
    [InlineData(9.9, 25, false)]
    [InlineData(30, 30.1, false)]
    public void Contains_IncludesTheEdges(double x, double y, bool expected)
    {
        Assert.Equal(expected, new Box(10, 20, 50, 30).Contains(x, y));
    }

    [Fact]
    public void Union_IsTheSmallestBoxHoldingBoth()
    {
        Assert.Equal(new Box(5, 20, 50, 40), new Box(10, 20, 50, 30).Union(new Box(5, 25, 20, 40)));
    }
}
