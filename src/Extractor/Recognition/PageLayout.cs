using Extractor.Pdf;
using Extractor.Tables;

namespace Extractor.Recognition;

/// <summary>A page split into its table grids and the text lines outside them.</summary>
public sealed record PageLayout(PageModel Page, IReadOnlyList<CellGrid> Grids, IReadOnlyList<TextLine> Lines)
{
    public static PageLayout Build(PageModel page, IReadOnlyList<CellGrid> grids)
    {
        var outside = page.Glyphs.Where(g => !grids.Any(grid => grid.Bounds.Contains(g.CenterX, g.CenterY)));
        return new PageLayout(page, grids, TextLineBuilder.Build(outside));
    }

    /// <summary>Lines between the previous grid (or the page top) and this grid, nearest first.</summary>
    public IReadOnlyList<TextLine> LinesAbove(int gridIndex)
    {
        var grid = Grids[gridIndex];
        var floor = gridIndex > 0 ? Grids[gridIndex - 1].Bounds.Bottom : double.NegativeInfinity;
        return Lines.Where(l => l.Box.CenterY < grid.Bounds.Top + 1 && l.Box.CenterY > floor)
            .OrderByDescending(l => l.Box.Top).ToList();
    }

    /// <summary>All text of the page, tables included, top to bottom: for metadata and narrative.</summary>
    public string AllText => string.Join("\n", TextLineBuilder.Build(Page.Glyphs).Select(l => l.Text));
}
