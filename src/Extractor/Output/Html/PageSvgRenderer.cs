using System.Text;
using Extractor.Pdf;
using Extractor.Tables;
using static Extractor.Output.Html.HtmlText;

namespace Extractor.Output.Html;

/// <summary>A rectangle drawn over (or under) the page: its box, CSS class, tooltip and data attributes.</summary>
internal sealed record SvgShape(Box Box, string Class, string? Title = null, IReadOnlyList<(string Name, string Value)>? Data = null);

/// <summary>
/// Draws a page as the extractor read it, as inline SVG in page space (points, y down): each glyph's text at its own
/// position and size, the ruling lines, and on top the cells of the detected grids and the marks of the review page.
/// Nothing is rendered from the PDF itself: what is drawn is exactly what the later stages saw.
/// </summary>
internal static class PageSvgRenderer
{
    /// <summary>Draws the part of <paramref name="page"/> inside <paramref name="view"/>.</summary>
    public static void Render(
        TextWriter w, PageModel page, Box view, string label,
        IEnumerable<CellGrid> grids, IEnumerable<SvgShape> under, IEnumerable<SvgShape> over)
    {
        w.Write($"<svg class=\"page\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{N(view.Left)} {N(view.Top)} {N(view.Width)} {N(view.Height)}\" ");
        w.Write($"data-page=\"{page.Number}\" role=\"img\" aria-label=\"{E(label)}\" preserveAspectRatio=\"xMidYMin meet\">");
        w.Write($"<rect class=\"sheet\" x=\"{N(view.Left)}\" y=\"{N(view.Top)}\" width=\"{N(view.Width)}\" height=\"{N(view.Height)}\"/>");
        foreach (var shape in under) Shape(w, shape);

        w.Write("<g class=\"rulings\">");
        foreach (var r in page.Rulings)
        {
            var (x1, y1, x2, y2) = r.IsHorizontal ? (r.Start, r.Position, r.End, r.Position) : (r.Position, r.Start, r.Position, r.End);
            if (Math.Max(x1, x2) < view.Left || Math.Min(x1, x2) > view.Right || Math.Max(y1, y2) < view.Top || Math.Min(y1, y2) > view.Bottom) continue;
            w.Write($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");
        }
        w.Write("</g><g class=\"glyphs\">");
        var glyphs = page.Glyphs.Where(g => view.Contains(g.CenterX, g.CenterY));
        foreach (var line in TextLineBuilder.Build(glyphs))
        {
            foreach (var run in Runs(line.Glyphs)) Text(w, run);
        }
        w.Write("</g><g class=\"grid\">");
        foreach (var grid in grids)
        {
            foreach (var cell in grid.Cells)
            {
                w.Write($"<rect x=\"{N(cell.Box.Left)}\" y=\"{N(cell.Box.Top)}\" width=\"{N(cell.Box.Width)}\" height=\"{N(cell.Box.Height)}\"/>");
            }
        }
        w.Write("</g>");
        foreach (var shape in over) Shape(w, shape);
        w.Write("</svg>");
    }

    /// <summary>A line's glyphs in runs of one font size and baseline, so each run is one &lt;text&gt; with a position per character.</summary>
    private static IEnumerable<List<TextGlyph>> Runs(IReadOnlyList<TextGlyph> glyphs)
    {
        var run = new List<TextGlyph>();
        foreach (var g in glyphs)
        {
            if (run.Count > 0 && (Math.Abs(run[0].FontSize - g.FontSize) > 0.25 || Math.Abs(run[0].Baseline - g.Baseline) > 0.6))
            {
                yield return run;
                run = [];
            }
            run.Add(g);
        }
        if (run.Count > 0) yield return run;
    }

    private static void Text(TextWriter w, List<TextGlyph> run)
    {
        var xs = new StringBuilder();
        var text = new StringBuilder();
        foreach (var g in run)
        {
            var chars = g.Text.Where(c => !char.IsControl(c)).ToArray();
            if (chars.Length == 0) continue;
            for (var i = 0; i < chars.Length; i++)
            {
                if (xs.Length > 0) xs.Append(' ');
                xs.Append(N(g.Box.Left + g.Box.Width * i / chars.Length));
                text.Append(chars[i]);
            }
        }
        if (text.Length == 0) return;
        var size = run[0].FontSize > 0 ? run[0].FontSize : run[0].Box.Height / 1.0;
        w.Write($"<text x=\"{xs}\" y=\"{N(run[0].Baseline)}\" font-size=\"{N(size)}\">{E(text.ToString())}</text>");
    }

    private static void Shape(TextWriter w, SvgShape shape)
    {
        var b = shape.Box;
        w.Write($"<rect class=\"{shape.Class}\" x=\"{N(b.Left)}\" y=\"{N(b.Top)}\" width=\"{N(Math.Max(b.Width, 0.5))}\" height=\"{N(Math.Max(b.Height, 0.5))}\"");
        foreach (var (name, value) in shape.Data ?? []) w.Write($" data-{name}=\"{E(value)}\"");
        if (shape.Title is null)
        {
            w.Write("/>");
            return;
        }
        w.Write($"><title>{E(shape.Title)}</title></rect>");
    }
}
