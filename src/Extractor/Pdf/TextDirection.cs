namespace Extractor.Pdf;

/// <summary>Which way the text of a page runs, in displayed page space.</summary>
public enum TextDirection
{
    LeftToRight,
    /// <summary>Text runs top to bottom (a landscape table printed sideways, turned clockwise).</summary>
    Down,
    /// <summary>Text runs bottom to top (turned counter-clockwise).</summary>
    Up,
    UpsideDown,
}

/// <summary>
/// Turns a page whose text is drawn sideways on the sheet so that its text reads left to right,
/// the way a person would turn the paper. Pages rotated with /Rotate are already upright when
/// PdfPig reads them; this handles the ones drawn rotated on a portrait page.
/// </summary>
public static class PageRotation
{
    public static PageModel MakeUpright(PageModel page, TextDirection direction)
    {
        if (direction == TextDirection.LeftToRight) return page;
        var w = page.Width;
        var h = page.Height;
        Func<double, double, (double X, double Y)> map = direction switch
        {
            TextDirection.Up => (x, y) => (h - y, x),
            TextDirection.Down => (x, y) => (y, w - x),
            _ => (x, y) => (w - x, h - y),
        };
        var turned = direction != TextDirection.UpsideDown;
        var glyphs = page.Glyphs.Select(g =>
        {
            var box = MapBox(g.Box, map);
            // Em boxes reach 0.2 em below the baseline (see PdfPageReader).
            return g with { Box = box, Baseline = box.Bottom - 0.2 * g.FontSize };
        }).ToList();
        var rulings = page.Rulings.Select(r =>
        {
            var (x1, y1) = r.IsHorizontal ? (r.Start, r.Position) : (r.Position, r.Start);
            var (x2, y2) = r.IsHorizontal ? (r.End, r.Position) : (r.Position, r.End);
            var a = map(x1, y1);
            var b = map(x2, y2);
            return Math.Abs(a.Y - b.Y) < Math.Abs(a.X - b.X)
                ? RulingLine.Horizontal((a.Y + b.Y) / 2, a.X, b.X)
                : RulingLine.Vertical((a.X + b.X) / 2, a.Y, b.Y);
        }).ToList();
        return page with
        {
            Width = turned ? h : w,
            Height = turned ? w : h,
            Glyphs = glyphs,
            Rulings = rulings,
        };
    }

    private static Box MapBox(Box box, Func<double, double, (double X, double Y)> map)
    {
        var a = map(box.Left, box.Top);
        var b = map(box.Right, box.Bottom);
        return new Box(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));
    }
}
