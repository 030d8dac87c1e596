using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Templates;
using Extractor.Tests.Recognition;

namespace Extractor.Tests.Rows;

/// <summary>A template table's rows read from a hand-built grid (<see cref="GridBuilder"/>), as the pipeline reads them.</summary>
internal static class GridRows
{
    public static ExtractedTable Read(string id, int bodyStart, string? year, List<string> warnings, params string[][] rows)
    {
        var grid = GridBuilder.Build(rows);
        var template = TemplateCatalog.Default.Find(id);
        return RowBuilder.Build(new RecognizedTable
        {
            Id = id,
            Template = template,
            Title = "",
            Label = "",
            Unit = "万元",
            Year = year,
            Parts = [new TablePart(grid, bodyStart)],
            Columns = ColumnMapper.Map(grid, bodyStart, template, year),
        }, warnings);
    }
}
