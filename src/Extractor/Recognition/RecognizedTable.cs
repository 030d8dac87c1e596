using Extractor.Tables;
using Extractor.Templates;

namespace Extractor.Recognition;

/// <summary>One page's piece of a table: its grid and the row its body starts at.</summary>
public sealed record TablePart(CellGrid Grid, int BodyStart);

/// <summary>
/// A table of the document: which template it is (or none, for a generic grid), its caption,
/// its parts over one or more pages, and what each column holds.
/// </summary>
public sealed record RecognizedTable
{
    /// <summary>Canonical id (GK01…) or, for a table outside any template, T + page + '-' + index.</summary>
    public required string Id { get; init; }
    public TableTemplate? Template { get; init; }
    public required string Title { get; init; }
    public required string Label { get; init; }
    public required string Unit { get; init; }
    public required IReadOnlyList<TablePart> Parts { get; init; }
    public required IReadOnlyList<ColumnSpec> Columns { get; init; }
    /// <summary>The fiscal year of the document, for reading row labels printed as years (2026年 → 本年).</summary>
    public string? Year { get; init; }

    /// <summary>How the template was decided: <c>title</c>, <c>header</c>, or <c>none</c>.</summary>
    public string RecognizedBy { get; init; } = "title";

    public IReadOnlyList<int> Pages => Parts.Select(p => p.Grid.Page).Distinct().ToList();
    public string Method => Parts[0].Grid.Method;

    /// <summary>The detector's confidence in the table: the weakest of its parts.</summary>
    public double Confidence => Math.Round(Parts.Min(p => p.Grid.Confidence), 3);
}
