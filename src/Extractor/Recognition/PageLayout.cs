using Extractor.Pdf;
using Extractor.Tables;

namespace Extractor.Recognition;

/// <summary>A page split into its table grids and the text lines outside them.</summary>
public sealed record PageLayout(PageModel Page, IReadOnlyList<CellGrid> Grids, IReadOnlyList<TextLine> Lines)
{
    public static PageLayout Build(PageModel page, IReadOnlyList<CellGrid> grids)
    {
        var outside = new List<TextGlyph>(page.Glyphs.Count);
        foreach (var glyph in page.Glyphs)
        {
            if (!InAnyGrid(glyph, grids)) outside.Add(glyph);
        }
        return new PageLayout(page, grids, TextLineBuilder.BuildInPlace(outside));
    }

    private static bool InAnyGrid(TextGlyph glyph, IReadOnlyList<CellGrid> grids)
    {
        // By index: a foreach over the interface would allocate an enumerator for every glyph of the page.
        for (var i = 0; i < grids.Count; i++)
        {
            if (grids[i].Bounds.Contains(glyph.CenterX, glyph.CenterY)) return true;
        }
        return false;
    }

    /// <summary>
    /// Lines below the page's last grid (every line of a page without grids), nearest the page's foot first: where a
    /// title stands whose table begins on the next page.
    /// </summary>
    public IReadOnlyList<TextLine> LinesBelowLastGrid()
    {
        var floor = Grids.Count > 0 ? Grids[^1].Bounds.Bottom : double.NegativeInfinity;
        return Lines.Where(l => l.Box.CenterY > floor).OrderByDescending(l => l.Box.Top).ToList();
    }

    /// <summary>Lines between the previous grid (or the page top) and this grid, nearest first.</summary>
    public IReadOnlyList<TextLine> LinesAbove(int gridIndex)
    {
        var grid = Grids[gridIndex];
        var floor = gridIndex > 0 ? Grids[gridIndex - 1].Bounds.Bottom : double.NegativeInfinity;
        return Lines.Where(l => l.Box.CenterY < grid.Bounds.Top + 1 && l.Box.CenterY > floor)
            .OrderByDescending(l => l.Box.Top).ToList();
    }

}
