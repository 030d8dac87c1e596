using Extractor.Pdf;

namespace Extractor.Tables;

/// <summary>
/// A table rebuilt from a page: a rows × columns grid whose cells may span several rows or
/// columns. <see cref="RowEdges"/> and <see cref="ColumnEdges"/> are the boundaries in page
/// space (Rows + 1 and Columns + 1 values).
/// </summary>
public sealed class CellGrid
{
    private readonly GridCell?[,] _index;

    public CellGrid(int page, string method, IReadOnlyList<double> rowEdges, IReadOnlyList<double> columnEdges, IReadOnlyList<GridCell> cells)
    {
        Page = page;
        Method = method;
        RowEdges = rowEdges;
        ColumnEdges = columnEdges;
        Cells = cells;
        _index = new GridCell?[Rows, Columns];
        foreach (var cell in cells)
        {
            for (var r = cell.Row; r <= cell.LastRow; r++)
            for (var c = cell.Column; c <= cell.LastColumn; c++)
                _index[r, c] = cell;
        }
    }

    public int Page { get; }

    /// <summary>
    /// How sure the detector is of the grid, 0 to 1: the share of the table's text that sits
    /// wholly inside one cell (text crossing a column boundary means a misplaced boundary).
    /// </summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>How the grid was found: <c>lattice</c> (ruling lines) or <c>stream</c> (text alignment).</summary>
    public string Method { get; }
    public IReadOnlyList<double> RowEdges { get; }
    public IReadOnlyList<double> ColumnEdges { get; }
    public IReadOnlyList<GridCell> Cells { get; }
    public int Rows => RowEdges.Count - 1;
    public int Columns => ColumnEdges.Count - 1;
    public Box Bounds => new(ColumnEdges[0], RowEdges[0], ColumnEdges[^1], RowEdges[^1]);

    /// <summary>The cell covering grid position (row, column), or null where nothing was found.</summary>
    public GridCell? At(int row, int column) => _index[row, column];

    public string TextAt(int row, int column) => _index[row, column]?.Text ?? string.Empty;

    /// <summary>The distinct cells of one grid row, left to right (a cell spanning rows appears in each).</summary>
    public IEnumerable<GridCell> CellsInRow(int row)
    {
        GridCell? previous = null;
        for (var c = 0; c < Columns; c++)
        {
            var cell = _index[row, c];
            if (cell is null || ReferenceEquals(cell, previous)) continue;
            previous = cell;
            yield return cell;
        }
    }

    public override string ToString() => FormattableString.Invariant($"{Method} grid p{Page} {Rows}x{Columns} {Bounds} confidence {Confidence:0.###}");
}
