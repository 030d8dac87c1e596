using Extractor.Pdf;
using Extractor.Tables;

namespace Extractor.Tests.Recognition;

/// <summary>
/// Builds a <see cref="CellGrid"/> from rows of strings: "&lt;" joins a position to the cell on its
/// left, "^" to the cell above, so merged headers read the way they look.
/// </summary>
internal static class GridBuilder
{
    public static CellGrid Build(params string[][] rows) => Build(1, rows);

    public static CellGrid Build(int page, params string[][] rows)
    {
        var rowCount = rows.Length;
        var columnCount = rows.Max(r => r.Length);
        var owner = new (int R, int C)[rowCount, columnCount];
        for (var r = 0; r < rowCount; r++)
        for (var c = 0; c < columnCount; c++)
        {
            var text = c < rows[r].Length ? rows[r][c] : string.Empty;
            owner[r, c] = text switch
            {
                "<" => owner[r, c - 1],
                "^" => owner[r - 1, c],
                _ => (r, c),
            };
        }
        var cells = new List<GridCell>();
        for (var r = 0; r < rowCount; r++)
        for (var c = 0; c < columnCount; c++)
        {
            if (owner[r, c] != (r, c)) continue;
            int lastR = r, lastC = c;
            for (var rr = r; rr < rowCount; rr++)
            for (var cc = c; cc < columnCount; cc++)
            {
                if (owner[rr, cc] != (r, c)) continue;
                lastR = Math.Max(lastR, rr);
                lastC = Math.Max(lastC, cc);
            }
            var text = c < rows[r].Length ? rows[r][c] : string.Empty;
            cells.Add(new GridCell(r, c, lastR - r + 1, lastC - c + 1, new Box(c * 50, r * 20, (lastC + 1) * 50, (lastR + 1) * 20), text));
        }
        return new CellGrid(page, "lattice",
            Enumerable.Range(0, rowCount + 1).Select(i => i * 20.0).ToList(),
            Enumerable.Range(0, columnCount + 1).Select(i => i * 50.0).ToList(),
            cells);
    }
}
