using Extractor.Pdf;

namespace Extractor.Tables;

/// <summary>
/// One cell of a <see cref="CellGrid"/>: its top-left grid position, how many grid rows and
/// columns it spans (merged header cells span several), its box and its text.
/// </summary>
public sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, Box Box, string Text)
{
    public int LastRow => Row + RowSpan - 1;
    public int LastColumn => Column + ColumnSpan - 1;
    public bool IsEmpty => Text.Length == 0;
}
