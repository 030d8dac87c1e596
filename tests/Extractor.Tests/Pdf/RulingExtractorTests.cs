using Extractor.Pdf;

using Extractor.Arithmetic;

namespace Extractor.Tests.Pdf;

public sealed class RulingExtractorTests
{
    private const int Precision = 6;

    private static IReadOnlyList<RulingLine> Extract(params PathShape[] shapes) => RulingExtractor.Instance.Extract(shapes);

    private static PathShape Stroke(params PathFigure[] figures) => new(figures, IsStroked: true, IsFilled: false);

    private static PathShape Fill(params PathFigure[] figures) => new(figures, IsStroked: false, IsFilled: true);

    private static List<RulingLine> Sorted(IEnumerable<RulingLine> lines) =>
        lines.OrderBy(l => l.Orientation).ThenBy(l => l.Position).ThenBy(l => l.Start).ToList();

    private static void AssertLine(RulingLine line, RulingOrientation orientation, double position, double start, double end)
    {
        Assert.Equal(orientation, line.Orientation);
        Assert.Equal(position, line.Position, Precision);
        Assert.Equal(start, line.Start, Precision);
        Assert.Equal(end, line.End, Precision);
    }

    [Fact]
    public void StrokedRectangle_GivesFourSides_IncludingTheSideDrawnByTheCloseCommand()
    {
        var lines = Sorted(Extract(Stroke(PathFigure.Rectangle(50, 100, 250, 160))));

        Assert.Equal(4, lines.Count);
        AssertLine(lines[0], RulingOrientation.Horizontal, 100, 50, 250);
        AssertLine(lines[1], RulingOrientation.Horizontal, 160, 50, 250);
        // The left side exists only because the figure is closed: (50,160) back to (50,100).
        AssertLine(lines[2], RulingOrientation.Vertical, 50, 100, 160);
        AssertLine(lines[3], RulingOrientation.Vertical, 250, 100, 160);
    }

    [Fact]
    public void OpenPolyline_HasNoClosingSide()
    {
        var figure = new PathFigure([(50, 100), (250, 100), (250, 160), (50, 160)], Closed: false);

        var lines = Extract(Stroke(figure));

        Assert.Equal(3, lines.Count);
        Assert.DoesNotContain(lines, l => !l.IsHorizontal && Math.Abs(l.Position - 50) < 0.01);
    }

    [Fact]
    public void ThinFilledHorizontalRectangle_IsOneLineAtItsCentre()
    {
        var lines = Extract(Fill(PathFigure.Rectangle(100, 200, 300, 200.5)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Horizontal, 200.25, 100, 300);
    }

    [Fact]
    public void ThinFilledVerticalRectangle_IsOneVerticalLineAtItsCentre()
    {
        var lines = Extract(Fill(PathFigure.Rectangle(100, 200, 100.5, 400)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Vertical, 100.25, 200, 400);
    }

    [Fact]
    public void ThinRectangleBothFilledAndStroked_IsOneLineAtItsCentre()
    {
        var shape = new PathShape([PathFigure.Rectangle(100, 200, 300, 200.5)], IsStroked: true, IsFilled: true);

        var lines = Extract(shape);

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Horizontal, 200.25, 100, 300);
    }

    [Fact]
    public void LargeFilledRectangle_IsShadingNotALine()
    {
        Assert.Empty(Extract(Fill(PathFigure.Rectangle(100, 200, 300, 230))));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void ClippingRectangle_GivesNoLine(bool stroked, bool filled)
    {
        var clip = new PathShape([PathFigure.Rectangle(50, 100, 250, 160)], stroked, filled, IsClipping: true);

        Assert.Empty(Extract(clip));
    }

    [Fact]
    public void InvisibleStroke_GivesNoLine_WhileTheSameVisibleStrokeDoes()
    {
        var figure = PathFigure.Line(50, 100, 250, 100);
        var invisible = new PathShape([figure], IsStroked: true, IsFilled: false, IsVisible: false);

        Assert.Empty(Extract(invisible));
        Assert.Single(Extract(Stroke(figure)));
    }

    [Fact]
    public void TinyFilledSquare_CornerMark_GivesNothing()
    {
        Assert.Empty(Extract(Fill(PathFigure.Rectangle(100, 100, 100.8, 100.8))));
    }

    [Fact]
    public void TinyStrokedSquare_GivesNothing()
    {
        Assert.Empty(Extract(Stroke(PathFigure.Rectangle(100, 100, 100.8, 100.8))));
    }

    [Fact]
    public void ShortSegment_BelowMinimumLength_GivesNothing()
    {
        Assert.Empty(Extract(Stroke(PathFigure.Line(100, 100, 101.5, 100))));
    }

    [Theory]
    [InlineData(0, 0, 100, 50)]
    [InlineData(0, 0, 100, 1)]
    [InlineData(0, 0, 1, 100)]
    public void ObliqueSegment_GivesNothing(double x1, double y1, double x2, double y2)
    {
        Assert.Empty(Extract(Stroke(PathFigure.Line(x1, y1, x2, y2))));
    }

    [Fact]
    public void NearHorizontalSegment_IsSnappedHorizontal()
    {
        var lines = Extract(Stroke(PathFigure.Line(50, 100, 250, 100.3)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Horizontal, 100.15, 50, 250);
    }

    [Fact]
    public void NearVerticalSegment_IsSnappedVertical()
    {
        // Drawn bottom to top: Start/End still come out ordered.
        var lines = Extract(Stroke(PathFigure.Line(80.3, 300, 80, 100)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Vertical, 80.15, 100, 300);
    }

    [Fact]
    public void CollinearPieces_WithSmallGap_AreJoined()
    {
        var lines = Extract(Stroke(PathFigure.Line(50, 100, 150, 100), PathFigure.Line(152, 100, 250, 100)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Horizontal, 100, 50, 250);
    }

    [Fact]
    public void CollinearPieces_WithWideGap_StayApart()
    {
        var lines = Sorted(Extract(Stroke(PathFigure.Line(50, 100, 150, 100), PathFigure.Line(170, 100, 250, 100))));

        Assert.Equal(2, lines.Count);
        AssertLine(lines[0], RulingOrientation.Horizontal, 100, 50, 150);
        AssertLine(lines[1], RulingOrientation.Horizontal, 100, 170, 250);
    }

    [Fact]
    public void CollinearVerticalPieces_WithSmallGap_AreJoined()
    {
        var lines = Extract(Stroke(PathFigure.Line(50, 100, 50, 130)), Stroke(PathFigure.Line(50, 132, 50, 160)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Vertical, 50, 100, 160);
    }

    [Fact]
    public void OverlappingPieces_AreJoinedIntoTheirUnion()
    {
        var lines = Extract(Stroke(PathFigure.Line(50, 100, 200, 100)), Stroke(PathFigure.Line(120, 100, 250, 100)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Horizontal, 100, 50, 250);
    }

    [Fact]
    public void DoubleStroke_HalfAPointApart_IsOneLine()
    {
        var lines = Extract(Stroke(PathFigure.Line(50, 100, 250, 100)), Stroke(PathFigure.Line(50, 100.5, 250, 100.5)));

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Horizontal, 100.25, 50, 250);
    }

    [Fact]
    public void ParallelLines_FarApart_StayTwoLines()
    {
        var lines = Sorted(Extract(Stroke(PathFigure.Line(50, 100, 250, 100)), Stroke(PathFigure.Line(50, 120, 250, 120))));

        Assert.Equal(2, lines.Count);
        Assert.Equal(100, lines[0].Position, Precision);
        Assert.Equal(120, lines[1].Position, Precision);
    }

    [Fact]
    public void Merge_PlacesJoinedLineAtLengthWeightedMeanPosition()
    {
        var lines = RulingExtractor.Instance.Merge([
            RulingLine.Horizontal(100, 0, 300),
            RulingLine.Horizontal(101, 200, 300),
        ]);

        var line = Assert.Single(lines);
        // (100 * 300 + 101 * 100) / 400
        AssertLine(line, RulingOrientation.Horizontal, 100.25, 0, 300);
    }

    [Fact]
    public void Merge_LinesJustOverSnapToleranceApart_StayTwo()
    {
        var lines = Sorted(RulingExtractor.Instance.Merge([
            RulingLine.Horizontal(100, 0, 100),
            RulingLine.Horizontal(102.8, 0, 100),
        ]));

        Assert.Equal(2, lines.Count);
        Assert.Equal(100, lines[0].Position, Precision);
        Assert.Equal(102.8, lines[1].Position, Precision);
    }

    [Fact]
    public void Merge_LineElsewhereAlongTheAxis_DoesNotBridgeTwoLinesBeyondSnapTolerance()
    {
        var lines = Sorted(RulingExtractor.Instance.Merge([
            RulingLine.Horizontal(100, 0, 100),
            RulingLine.Horizontal(101.4, 200, 300),
            RulingLine.Horizontal(102.8, 0, 100),
        ]));

        var left = lines.Where(l => l.End <= 100).ToList();
        Assert.Equal(2, left.Count);
        Assert.Equal(100, left[0].Position, Precision);
        Assert.Equal(102.8, left[1].Position, Precision);
    }

    [Fact]
    public void Merge_KeepsHorizontalAndVerticalLinesApart()
    {
        var lines = Sorted(RulingExtractor.Instance.Merge([
            RulingLine.Horizontal(100, 50, 250),
            RulingLine.Vertical(100, 50, 250),
        ]));

        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].IsHorizontal);
        Assert.False(lines[1].IsHorizontal);
    }

    [Fact]
    public void Options_WiderJoinTolerance_JoinsAWiderGap()
    {
        var extractor = new RulingExtractor(new RulingExtractorOptions { JoinTolerance = 25 });

        var lines = extractor.Extract([Stroke(PathFigure.Line(50, 100, 150, 100), PathFigure.Line(170, 100, 250, 100))]);

        var line = Assert.Single(lines);
        AssertLine(line, RulingOrientation.Horizontal, 100, 50, 250);
    }

    [Fact]
    public void ShapeNeitherStrokedNorFilled_GivesNoLine()
    {
        var shape = new PathShape([PathFigure.Rectangle(50, 100, 250, 160)], IsStroked: false, IsFilled: false);

        Assert.Empty(Extract(shape));
    }

    [Fact]
    public void StrokedGridOfSegments_GivesEveryLine()
    {
        var figures = new List<PathFigure>();
        foreach (var y in new double[] { 100, 130, 160 }) figures.Add(PathFigure.Line(50, y, 250, y));
        foreach (var x in new double[] { 50, 150, 250 }) figures.Add(PathFigure.Line(x, 100, x, 160));

        var lines = Extract(new PathShape(figures, IsStroked: true, IsFilled: false));

        Assert.Equal(3, lines.Count(l => l.IsHorizontal));
        Assert.Equal(3, lines.Count(l => !l.IsHorizontal));
        Assert.All(lines, l => Assert.True(l.Length > 59));
    }
}
