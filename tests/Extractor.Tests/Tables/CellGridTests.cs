using Extractor.Pdf;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

public sealed class CellGridTests
{
    // 2 rows x 3 columns: a header cell spanning columns 1-2, a cell spanning both rows in column 0,
    // and grid position (1, 2) left without a cell.
    private static CellGrid Sample()
    {
        double[] rows = [100, 130, 160];
        double[] columns = [50, 150, 250, 350];
        var cells = new List<GridCell>
        {
            new(0, 0, 2, 1, new Box(50, 100, 150, 160), "项目"),
            new(0, 1, 1, 2, new Box(150, 100, 350, 130), "金额"),
            new(1, 1, 1, 1, new Box(150, 130, 250, 160), ""),
        };
        return new CellGrid(3, "lattice", rows, columns, cells);
    }

    [Fact]
    public void Dimensions_ComeFromTheEdges()
    {
        var grid = Sample();

        Assert.Equal(2, grid.Rows);
        Assert.Equal(3, grid.Columns);
        Assert.Equal(new Box(50, 100, 350, 160), grid.Bounds);
        Assert.Equal(3, grid.Page);
    }

    [Fact]
    public void At_ReturnsTheSpanningCellAtEveryPositionItCovers()
    {
        var grid = Sample();

        Assert.Same(grid.At(0, 0), grid.At(1, 0));
        Assert.Same(grid.At(0, 1), grid.At(0, 2));
        Assert.NotSame(grid.At(0, 1), grid.At(1, 1));
        Assert.Null(grid.At(1, 2));
    }

    [Fact]
    public void TextAt_IsEmptyWhereNoCellOrNoText()
    {
        var grid = Sample();

        Assert.Equal("金额", grid.TextAt(0, 2));
        Assert.Equal("项目", grid.TextAt(1, 0));
        Assert.Equal(string.Empty, grid.TextAt(1, 1));
        Assert.Equal(string.Empty, grid.TextAt(1, 2));
    }

    [Fact]
    public void CellsInRow_ListsDistinctCellsLeftToRight_IncludingRowSpanningOnes()
    {
        var grid = Sample();

        Assert.Equal(new[] { "项目", "金额" }, grid.CellsInRow(0).Select(c => c.Text));
        var second = grid.CellsInRow(1).ToList();
        Assert.Equal(2, second.Count);
        Assert.Same(grid.At(0, 0), second[0]);
        Assert.Equal((1, 1), (second[1].Row, second[1].Column));
    }

    [Fact]
    public void GridCell_LastRowAndColumn_FollowTheSpans()
    {
        var cell = new GridCell(2, 3, 2, 3, new Box(0, 0, 1, 1), "x");

        Assert.Equal(3, cell.LastRow);
        Assert.Equal(5, cell.LastColumn);
        Assert.False(cell.IsEmpty);
        Assert.True(cell with { Text = "" } is { IsEmpty: true });
    }

    [Fact]
    public void ToString_DescribesMethodPageAndSize()
    {
        Assert.Equal("lattice grid p3 2x3 [50,100 - 350,160] confidence 1", Sample().ToString());
    }
}
