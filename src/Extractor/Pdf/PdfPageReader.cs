using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Extractor.Pdf;

/// <summary>
/// The only place that reads PdfPig's page objects: letters become <see cref="TextGlyph"/>s and
/// paths become <see cref="PathShape"/>s in top-left page space, then rulings.
/// </summary>
internal static class PdfPageReader
{
    public static PageModel Read(Page page, RulingExtractor rulingExtractor)
    {
        var height = page.Height;
        var glyphs = new List<TextGlyph>(page.Letters.Count);
        // Each glyph's font, for telling overprinted copies (same glyph, same font) from equal letters side by side.
        var fonts = new List<string?>(page.Letters.Count);
        var directions = new int[4];
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value)) continue;
            var text = TextNormalizer.NormalizeGlyph(letter.Value);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var box = EmBox(letter, height);
            if (box.Width <= 0 && box.Height <= 0) continue;
            glyphs.Add(new TextGlyph(text, box, height - letter.StartBaseLine.Y, SizeOf(letter)));
            fonts.Add(letter.FontName);
            switch (letter.TextOrientation)
            {
                case TextOrientation.Horizontal: directions[0]++; break;
                case TextOrientation.Rotate90: directions[1]++; break;
                case TextOrientation.Rotate270: directions[2]++; break;
                case TextOrientation.Rotate180: directions[3]++; break;
            }
        }

        var shapes = page.Paths.Select(p => ToShape(p, height));
        var rulings = rulingExtractor.Extract(shapes);
        GlyphDeduplicator.DeduplicateInPlace(glyphs, fonts);
        var model = new PageModel(page.Number, page.Width, height, glyphs, rulings);

        var dominant = Array.IndexOf(directions, directions.Max());
        if (dominant > 0 && directions[dominant] > 2 * directions[0])
        {
            var direction = dominant switch { 1 => TextDirection.Down, 2 => TextDirection.Up, _ => TextDirection.UpsideDown };
            model = PageRotation.MakeUpright(model, direction);
        }
        return model;
    }

    private static double SizeOf(Letter letter) =>
        letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);

    /// <summary>
    /// The glyph's em box: from its baseline origin along its advance, 0.8 em above the baseline
    /// and 0.2 em below. Ink boxes are useless for layout (一 is a thin bar at mid-height, 、 sits
    /// on the baseline, and some producers give CJK glyphs font boxes reaching into the row above),
    /// while em boxes line up for every glyph of a line.
    /// </summary>
    private static Box EmBox(Letter letter, double pageHeight)
    {
        var size = SizeOf(letter);
        var start = letter.StartBaseLine;
        var end = letter.EndBaseLine;
        var dx = end.X - start.X;
        var dy = end.Y - start.Y;
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length < 1e-6)
        {
            // No advance recorded: fall back to the ink box's width along the baseline.
            length = Math.Max(letter.BoundingBox.Width, 0.5 * size);
            dx = length;
            dy = 0;
            end = new PdfPoint(start.X + length, start.Y);
        }
        var ux = -dy / length;
        var uy = dx / length;
        var above = 0.8 * size;
        var below = 0.2 * size;
        // The four corners' extremes, without arrays: this runs for every letter of every page.
        double x0 = start.X + ux * above, x1 = start.X - ux * below, x2 = end.X + ux * above, x3 = end.X - ux * below;
        double y0 = start.Y + uy * above, y1 = start.Y - uy * below, y2 = end.Y + uy * above, y3 = end.Y - uy * below;
        return new Box(Min(x0, x1, x2, x3), pageHeight - Max(y0, y1, y2, y3), Max(x0, x1, x2, x3), pageHeight - Min(y0, y1, y2, y3));
    }

    /// <summary>The least of four values, as <c>Enumerable.Min</c> finds it (the first of equal values; NaN if any is NaN).</summary>
    private static double Min(double a, double b, double c, double d)
    {
        if (double.IsNaN(a)) return a;
        var min = a;
        foreach (var v in (ReadOnlySpan<double>)[b, c, d])
        {
            if (v < min) min = v;
            else if (double.IsNaN(v)) return v;
        }
        return min;
    }

    /// <summary>The greatest of four values, as <c>Enumerable.Max</c> finds it (the first of equal values; NaN only if all are).</summary>
    private static double Max(double a, double b, double c, double d)
    {
        ReadOnlySpan<double> values = [a, b, c, d];
        var max = values[0];
        var i = 1;
        while (double.IsNaN(max))
        {
            if (i == values.Length) return max;
            max = values[i++];
        }
        for (; i < values.Length; i++)
        {
            if (values[i] > max) max = values[i];
        }
        return max;
    }

    private static PathShape ToShape(PdfPath path, double pageHeight)
    {
        var visible = path.IsStroked ? IsVisible(path.StrokeColor) : IsVisible(path.FillColor);
        var shape = new PathShape([], path.IsStroked, path.IsFilled, path.IsClipping, visible);
        // Clipping paths and invisible paint are many on some pages and never rulings: their figures are not copied.
        return RulingExtractor.Ignores(shape) ? shape : shape with { Figures = Figures(path, pageHeight) };
    }

    private static List<PathFigure> Figures(PdfPath path, double pageHeight)
    {
        var figures = new List<PathFigure>();
        foreach (var subpath in path)
        {
            var points = new List<(double, double)>();
            var closed = false;
            foreach (var command in subpath.Commands)
            {
                switch (command)
                {
                    case PdfSubpath.Move move:
                        Flush(points, closed, figures);
                        points = StartAt(ToPage(move.Location, pageHeight));
                        closed = false;
                        break;
                    case PdfSubpath.Line line:
                        if (points.Count == 0) points.Add(ToPage(line.From, pageHeight));
                        points.Add(ToPage(line.To, pageHeight));
                        break;
                    case PdfSubpath.Close:
                        closed = true;
                        break;
                    case PdfSubpath.BezierCurve curve:
                        // A curve is never a ruling: end the straight run here and start again after it.
                        Flush(points, false, figures);
                        points = StartAt(ToPage(curve.EndPoint, pageHeight));
                        break;
                }
            }
            Flush(points, closed, figures);
        }
        return figures;
    }

    /// <summary>A new run of points: room for a rectangle's four corners from the start, as most runs are.</summary>
    private static List<(double, double)> StartAt((double, double) point) => new(4) { point };

    private static void Flush(List<(double, double)> points, bool closed, List<PathFigure> figures)
    {
        // The caller starts a new list after every flush, so the figure can keep this one.
        if (points.Count >= 2) figures.Add(new PathFigure(points, closed));
    }

    private static (double, double) ToPage(PdfPoint point, double pageHeight) => (point.X, pageHeight - point.Y);

    /// <summary>White or near-white paint draws nothing a reader sees (some producers paint white grids).</summary>
    private static bool IsVisible(IColor? color)
    {
        if (color is null) return true;
        try
        {
            var (r, g, b) = color.ToRGBValues();
            return !(r > 0.92 && g > 0.92 && b > 0.92);
        }
        catch (Exception)
        {
            return true;
        }
    }
}
