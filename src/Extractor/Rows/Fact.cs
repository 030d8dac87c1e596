namespace Extractor.Rows;

/// <summary>One line of facts.csv, in the contract's column order.</summary>
public sealed record Fact(
    string DocId, string Department, string Year, string Kind, string Table, string Section, string LineNo,
    string Code, string CodeLevel, string Name, string Column, decimal Value, string Unit, int Page,
    string CodePrinted, string NamePrinted, string CodeRepair)
{
    public static readonly IReadOnlyList<string> Header =
    [
        "doc_id", "department", "year", "kind", "table", "section", "line_no", "code", "code_level", "name",
        "column", "value", "unit", "page", "code_printed", "name_printed", "code_repair",
    ];

    /// <summary>Facts of a document: one per amount of every template table's rows (generic tables have no facts).</summary>
    public static IEnumerable<Fact> Of(DocumentResult document)
    {
        var m = document.Metadata;
        foreach (var table in document.TemplateTables)
        foreach (var row in table.Rows)
        foreach (var value in row.Values)
        {
            yield return new Fact(document.DocId, m.Department, m.Year, m.Kind, table.Id, row.Section, row.LineNo,
                row.Code, row.CodeLevel, row.Name, value.Column, value.Value, value.Unit ?? table.Source.Unit, value.Page,
                row.CodePrinted, row.NamePrinted, row.CodeRepair);
        }
    }
}
