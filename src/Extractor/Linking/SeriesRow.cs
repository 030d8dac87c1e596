namespace Extractor.Linking;

/// <summary>
/// One line of series.csv: one figure of one document — a key's code (or 合计, or “三公” item) in one table and column —
/// for one year, in 万元; the lines of a key, table, column and code over the years make its series.
/// </summary>
public sealed record SeriesRow(
    string Key, string Department, string Scope, string Kind, string Table, string Section, string Code, string CodeLevel,
    string Name, string Column, int Year, decimal Value, string DocId, int Page)
{
    public static readonly IReadOnlyList<string> Header =
    [
        "entity_key", "department", "scope", "kind", "table", "section", "code", "code_level", "name", "column", "year",
        "value", "unit", "doc_id", "page",
    ];

    /// <summary>
    /// The tables series.csv draws from: those by function code (收入, 支出, 一般公共预算, 政府性基金, 国有资本经营 of the
    /// final and the budget templates) and the “三公” tables.
    /// </summary>
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "GK02", "GK03", "GK05", "GK07", "GK08", "GK09", "YS02", "YS03", "YS05", "YS07", "YS08", "YS09",
    };

    /// <summary>A document's lines: every fact of those tables on a coded or 合计 row (every fact of GK09 and YS07).</summary>
    public static IEnumerable<SeriesRow> Of(DocumentFacts facts)
    {
        var doc = facts.Document;
        if (doc.Year is not { } year || doc.Key.Length == 0) yield break;
        foreach (var table in facts.Tables.Where(Tables.Contains).Order(StringComparer.Ordinal))
        {
            var single = table is "GK09" or "YS07";
            foreach (var f in facts.In(table))
            {
                var key = DocumentFacts.RowKey(f);
                if (!single && key is null) continue;
                yield return new SeriesRow(doc.Key, doc.Department, doc.Scope, doc.Kind, table, f.Section, f.Code, f.CodeLevel,
                    single || f.Code.Length > 0 ? f.Name : "合计", f.Column, year, DocumentFacts.Wan(f), doc.DocId, f.Page);
            }
        }
    }
}
