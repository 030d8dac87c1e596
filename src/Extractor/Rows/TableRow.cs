using Extractor.Pdf;

namespace Extractor.Rows;

/// <summary>One amount of a row: its canonical column, the value exactly as printed, and where it was read.</summary>
public sealed record CellValue(string Column, decimal Value, int Page, Box Box, string? Section = null)
{
    /// <summary>The value's own unit where it is not the table's (<c>%</c> for a printed share).</summary>
    public string? Unit { get; init; }
}

/// <summary>
/// The code as printed in one code column: <see cref="Level"/> is 类, 款 or 项 when the table
/// splits codes over such columns, empty for a column holding whole codes.
/// </summary>
public sealed record CodePart(string Level, string Text);

/// <summary>
/// A normalised row of a table: the fields of facts.csv that belong to the row, and its amounts.
/// <see cref="Code"/> and <see cref="Name"/> are the repaired values; the printed ones are kept beside them.
/// </summary>
public sealed record TableRow
{
    public string Section { get; init; } = string.Empty;
    /// <summary>Whether the row names its section itself (a 年度 column), rather than taking it from its column headers.</summary>
    public bool SectionLabelled { get; init; }
    public string LineNo { get; init; } = string.Empty;
    public string Code { get; init; } = string.Empty;
    public string CodeLevel { get; init; } = string.Empty;
    public string Name { get; init; } = string.Empty;
    public string CodePrinted { get; init; } = string.Empty;
    public string NamePrinted { get; init; } = string.Empty;
    /// <summary><c>none</c>, <c>document</c>, <c>catalog</c>, <c>structure</c> or <c>unresolved</c>; empty for rows without a code.</summary>
    public string CodeRepair { get; init; } = string.Empty;
    public int Page { get; init; }
    public IReadOnlyList<CellValue> Values { get; init; } = [];
    /// <summary>The printed code column by column (split 类 | 款 | 项 codes keep their levels).</summary>
    public IReadOnlyList<CodePart> CodeParts { get; init; } = [];
    /// <summary>Which side-by-side column group of the printed table the row was read from.</summary>
    public int Group { get; init; }
}

/// <summary>A table after row building: its recognition data and its rows.</summary>
public sealed record ExtractedTable(Recognition.RecognizedTable Source, IReadOnlyList<TableRow> Rows)
{
    public string Id => Source.Id;

    /// <summary>How the table was read and how far its arithmetic confirms it; null for a table not judged (a generic grid).</summary>
    public TableReading? Reading { get; init; }

    /// <summary>The canonical columns in the order the table prints them.</summary>
    public IReadOnlyList<string> ColumnNames =>
        Source.Columns.Where(c => c.Column is not null).Select(c => c.Column!).Distinct().ToList();
}
