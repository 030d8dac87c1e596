using Extractor.Pdf;

namespace Extractor.Tests.Tables;

/// <summary>
/// Hand-built page content for tests. Glyph boxes follow the reader's em-box convention: each
/// character is <c>size</c> wide, its box runs from 0.8 em above the baseline to 0.2 em below
/// (size 10: top = baseline - 8, bottom = baseline + 2).
/// </summary>
internal static class PageBuilder
{
    public const double Size = 10;
    public const double PortraitWidth = 595;
    public const double PortraitHeight = 842;

    /// <summary>One glyph whose box starts at <paramref name="left"/> on <paramref name="baseline"/>.</summary>
    public static TextGlyph Glyph(string text, double left, double baseline, double size = Size) =>
        new(text, new Box(left, baseline - 0.8 * size, left + size, baseline + 0.2 * size), baseline, size);

    /// <summary>The glyphs of <paramref name="text"/> written left to right from (x, baseline).</summary>
    public static List<TextGlyph> Text(string text, double x, double baseline, double size = Size) =>
        text.Select((ch, i) => Glyph(ch.ToString(), x + i * size, baseline, size)).ToList();

    /// <summary>
    /// Text running bottom to top (a page printed sideways, turned counter-clockwise): the baseline is
    /// the vertical line x = <paramref name="baselineX"/>, the glyphs' tops point left (box from
    /// baselineX - 0.8 em to baselineX + 0.2 em), the first glyph's bottom edge is at <paramref name="startY"/>.
    /// </summary>
    public static List<TextGlyph> TextUp(string text, double baselineX, double startY, double size = Size) =>
        text.Select((ch, i) => new TextGlyph(
            ch.ToString(),
            new Box(baselineX - 0.8 * size, startY - (i + 1) * size, baselineX + 0.2 * size, startY - i * size),
            startY - i * size,
            size)).ToList();

    /// <summary>
    /// Text running top to bottom (turned clockwise): the glyphs' tops point right (box from
    /// baselineX - 0.2 em to baselineX + 0.8 em), the first glyph's top edge is at <paramref name="startY"/>.
    /// </summary>
    public static List<TextGlyph> TextDown(string text, double baselineX, double startY, double size = Size) =>
        text.Select((ch, i) => new TextGlyph(
            ch.ToString(),
            new Box(baselineX - 0.2 * size, startY + i * size, baselineX + 0.8 * size, startY + (i + 1) * size),
            startY + i * size,
            size)).ToList();

    /// <summary>Text in grid cell (row, column): 5 pt from the cell's left side, baseline 5 pt below its middle.</summary>
    public static List<TextGlyph> InCell(string text, double[] xs, double[] ys, int row, int column, double size = Size) =>
        Text(text, xs[column] + 5, (ys[row] + ys[row + 1]) / 2 + 5, size);

    /// <summary>Every line of a fully ruled grid: a horizontal at each y across all columns, a vertical at each x.</summary>
    public static List<RulingLine> Grid(double[] xs, double[] ys)
    {
        var lines = new List<RulingLine>();
        lines.AddRange(ys.Select(y => RulingLine.Horizontal(y, xs[0], xs[^1])));
        lines.AddRange(xs.Select(x => RulingLine.Vertical(x, ys[0], ys[^1])));
        return lines;
    }

    public static PageModel Page(IEnumerable<RulingLine> rulings, IEnumerable<TextGlyph> glyphs,
        double width = PortraitWidth, double height = PortraitHeight, int number = 1) =>
        new(number, width, height, glyphs.ToList(), rulings.ToList());
}
