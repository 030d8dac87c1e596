using Extractor.Pdf;
using Extractor.Tables;
using static Extractor.Tests.Tables.PageBuilder;

namespace Extractor.Tests.Tables;

public sealed class LatticeDetectorTests
{
    private const int Precision = 6;
    private static readonly double[] Xs = [50, 150, 250, 350];
    private static readonly double[] Ys = [100, 130, 160, 190];

    private static readonly string[,] Texts =
    {
        { "项目", "预算数", "决算数" },
        { "收入", "652.66", "700.00" },
        { "支出", "100", "120" },
    };

    private static IReadOnlyList<CellGrid> Detect(PageModel page) => LatticeDetector.Instance.Detect(page);

    private static List<TextGlyph> FillAll(string[,] texts, double[] xs, double[] ys, Func<int, int, bool>? skip = null)
    {
        var glyphs = new List<TextGlyph>();
        for (var r = 0; r < texts.GetLength(0); r++)
        for (var c = 0; c < texts.GetLength(1); c++)
        {
            if (skip?.Invoke(r, c) == true) continue;
            glyphs.AddRange(InCell(texts[r, c], xs, ys, r, c));
        }
        return glyphs;
    }

    private static void AssertFullGrid(CellGrid grid, string[,] texts)
    {
        Assert.Equal(texts.GetLength(0), grid.Rows);
        Assert.Equal(texts.GetLength(1), grid.Columns);
        Assert.Equal(grid.Rows * grid.Columns, grid.Cells.Count);
        for (var r = 0; r < grid.Rows; r++)
        for (var c = 0; c < grid.Columns; c++)
        {
            Assert.Equal(texts[r, c], grid.TextAt(r, c));
        }
    }

    [Fact]
    public void RuledThreeByThreeGrid_GivesThreeByThreeCellsWithTextInPlace()
    {
        var page = Page(Grid(Xs, Ys), FillAll(Texts, Xs, Ys));

        var grid = Assert.Single(Detect(page));

        Assert.Equal("lattice", grid.Method);
        Assert.Equal(1, grid.Page);
        AssertFullGrid(grid, Texts);
        Assert.Equal(Ys, grid.RowEdges);
        Assert.Equal(Xs, grid.ColumnEdges);
        Assert.All(grid.Cells, cell => Assert.Equal((1, 1), (cell.RowSpan, cell.ColumnSpan)));
        var middle = grid.At(1, 1);
        Assert.NotNull(middle);
        Assert.Equal(new Box(150, 130, 250, 160), middle.Box);
    }

    [Fact]
    public void GlyphOrderInInput_DoesNotMatter()
    {
        var glyphs = FillAll(Texts, Xs, Ys);
        glyphs.Reverse();

        var grid = Assert.Single(Detect(Page(Grid(Xs, Ys), glyphs)));

        AssertFullGrid(grid, Texts);
    }

    [Fact]
    public void TextOutsideTheGrid_IsNotInAnyCell()
    {
        var glyphs = FillAll(Texts, Xs, Ys);
        glyphs.AddRange(Text("单位：万元", 260, 90));
        glyphs.AddRange(Text("注释", 60, 210));

        var grid = Assert.Single(Detect(Page(Grid(Xs, Ys), glyphs)));

        AssertFullGrid(grid, Texts);
    }

    [Fact]
    public void MergedHeaderCell_SpansTwoColumns_BodyCellsStaySeparate()
    {
        // The vertical at x = 250 is missing in the header row only.
        var rulings = new List<RulingLine>();
        rulings.AddRange(Ys.Select(y => RulingLine.Horizontal(y, 50, 350)));
        rulings.Add(RulingLine.Vertical(50, 100, 190));
        rulings.Add(RulingLine.Vertical(150, 100, 190));
        rulings.Add(RulingLine.Vertical(250, 130, 190));
        rulings.Add(RulingLine.Vertical(350, 100, 190));
        var glyphs = FillAll(Texts, Xs, Ys, skip: (r, c) => r == 0 && c > 0);
        glyphs.AddRange(Text("金额", 240, 120)); // centred on the missing line: 金 in column 1, 额 in column 2

        var grid = Assert.Single(Detect(Page(rulings, glyphs)));

        Assert.Equal(3, grid.Rows);
        Assert.Equal(3, grid.Columns);
        Assert.Equal(8, grid.Cells.Count);
        var header = grid.At(0, 1);
        Assert.NotNull(header);
        Assert.Same(header, grid.At(0, 2));
        Assert.Equal((0, 1, 1, 2), (header.Row, header.Column, header.RowSpan, header.ColumnSpan));
        Assert.Equal("金额", header.Text);
        Assert.Equal(new Box(150, 100, 350, 130), header.Box);
        Assert.NotSame(grid.At(1, 1), grid.At(1, 2));
        Assert.Equal("652.66", grid.TextAt(1, 1));
        Assert.Equal("700.00", grid.TextAt(1, 2));
        Assert.Equal("项目", grid.TextAt(0, 0));
        Assert.Equal(new[] { "项目", "金额" }, grid.CellsInRow(0).Select(c => c.Text));
    }

    [Fact]
    public void MergedCell_SpanningTwoRows_HasRowSpanTwo()
    {
        // The horizontal at y = 130 is missing in the first column only.
        var rulings = new List<RulingLine>
        {
            RulingLine.Horizontal(100, 50, 350),
            RulingLine.Horizontal(130, 150, 350),
            RulingLine.Horizontal(160, 50, 350),
            RulingLine.Horizontal(190, 50, 350),
        };
        rulings.AddRange(Xs.Select(x => RulingLine.Vertical(x, 100, 190)));
        var glyphs = FillAll(Texts, Xs, Ys, skip: (r, c) => r < 2 && c == 0);
        glyphs.AddRange(Text("项目", 55, 134)); // on the missing line

        var grid = Assert.Single(Detect(Page(rulings, glyphs)));

        Assert.Equal(8, grid.Cells.Count);
        var merged = grid.At(0, 0);
        Assert.NotNull(merged);
        Assert.Same(merged, grid.At(1, 0));
        Assert.Equal((0, 0, 2, 1), (merged.Row, merged.Column, merged.RowSpan, merged.ColumnSpan));
        Assert.Equal("项目", merged.Text);
        Assert.Equal(new Box(50, 100, 150, 160), merged.Box);
        Assert.NotSame(grid.At(0, 1), grid.At(1, 1));
        Assert.Equal("预算数", grid.TextAt(0, 1));
        Assert.Equal("652.66", grid.TextAt(1, 1));
        Assert.NotSame(merged, grid.At(2, 0));
        Assert.Equal("支出", grid.TextAt(2, 0));
    }

    [Fact]
    public void MissingSidePartOfTheWay_StillGivesRectangularCells()
    {
        // Column 0: y = 130 missing; column 1: the vertical x = 150 missing between 130 and 160 only.
        // (0,0)+(1,0) merge, then (1,0)+(1,1) merge: the group must grow to the full 2x2 rectangle.
        var rulings = new List<RulingLine>
        {
            RulingLine.Horizontal(100, 50, 350),
            RulingLine.Horizontal(130, 150, 350),
            RulingLine.Horizontal(160, 50, 350),
            RulingLine.Horizontal(190, 50, 350),
            RulingLine.Vertical(50, 100, 190),
            RulingLine.Vertical(150, 100, 130),
            RulingLine.Vertical(150, 160, 190),
            RulingLine.Vertical(250, 100, 190),
            RulingLine.Vertical(350, 100, 190),
        };
        var glyphs = FillAll(Texts, Xs, Ys, skip: (r, c) => r < 2 && c < 2);
        glyphs.AddRange(Text("合并", 130, 134));

        var grid = Assert.Single(Detect(Page(rulings, glyphs)));

        var merged = grid.At(0, 0);
        Assert.NotNull(merged);
        Assert.Equal((0, 0, 2, 2), (merged.Row, merged.Column, merged.RowSpan, merged.ColumnSpan));
        Assert.Same(merged, grid.At(0, 1));
        Assert.Same(merged, grid.At(1, 1));
        Assert.Equal("合并", merged.Text);
        Assert.Equal(6, grid.Cells.Count);
    }

    [Fact]
    public void LineDrawnInTwoPiecesWithSmallGap_ThroughMerge_StillSeparatesCells()
    {
        var rulings = Grid(Xs, Ys).Where(l => !(l.IsHorizontal && l.Position == 130)).ToList();
        rulings.Add(RulingLine.Horizontal(130, 50, 199));
        rulings.Add(RulingLine.Horizontal(130, 201, 350));

        var merged = RulingExtractor.Instance.Merge(rulings);
        var grid = Assert.Single(Detect(Page(merged, FillAll(Texts, Xs, Ys))));

        Assert.Single(merged, l => l.IsHorizontal && l.Position == 130);
        AssertFullGrid(grid, Texts);
    }

    [Fact]
    public void LineDrawnInTwoPieces_GivenUnmerged_StillSeparatesCells()
    {
        // Detect does not need merged input for this: each piece crosses a vertical and the drawn
        // share of the interrupted side (49 + 49 of 100) is over the coverage threshold.
        var rulings = Grid(Xs, Ys).Where(l => !(l.IsHorizontal && l.Position == 130)).ToList();
        rulings.Add(RulingLine.Horizontal(130, 50, 199));
        rulings.Add(RulingLine.Horizontal(130, 201, 350));

        var grid = Assert.Single(Detect(Page(rulings, FillAll(Texts, Xs, Ys))));

        AssertFullGrid(grid, Texts);
    }

    [Fact]
    public void SideDrawnOverLessThanHalfItsLength_DoesNotSeparateCells()
    {
        // y = 130 drawn across columns 0 and 2 but only 30 of the 100 pt of column 1.
        var rulings = Grid(Xs, Ys).Where(l => !(l.IsHorizontal && l.Position == 130)).ToList();
        rulings.Add(RulingLine.Horizontal(130, 50, 180));
        rulings.Add(RulingLine.Horizontal(130, 250, 350));
        var glyphs = FillAll(Texts, Xs, Ys);

        var grid = Assert.Single(Detect(Page(rulings, glyphs)));

        Assert.Equal(3, grid.Rows);
        Assert.Same(grid.At(0, 1), grid.At(1, 1));
        Assert.Equal("预算数652.66", grid.TextAt(0, 1));
        Assert.NotSame(grid.At(0, 0), grid.At(1, 0));
        Assert.NotSame(grid.At(0, 2), grid.At(1, 2));
    }

    [Fact]
    public void GridDrawnWithThinFilledRectangles_IsDetected()
    {
        var shapes = new List<PathShape>();
        foreach (var y in Ys)
        {
            shapes.Add(new PathShape([PathFigure.Rectangle(Xs[0] - 0.25, y - 0.25, Xs[^1] + 0.25, y + 0.25)], IsStroked: false, IsFilled: true));
        }
        foreach (var x in Xs)
        {
            shapes.Add(new PathShape([PathFigure.Rectangle(x - 0.25, Ys[0] - 0.25, x + 0.25, Ys[^1] + 0.25)], IsStroked: false, IsFilled: true));
        }

        var rulings = RulingExtractor.Instance.Extract(shapes);
        var grid = Assert.Single(Detect(Page(rulings, FillAll(Texts, Xs, Ys))));

        Assert.Equal(8, rulings.Count);
        AssertFullGrid(grid, Texts);
        for (var i = 0; i < Ys.Length; i++) Assert.Equal(Ys[i], grid.RowEdges[i], Precision);
        for (var i = 0; i < Xs.Length; i++) Assert.Equal(Xs[i], grid.ColumnEdges[i], Precision);
    }

    [Fact]
    public void GridDrawnCellByCellWithStrokedRectangles_IsDetected()
    {
        // Many producers outline every cell: each inner side is drawn twice, each rectangle separately.
        var shapes = new List<PathShape>();
        for (var r = 0; r < 3; r++)
        for (var c = 0; c < 3; c++)
        {
            shapes.Add(new PathShape([PathFigure.Rectangle(Xs[c], Ys[r], Xs[c + 1], Ys[r + 1])], IsStroked: true, IsFilled: false));
        }

        var rulings = RulingExtractor.Instance.Extract(shapes);
        var grid = Assert.Single(Detect(Page(rulings, FillAll(Texts, Xs, Ys))));

        Assert.Equal(8, rulings.Count);
        AssertFullGrid(grid, Texts);
    }

    [Fact]
    public void LoneClippingRectangleAroundText_YieldsNoGrid()
    {
        var clip = new PathShape([PathFigure.Rectangle(40, 90, 360, 200)], IsStroked: false, IsFilled: false, IsClipping: true);

        var rulings = RulingExtractor.Instance.Extract([clip]);
        var grids = Detect(Page(rulings, FillAll(Texts, Xs, Ys)));

        Assert.Empty(rulings);
        Assert.Empty(grids);
    }

    [Fact]
    public void SingleFramedBox_OneCell_IsRejected()
    {
        var frame = new PathShape([PathFigure.Rectangle(40, 90, 360, 200)], IsStroked: true, IsFilled: false);
        var glyphs = Text("说明", 50, 110).Concat(Text("本表反映部门收支总体情况", 50, 130)).ToList();

        var rulings = RulingExtractor.Instance.Extract([frame]);
        var grids = Detect(Page(rulings, glyphs));

        Assert.Equal(4, rulings.Count);
        Assert.Empty(grids);
    }

    [Fact]
    public void SingleRuledRowOfCells_IsRejected()
    {
        // A framed line of three boxes (a heading strip) has one row: not a table.
        double[] ys = [100, 130];
        var glyphs = new List<TextGlyph>();
        for (var c = 0; c < 3; c++) glyphs.AddRange(InCell(Texts[0, c], Xs, ys, 0, c));

        Assert.Empty(Detect(Page(Grid(Xs, ys), glyphs)));
    }

    [Fact]
    public void SingleRuledColumnOfCells_IsRejected()
    {
        double[] xs = [50, 150];
        var glyphs = new List<TextGlyph>();
        for (var r = 0; r < 3; r++) glyphs.AddRange(InCell(Texts[r, 0], xs, Ys, r, 0));

        Assert.Empty(Detect(Page(Grid(xs, Ys), glyphs)));
    }

    [Fact]
    public void GridWithOnlyOneFilledCell_IsRejected()
    {
        var glyphs = InCell("合计", Xs, Ys, 0, 0);

        Assert.Empty(Detect(Page(Grid(Xs, Ys), glyphs)));
    }

    [Fact]
    public void LinesThatDoNotCross_YieldNoGrid()
    {
        // Underlines and a separate vertical bar: nothing forms a cluster with two of each.
        var rulings = new List<RulingLine>
        {
            RulingLine.Horizontal(100, 50, 350),
            RulingLine.Horizontal(130, 50, 350),
            RulingLine.Vertical(400, 100, 190),
            RulingLine.Vertical(450, 100, 190),
        };

        Assert.Empty(Detect(Page(rulings, FillAll(Texts, Xs, Ys))));
    }

    [Fact]
    public void GlyphStraddlingAVertical_GoesToTheCellHoldingItsCentre()
    {
        // 数 spans x 143..153 across the line at x = 150; its centre 148 is in column 0.
        var glyphs = FillAll(Texts, Xs, Ys, skip: (r, c) => r == 2 && c == 0);
        glyphs.AddRange(Text("预算数", 123, 180));

        var grid = Assert.Single(Detect(Page(Grid(Xs, Ys), glyphs)));

        Assert.Equal("预算数", grid.TextAt(2, 0));
        Assert.Equal("100", grid.TextAt(2, 1));
    }

    [Fact]
    public void GlyphStraddlingAHorizontal_GoesToTheCellHoldingItsCentre()
    {
        // Baseline 129: the boxes run 121..131 across y = 130; centres at 126 are in row 0.
        var glyphs = FillAll(Texts, Xs, Ys, skip: (r, c) => r == 0 && c == 2);
        glyphs.AddRange(Text("决算数", 255, 129));

        var grid = Assert.Single(Detect(Page(Grid(Xs, Ys), glyphs)));

        Assert.Equal("决算数", grid.TextAt(0, 2));
        Assert.Equal("700.00", grid.TextAt(1, 2));
    }

    [Fact]
    public void GlyphStraddlingTheOuterBorder_CountsByItsCentre()
    {
        // 合 spans x 46..56 across the left border at 50 (centre 51: inside); the title's glyphs on
        // baseline 99 reach 101, below the top border at 100, but their centres (96) are outside.
        var glyphs = FillAll(Texts, Xs, Ys, skip: (r, c) => r == 1 && c == 0);
        glyphs.AddRange(Text("合计", 46, 150));
        glyphs.AddRange(Text("表一", 60, 99));

        var grid = Assert.Single(Detect(Page(Grid(Xs, Ys), glyphs)));

        Assert.Equal("合计", grid.TextAt(1, 0));
        Assert.Equal("项目", grid.TextAt(0, 0));
    }

    [Fact]
    public void CodeWrappedOverTwoLinesInOneCell_ReadsWhole()
    {
        double[] ys = [100, 140, 180];
        double[] xs = [50, 150, 350];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("20805", 55, 117));
        glyphs.AddRange(Text("05", 55, 131));
        glyphs.AddRange(Text("行政事业单位养老支出", 155, 125));
        glyphs.AddRange(InCell("合计", xs, ys, 1, 0));

        var grid = Assert.Single(Detect(Page(Grid(xs, ys), glyphs)));

        Assert.Equal("2080505", grid.TextAt(0, 0));
        Assert.Equal("行政事业单位养老支出", grid.TextAt(0, 1));
        Assert.Equal("合计", grid.TextAt(1, 0));
    }

    [Fact]
    public void NameWrappedOverTwoLinesInOneCell_ReadsJoinedWithoutSpace()
    {
        double[] ys = [100, 140, 180];
        double[] xs = [50, 150, 350];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("2080505", 55, 125));
        glyphs.AddRange(Text("机关事业单位基本养老", 155, 117));
        glyphs.AddRange(Text("保险缴费支出", 155, 131));
        glyphs.AddRange(InCell("合计", xs, ys, 1, 0));

        var grid = Assert.Single(Detect(Page(Grid(xs, ys), glyphs)));

        Assert.Equal("机关事业单位基本养老保险缴费支出", grid.TextAt(0, 1));
        Assert.Equal("2080505", grid.TextAt(0, 0));
    }

    [Fact]
    public void TwoSeparateTables_GiveTwoGridsTopToBottom()
    {
        double[] lowerYs = [400, 430, 460];
        double[] lowerXs = [100, 200, 300];
        string[,] lowerTexts = { { "科目", "金额" }, { "合计", "1.00" } };
        // The lower table is given first: the order must come from the page, not the input.
        var rulings = Grid(lowerXs, lowerYs).Concat(Grid(Xs, Ys));
        var glyphs = FillAll(lowerTexts, lowerXs, lowerYs).Concat(FillAll(Texts, Xs, Ys));

        var grids = Detect(Page(rulings, glyphs));

        Assert.Equal(2, grids.Count);
        Assert.Equal(100, grids[0].Bounds.Top, Precision);
        Assert.Equal(400, grids[1].Bounds.Top, Precision);
        AssertFullGrid(grids[0], Texts);
        AssertFullGrid(grids[1], lowerTexts);
    }

    [Fact]
    public void TwoTablesSideBySide_AreOrderedLeftToRight()
    {
        double[] leftXs = [50, 150, 250];
        double[] rightXs = [300, 400, 500];
        double[] ys = [100, 130, 160];
        string[,] left = { { "甲", "乙" }, { "1", "2" } };
        string[,] right = { { "丙", "丁" }, { "3", "4" } };
        var rulings = Grid(rightXs, ys).Concat(Grid(leftXs, ys));
        var glyphs = FillAll(right, rightXs, ys).Concat(FillAll(left, leftXs, ys));

        var grids = Detect(Page(rulings, glyphs));

        Assert.Equal(2, grids.Count);
        AssertFullGrid(grids[0], left);
        AssertFullGrid(grids[1], right);
    }

    [Fact]
    public void TableOpenOnLeftAndRight_UsesTheHorizontalLinesEnds()
    {
        // No outer verticals: the horizontals' ends (at 50 and 350) give the outer column edges.
        var rulings = new List<RulingLine>();
        rulings.AddRange(Ys.Select(y => RulingLine.Horizontal(y, 50, 350)));
        rulings.Add(RulingLine.Vertical(150, 100, 190));
        rulings.Add(RulingLine.Vertical(250, 100, 190));

        var grid = Assert.Single(Detect(Page(rulings, FillAll(Texts, Xs, Ys))));

        Assert.Equal(Xs, grid.ColumnEdges);
        AssertFullGrid(grid, Texts);
    }

    [Fact]
    public void SlightlyMisalignedLineEnds_AreOneBoundary()
    {
        // Producers' lines overshoot or stop short by a point; the boundaries must not split.
        var rulings = new List<RulingLine>
        {
            RulingLine.Horizontal(100, 49, 351),
            RulingLine.Horizontal(130.4, 50.5, 349.5),
            RulingLine.Horizontal(160, 49.5, 350),
            RulingLine.Horizontal(189.6, 50, 350.8),
            RulingLine.Vertical(50, 99, 191),
            RulingLine.Vertical(150.5, 100, 190),
            RulingLine.Vertical(249.6, 101, 189),
            RulingLine.Vertical(350, 100, 190),
        };

        var grid = Assert.Single(Detect(Page(rulings, FillAll(Texts, Xs, Ys))));

        AssertFullGrid(grid, Texts);
    }
}
