using Extractor.Pdf;

using Extractor.Arithmetic;

namespace Extractor.Tests.Pdf;

public sealed class RulingLineTests
{
    [Fact]
    public void Factories_OrderStartAndEnd()
    {
        var h = RulingLine.Horizontal(100, 300, 50);
        var v = RulingLine.Vertical(80, 400, 120);

        Assert.Equal((RulingOrientation.Horizontal, 100.0, 50.0, 300.0), (h.Orientation, h.Position, h.Start, h.End));
        Assert.Equal((RulingOrientation.Vertical, 80.0, 120.0, 400.0), (v.Orientation, v.Position, v.Start, v.End));
        Assert.True(h.IsHorizontal);
        Assert.False(v.IsHorizontal);
        Assert.Equal(250, h.Length);
    }

    [Theory]
    [InlineData(50, 300, 0, true)]
    [InlineData(48, 302, 2, true)]
    [InlineData(45, 300, 2, false)]
    [InlineData(50, 305, 2, false)]
    public void Covers_AllowsToleranceAtBothEnds(double from, double to, double tolerance, bool expected)
    {
        Assert.Equal(expected, RulingLine.Horizontal(100, 50, 300).Covers(from, to, tolerance));
    }

    [Fact]
    public void ToString_IsCompact()
    {
        Assert.Equal("H@100.25 [50..300]", RulingLine.Horizontal(100.25, 50, 300).ToString());
        Assert.Equal("V@80 [120..400]", RulingLine.Vertical(80, 120, 400).ToString());
    }
}
