using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Tables;
using static Extractor.Tests.Tables.PageBuilder;

namespace Extractor.Tests.Recognition;

/// <summary>Lattice or stream: which detector reads a table, decided per table.</summary>
public sealed class StreamTableFinderTests
{
    private static List<TextGlyph> Body(double top) =>
    [
        .. Text("合计", 40, top), .. Text("652.66", 200, top), .. Text("580.65", 300, top),
        .. Text("行政运行", 40, top + 20), .. Text("72.00", 210, top + 20),
    ];

    private static PageLayout Layout(PageModel page) => PageLayout.Build(page, LatticeDetector.Instance.Detect(page));

    [Fact]
    public void A_ruled_table_is_read_by_the_lattice_and_nothing_else()
    {
        double[] xs = [30, 180, 280, 380];
        double[] ys = [100, 120, 140, 160];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("2024年度支出决算表", 100, 80));
        glyphs.AddRange(InCell("项目", xs, ys, 0, 0)); glyphs.AddRange(InCell("本年支出合计", xs, ys, 0, 1)); glyphs.AddRange(InCell("基本支出", xs, ys, 0, 2));
        glyphs.AddRange(InCell("合计", xs, ys, 1, 0)); glyphs.AddRange(InCell("652.66", xs, ys, 1, 1)); glyphs.AddRange(InCell("580.65", xs, ys, 1, 2));
        glyphs.AddRange(InCell("行政运行", xs, ys, 2, 0)); glyphs.AddRange(InCell("72.00", xs, ys, 2, 1));
        var page = Page(Grid(xs, ys), glyphs);

        var layouts = StreamTableFinder.Default.AddStreamTables([Layout(page)]);
        var grid = Assert.Single(layouts[0].Grids);
        Assert.Equal("lattice", grid.Method);
    }

    [Fact]
    public void A_title_with_no_ruled_grid_under_it_is_read_as_a_stream_table()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("2024年度支出决算表", 100, 80));
        glyphs.AddRange(Text("单位：万元", 400, 95));
        glyphs.AddRange(Text("项目", 50, 120)); glyphs.AddRange(Text("本年支出合计", 180, 120)); glyphs.AddRange(Text("基本支出", 290, 120));
        glyphs.AddRange(Body(140));
        glyphs.AddRange(Text("注：本表反映部门本年度各项支出情况。", 40, 200));
        var page = Page([RulingLine.Horizontal(105, 30, 400), RulingLine.Horizontal(128, 30, 400), RulingLine.Horizontal(170, 30, 400)], glyphs);

        var layouts = StreamTableFinder.Default.AddStreamTables([Layout(page)]);
        var grid = Assert.Single(layouts[0].Grids);
        Assert.Equal("stream", grid.Method);
        Assert.Equal(3, grid.Columns);
        // The note under the table stays outside it.
        Assert.Contains(layouts[0].Lines, l => l.Text.StartsWith("注", StringComparison.Ordinal));
        Assert.DoesNotContain(grid.Cells, c => c.Text.StartsWith("注", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ruled_header_over_a_body_without_rules_gives_its_columns_to_the_body()
    {
        double[] xs = [30, 180, 280, 380];
        double[] ys = [100, 115, 130];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("2024年度支出决算表", 100, 80));
        glyphs.AddRange(InCell("本年支出", xs, [100, 115], 0, 1));
        glyphs.AddRange(InCell("项目", xs, ys, 1, 0)); glyphs.AddRange(InCell("小计", xs, ys, 1, 1)); glyphs.AddRange(InCell("基本支出", xs, ys, 1, 2));
        glyphs.AddRange(Body(145));
        var page = Page(Grid(xs, ys), glyphs);

        var layouts = StreamTableFinder.Default.AddStreamTables([Layout(page)]);
        var grid = Assert.Single(layouts[0].Grids);
        Assert.Equal("stream", grid.Method);
        Assert.Equal(xs, grid.ColumnEdges);
        Assert.Contains(grid.Cells, c => c.Text == "652.66" && c.Column == 1);
        Assert.Contains(grid.Cells, c => c.Text == "72.00" && c.Column == 1);
    }
}
