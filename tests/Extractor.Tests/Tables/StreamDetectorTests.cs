using Extractor.Pdf;
using Extractor.Tables;
using static Extractor.Tests.Tables.PageBuilder;

namespace Extractor.Tests.Tables;

/// <summary>Tables without vertical rules, read from the alignment of hand-placed words.</summary>
public sealed class StreamDetectorTests
{
    private static readonly Box Area = new(0, 80, 595, 400);

    /// <summary>Right-aligns <paramref name="text"/> so it ends at <paramref name="right"/>.</summary>
    private static List<TextGlyph> Right(string text, double right, double baseline) => Text(text, right - text.Length * Size, baseline);

    /// <summary>Centres <paramref name="text"/> on <paramref name="center"/>.</summary>
    private static List<TextGlyph> Centered(string text, double center, double baseline) => Text(text, center - text.Length * Size / 2, baseline);

    private static CellGrid Detect(IEnumerable<TextGlyph> glyphs, IReadOnlyList<double>? edges = null) =>
        StreamDetector.Instance.Detect(Page([], glyphs), Area, edges) ?? throw new Xunit.Sdk.XunitException("no table found");

    private static string[] Row(CellGrid grid, int row) => Enumerable.Range(0, grid.Columns).Select(c => grid.TextAt(row, c)).ToArray();

    [Fact]
    public void Names_left_aligned_and_amounts_right_aligned_give_their_columns()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Centered("项目", 100, 100));
        glyphs.AddRange(Centered("合计", 260, 100));
        glyphs.AddRange(Centered("基本支出", 380, 100));
        glyphs.AddRange(Text("一般公共服务支出", 40, 120)); glyphs.AddRange(Right("12.50", 300, 120)); glyphs.AddRange(Right("2.50", 420, 120));
        glyphs.AddRange(Text("行政运行", 40, 140)); glyphs.AddRange(Right("102.00", 300, 140)); glyphs.AddRange(Right("1.00", 420, 140));
        glyphs.AddRange(Text("其他", 40, 160)); glyphs.AddRange(Right("0.30", 300, 160));

        var grid = Detect(glyphs);
        Assert.Equal("stream", grid.Method);
        Assert.Equal(3, grid.Columns);
        Assert.Equal(["项目", "合计", "基本支出"], Row(grid, 0));
        Assert.Equal(["一般公共服务支出", "12.50", "2.50"], Row(grid, 1));
        Assert.Equal(["行政运行", "102.00", "1.00"], Row(grid, 2));
        Assert.Equal(["其他", "0.30", ""], Row(grid, 3));
        Assert.Equal(1.0, grid.Confidence);
    }

    [Fact]
    public void A_column_blank_in_every_row_is_found_from_its_header_label()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Centered("项目", 100, 100));
        glyphs.AddRange(Centered("本年收入合计", 250, 100));
        glyphs.AddRange(Centered("财政拨款收入", 350, 100));
        glyphs.AddRange(Centered("上级补助收入", 470, 100));
        glyphs.AddRange(Text("合计", 40, 120)); glyphs.AddRange(Right("652.66", 290, 120)); glyphs.AddRange(Right("652.66", 390, 120));
        glyphs.AddRange(Text("住房保障支出", 40, 140)); glyphs.AddRange(Right("62.16", 290, 140)); glyphs.AddRange(Right("62.16", 390, 140));

        var grid = Detect(glyphs);
        Assert.Equal(4, grid.Columns);
        Assert.Equal(["住房保障支出", "62.16", "62.16", ""], Row(grid, 2));
        Assert.Equal("上级补助收入", grid.TextAt(0, 3));
    }

    [Fact]
    public void The_column_number_row_ends_the_header_even_before_a_row_without_amounts()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Centered("项目", 100, 100));
        glyphs.AddRange(Centered("年初结转和结余", 250, 100));
        glyphs.AddRange(Centered("本年收入", 380, 100));
        glyphs.AddRange(Centered("栏次", 100, 120)); glyphs.AddRange(Centered("1", 250, 120)); glyphs.AddRange(Centered("2", 380, 120));
        glyphs.AddRange(Text("合计", 40, 140));

        var grid = Detect(glyphs);
        Assert.Equal(3, grid.Columns);
        Assert.Equal(3, grid.Rows);
        Assert.Equal(["栏次", "1", "2"], Row(grid, 1));
        Assert.Equal(["合计", "", ""], Row(grid, 2));
    }

    [Fact]
    public void A_label_spanning_a_block_is_not_a_column_of_its_own()
    {
        // 收入 stands over 项目 | 行次 | 金额 and has nothing under it directly.
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Centered("收入", 150, 90));
        glyphs.AddRange(Centered("项目", 80, 110)); glyphs.AddRange(Centered("行次", 190, 110)); glyphs.AddRange(Centered("金额", 260, 110));
        glyphs.AddRange(Text("一、财政拨款收入", 30, 130)); glyphs.AddRange(Centered("1", 190, 130)); glyphs.AddRange(Right("652.66", 290, 130));
        glyphs.AddRange(Text("本年收入合计", 30, 150)); glyphs.AddRange(Centered("27", 190, 150)); glyphs.AddRange(Right("652.66", 290, 150));

        var grid = Detect(glyphs);
        Assert.Equal(3, grid.Columns);
        Assert.Equal(["一、财政拨款收入", "1", "652.66"], Row(grid, 2));
    }

    [Fact]
    public void A_name_wrapped_onto_the_next_line_joins_its_row_but_a_total_does_not()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Centered("科目名称", 100, 100));
        glyphs.AddRange(Centered("决算数", 300, 100));
        glyphs.AddRange(Text("机关事业单位基本养", 40, 125)); glyphs.AddRange(Right("36.61", 330, 125));
        glyphs.AddRange(Text("老保险缴费支出", 40, 135));
        glyphs.AddRange(Text("住房公积金", 40, 160)); glyphs.AddRange(Right("43.04", 330, 160));
        glyphs.AddRange(Text("人员经费合计", 40, 185));
        glyphs.AddRange(Right("79.65", 330, 205));

        var grid = Detect(glyphs);
        Assert.Equal(["机关事业单位基本养老保险缴费支出", "36.61"], Row(grid, 1));
        Assert.Equal(["住房公积金", "43.04"], Row(grid, 2));
        Assert.Equal(["人员经费合计", ""], Row(grid, 3));
        Assert.Equal(["", "79.65"], Row(grid, 4));
    }

    [Fact]
    public void Amounts_and_codes_a_small_gap_apart_are_separate_cells()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Centered("编码", 60, 100)); glyphs.AddRange(Centered("科目名称", 140, 100)); glyphs.AddRange(Centered("决算数", 230, 100));
        glyphs.AddRange(Centered("编码", 290, 100)); glyphs.AddRange(Centered("科目名称", 370, 100)); glyphs.AddRange(Centered("决算数", 460, 100));
        foreach (var (y, a, b) in new[] { (120.0, "486.99", "302"), (140.0, "127.69", "30201") })
        {
            glyphs.AddRange(Text("301", 40, y)); glyphs.AddRange(Text("工资", 100, y)); glyphs.AddRange(Right(a, 263, y));
            glyphs.AddRange(Text(b, 265, y)); glyphs.AddRange(Text("办公费", 330, y)); glyphs.AddRange(Right("1.00", 490, y));
        }
        var grid = Detect(glyphs);
        Assert.Equal(6, grid.Columns);
        Assert.Equal(["301", "工资", "486.99", "302", "办公费", "1.00"], Row(grid, 1));
    }

    [Fact]
    public void Column_edges_from_a_ruled_header_place_the_body()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("合计", 20, 120)); glyphs.AddRange(Right("5.00", 190, 120)); glyphs.AddRange(Right("3.00", 290, 120));
        glyphs.AddRange(Text("行政运行", 20, 140)); glyphs.AddRange(Right("5.00", 190, 140));
        var grid = Detect(glyphs, [10, 100, 200, 300]);
        Assert.Equal([10, 100, 200, 300], grid.ColumnEdges);
        Assert.Equal(["行政运行", "5.00", ""], Row(grid, 1));
    }

    [Fact]
    public void Prose_is_not_a_table()
    {
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("本单位当年无政府性基金预算财政拨款收入支出。", 40, 120));
        glyphs.AddRange(Text("本单位当年无国有资本经营预算财政拨款支出。", 40, 140));
        Assert.Null(StreamDetector.Instance.Detect(Page([], glyphs), Area));
    }
}
