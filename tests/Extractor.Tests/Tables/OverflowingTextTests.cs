using Extractor.Pdf;
using Extractor.Tables;
using static Extractor.Tests.Tables.PageBuilder;

namespace Extractor.Tests.Tables;

/// <summary>
/// Text that a producer draws across a table's rules (Calc centres a wrapped label in a row too short for it, and
/// clips a code too wide for its column at the rule): hand-built pages where the label or the code crosses a drawn
/// rule, and the cell each piece must end up in.
/// </summary>
public sealed class OverflowingTextTests
{
    private static CellGrid Detect(PageModel page) => Assert.Single(LatticeDetector.Instance.Detect(page));

    [Fact]
    public void A_label_wrapped_over_two_lines_in_a_one_line_header_row_stays_whole_in_its_cell()
    {
        // Header row 100–112 is one line high; 经济分类 / 科目编码 (10 pt, centred on the row) run over the rules above
        // and below, 科目编码 more than half below its row. The body row 112–124 prints 301 | 工资福利支出.
        double[] xs = [50, 120, 250];
        double[] ys = [88, 100, 112, 124];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("人员经费", 55, 97));
        glyphs.AddRange(Text("经济分类", 55, 105));            // box 97–107: crosses y = 100
        glyphs.AddRange(Text("科目编码", 55, 116));            // box 108–118: centre below y = 112
        glyphs.AddRange(Text("科目名称", 125, 109));
        glyphs.AddRange(Text("301", 52, 121, 8));             // box 114.6–122.6, below the label's last line
        glyphs.AddRange(Text("工资福利支出", 125, 121));
        var page = Page(Grid(xs, ys), glyphs);

        var grid = Detect(page);

        Assert.Equal("人员经费", grid.TextAt(0, 0));
        Assert.Equal("经济分类科目编码", grid.TextAt(1, 0));
        Assert.Equal("301", grid.TextAt(2, 0));
        Assert.Equal("工资福利支出", grid.TextAt(2, 1));
    }

    [Fact]
    public void The_last_line_of_a_wrapped_label_is_not_glued_to_the_column_number_of_the_row_below()
    {
        // 一般公共预算财政 / 拨款 centred on the row 100–110; the 栏次 row 110–120 numbers the column 3.
        double[] xs = [50, 150, 250];
        double[] ys = [90, 100, 110, 120];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("小计", 155, 108));
        glyphs.AddRange(Text("2", 198, 118, 8));
        glyphs.AddRange(Text("决算数", 55, 98));
        glyphs.AddRange(Text("一般公共预算财政", 55, 104, 9));  // box 96.8–105.8: crosses y = 100
        glyphs.AddRange(Text("拨款", 82, 113, 9));              // box 105.8–114.8: crosses y = 110
        glyphs.AddRange(Text("3", 98, 118, 8));                 // box 111.6–119.6
        var grid = Detect(Page(Grid(xs, ys), glyphs));

        Assert.Equal("决算数", grid.TextAt(0, 0));
        Assert.Equal("一般公共预算财政拨款", grid.TextAt(1, 0));
        Assert.Equal("3", grid.TextAt(2, 0));
        Assert.Equal(("小计", "2"), (grid.TextAt(1, 1), grid.TextAt(2, 1)));
    }

    [Fact]
    public void Text_inside_its_own_row_stays_there_even_where_rows_are_tight()
    {
        // Body rows 10 pt high with 8 pt text: lines close to each other but none crossing a rule.
        double[] xs = [50, 120, 200];
        double[] ys = [100, 110, 120, 130];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("201", 52, 108, 8)); glyphs.AddRange(Text("一般公共服务支出", 122, 108, 8));
        glyphs.AddRange(Text("20101", 52, 118, 8)); glyphs.AddRange(Text("人大事务", 122, 118, 8));
        glyphs.AddRange(Text("2010101", 52, 128, 8)); glyphs.AddRange(Text("行政运行", 122, 128, 8));
        var grid = Detect(Page(Grid(xs, ys), glyphs));

        Assert.Equal(["201", "20101", "2010101"], Enumerable.Range(0, 3).Select(r => grid.TextAt(r, 0)));
        Assert.Equal(["一般公共服务支出", "人大事务", "行政运行"], Enumerable.Range(0, 3).Select(r => grid.TextAt(r, 1)));
    }

    [Fact]
    public void A_code_cut_by_the_rule_of_a_column_too_narrow_for_it_keeps_its_last_digit()
    {
        // The code column ends at x = 80; the sixth digit of 208050 straddles the rule (Calc clipped the seventh), and
        // the name starts right after it in the next cell.
        double[] xs = [50, 80, 200];
        double[] ys = [100, 112, 124];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("20805", 51, 109, 5.5));
        glyphs.AddRange(Text("行政事业单位养老支出", 84.5, 109, 9));
        glyphs.AddRange(Text("208050", 51, 121, 5.5));     // digits 5.5 wide: the last one spans 78.5–84
        glyphs.AddRange(Text("行政单位离退休", 84.5, 121, 9));
        var grid = Detect(Page(Grid(xs, ys), glyphs));

        Assert.Equal(("20805", "行政事业单位养老支出"), (grid.TextAt(0, 0), grid.TextAt(0, 1)));
        Assert.Equal(("208050", "行政单位离退休"), (grid.TextAt(1, 0), grid.TextAt(1, 1)));
    }

    [Fact]
    public void An_amount_ending_at_a_rule_and_a_code_starting_after_it_are_two_cells()
    {
        // 486.99 right-aligned against x = 120 and 302 left-aligned after it, 1 pt apart: two numbers, two cells.
        double[] xs = [50, 120, 200];
        double[] ys = [100, 112, 124];
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Text("486.99", 120 - 6 * 5, 109, 5));
        glyphs.AddRange(Text("302", 121, 109, 5));
        glyphs.AddRange(Text("127.69", 120 - 6 * 5, 121, 5));
        glyphs.AddRange(Text("30201", 121, 121, 5));
        var grid = Detect(Page(Grid(xs, ys), glyphs));

        Assert.Equal(("486.99", "302"), (grid.TextAt(0, 0), grid.TextAt(0, 1)));
        Assert.Equal(("127.69", "30201"), (grid.TextAt(1, 0), grid.TextAt(1, 1)));
    }
}
