using Extractor.Pdf;
using Extractor.Tables;
using Extractor.Tests.Tables;
using static Extractor.Tests.Tables.PageBuilder;

namespace Extractor.Tests.Pdf;

/// <summary>
/// Each sideways page is built so that, once turned upright, it is the same landscape page
/// (842 x 595): columns at x 100 | 300 | 500, rows at y 100 | 130 | 160, and in the cells
/// 项目 金额 / 收入 652.66, each text 10 pt from its cell's left side on baselines 120 and 150.
/// </summary>
public sealed class PageRotationTests
{
    private const int Precision = 6;
    private const double W = PortraitWidth;   // 595
    private const double H = PortraitHeight;  // 842

    private static readonly string[,] Texts = { { "项目", "金额" }, { "收入", "652.66" } };

    /// <summary>Text running upwards; upright (x', y') = (H - y, x).</summary>
    private static PageModel UpPage()
    {
        var rulings = new List<RulingLine>
        {
            RulingLine.Vertical(100, 342, 742),
            RulingLine.Vertical(130, 342, 742),
            RulingLine.Vertical(160, 342, 742),
            RulingLine.Horizontal(742, 100, 160),
            RulingLine.Horizontal(542, 100, 160),
            RulingLine.Horizontal(342, 100, 160),
        };
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(TextUp("652.66", 150, 532));
        glyphs.AddRange(TextUp("收入", 150, 732));
        glyphs.AddRange(TextUp("金额", 120, 532));
        glyphs.AddRange(TextUp("项目", 120, 732));
        return Page(rulings, glyphs, W, H, number: 7);
    }

    /// <summary>Text running downwards; upright (x', y') = (y, W - x).</summary>
    private static PageModel DownPage()
    {
        var rulings = new List<RulingLine>
        {
            RulingLine.Horizontal(100, 435, 495),
            RulingLine.Horizontal(300, 435, 495),
            RulingLine.Horizontal(500, 435, 495),
            RulingLine.Vertical(435, 100, 500),
            RulingLine.Vertical(465, 100, 500),
            RulingLine.Vertical(495, 100, 500),
        };
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(TextDown("652.66", 445, 310));
        glyphs.AddRange(TextDown("收入", 445, 110));
        glyphs.AddRange(TextDown("金额", 475, 310));
        glyphs.AddRange(TextDown("项目", 475, 110));
        return Page(rulings, glyphs, W, H, number: 7);
    }

    /// <summary>Upside-down text on a portrait page; upright (x', y') = (W - x, H - y).</summary>
    private static PageModel UpsideDownPage()
    {
        static IEnumerable<TextGlyph> Turned(string text, double left, double baseline) =>
            text.Select((ch, i) => new TextGlyph(
                ch.ToString(),
                new Box(W - left - (i + 1) * Size, H - baseline - 0.2 * Size, W - left - i * Size, H - baseline + 0.8 * Size),
                H - baseline,
                Size));
        var rulings = new List<RulingLine>
        {
            RulingLine.Horizontal(H - 100, W - 500, W - 100),
            RulingLine.Horizontal(H - 130, W - 500, W - 100),
            RulingLine.Horizontal(H - 160, W - 500, W - 100),
            RulingLine.Vertical(W - 100, H - 160, H - 100),
            RulingLine.Vertical(W - 300, H - 160, H - 100),
            RulingLine.Vertical(W - 500, H - 160, H - 100),
        };
        var glyphs = new List<TextGlyph>();
        glyphs.AddRange(Turned("652.66", 310, 150));
        glyphs.AddRange(Turned("收入", 110, 150));
        glyphs.AddRange(Turned("金额", 310, 120));
        glyphs.AddRange(Turned("项目", 110, 120));
        return Page(rulings, glyphs, W, H, number: 7);
    }

    private static PageModel Sideways(TextDirection direction) => direction switch
    {
        TextDirection.Up => UpPage(),
        TextDirection.Down => DownPage(),
        TextDirection.UpsideDown => UpsideDownPage(),
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };

    [Theory]
    [InlineData(TextDirection.Up)]
    [InlineData(TextDirection.Down)]
    public void SidewaysPage_TurnedUpright_SwapsWidthAndHeight(TextDirection direction)
    {
        var upright = PageRotation.MakeUpright(Sideways(direction), direction);

        Assert.Equal(H, upright.Width);
        Assert.Equal(W, upright.Height);
        Assert.True(upright.IsLandscape);
        Assert.Equal(7, upright.Number);
    }

    [Fact]
    public void UpsideDownPage_KeepsWidthAndHeight()
    {
        var upright = PageRotation.MakeUpright(UpsideDownPage(), TextDirection.UpsideDown);

        Assert.Equal(W, upright.Width);
        Assert.Equal(H, upright.Height);
    }

    [Fact]
    public void LeftToRightPage_IsReturnedUnchanged()
    {
        var page = Page(Grid([100, 300, 500], [100, 130, 160]), Text("收入", 110, 150));

        Assert.Same(page, PageRotation.MakeUpright(page, TextDirection.LeftToRight));
    }

    [Theory]
    [InlineData(TextDirection.Up)]
    [InlineData(TextDirection.Down)]
    [InlineData(TextDirection.UpsideDown)]
    public void GlyphsOfOneWord_AreLeftToRightOnOneLine(TextDirection direction)
    {
        var upright = PageRotation.MakeUpright(Sideways(direction), direction);

        var shou = Assert.Single(upright.Glyphs, g => g.Text == "收");
        var ru = Assert.Single(upright.Glyphs, g => g.Text == "入");
        Assert.Equal(new Box(110, 142, 120, 152), Round(shou.Box));
        Assert.Equal(new Box(120, 142, 130, 152), Round(ru.Box));
        Assert.Equal(10, shou.FontSize);
    }

    [Theory]
    [InlineData(TextDirection.Up)]
    [InlineData(TextDirection.Down)]
    [InlineData(TextDirection.UpsideDown)]
    public void TurnedPage_ReadsAsTwoLinesOfTwoFields(TextDirection direction)
    {
        var upright = PageRotation.MakeUpright(Sideways(direction), direction);

        var lines = TextLineBuilder.Build(upright.Glyphs);

        Assert.Equal(2, lines.Count);
        Assert.Equal(new[] { "项目", "金额" }, lines[0].Segments);
        Assert.Equal(new[] { "收入", "652.66" }, lines[1].Segments);
    }

    [Theory]
    [InlineData(TextDirection.Up)]
    [InlineData(TextDirection.Down)]
    [InlineData(TextDirection.UpsideDown)]
    public void TurnedRulings_AreTheUprightGrid(TextDirection direction)
    {
        var upright = PageRotation.MakeUpright(Sideways(direction), direction);

        var horizontals = upright.Rulings.Where(r => r.IsHorizontal).OrderBy(r => r.Position).ToList();
        var verticals = upright.Rulings.Where(r => !r.IsHorizontal).OrderBy(r => r.Position).ToList();
        Assert.Equal(new[] { 100.0, 130, 160 }, horizontals.Select(r => Math.Round(r.Position, Precision)));
        Assert.All(horizontals, r => Assert.Equal((100.0, 500.0), (Math.Round(r.Start, Precision), Math.Round(r.End, Precision))));
        Assert.Equal(new[] { 100.0, 300, 500 }, verticals.Select(r => Math.Round(r.Position, Precision)));
        Assert.All(verticals, r => Assert.Equal((100.0, 160.0), (Math.Round(r.Start, Precision), Math.Round(r.End, Precision))));
    }

    [Theory]
    [InlineData(TextDirection.Up)]
    [InlineData(TextDirection.Down)]
    [InlineData(TextDirection.UpsideDown)]
    public void TurnedPage_LatticeDetectorFindsTheGridWithTextsInPlace(TextDirection direction)
    {
        var upright = PageRotation.MakeUpright(Sideways(direction), direction);

        var grid = Assert.Single(LatticeDetector.Instance.Detect(upright));

        Assert.Equal(2, grid.Rows);
        Assert.Equal(2, grid.Columns);
        Assert.Equal(7, grid.Page);
        for (var r = 0; r < 2; r++)
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(Texts[r, c], grid.TextAt(r, c));
        }
    }

    [Fact]
    public void SidewaysPage_NotTurned_DoesNotReadCorrectly()
    {
        // Control for the tests above: read as it is drawn, the upward text comes out backwards or broken.
        var lines = TextLineBuilder.Build(UpPage().Glyphs);

        Assert.DoesNotContain(lines, l => l.Text.Contains("收入"));
    }

    [Fact]
    public void TurnedGlyph_BaselineIsTheBaselineNotTheBoxBottom()
    {
        // Upright, 收 sits on baseline 150 with its em box from 142 to 152, exactly like a glyph read
        // upright (TextGlyph.Baseline = box bottom - 0.2 em, see PdfPageReader.EmBox).
        var upright = PageRotation.MakeUpright(UpPage(), TextDirection.Up);

        var shou = Assert.Single(upright.Glyphs, g => g.Text == "收");
        Assert.Equal(150, shou.Baseline, Precision);
    }

    private static Box Round(Box box) => new(
        Math.Round(box.Left, Precision), Math.Round(box.Top, Precision),
        Math.Round(box.Right, Precision), Math.Round(box.Bottom, Precision));
}
