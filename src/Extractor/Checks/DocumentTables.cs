using Extractor.Templates;
using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>The template tables of a document by canonical id, and the sentence to say when one is absent.</summary>
public sealed class DocumentTables
{
    private readonly Dictionary<string, TableView> _tables = new(StringComparer.Ordinal);
    private readonly TemplateCatalog _catalog;

    public DocumentTables(DocumentResult document, TemplateCatalog catalog)
    {
        _catalog = catalog;
        Kind = document.Metadata.Kind;
        Year = int.TryParse(document.Metadata.Year, out var year) ? year : null;
        foreach (var table in document.TemplateTables)
        {
            // A template printed twice (rare) is read from its first appearance.
            _tables.TryAdd(table.Id, new TableView(table));
        }
    }

    public TableView? this[string id] => _tables.GetValueOrDefault(id);

    /// <summary>The document's kind: <c>final</c> (GK tables) or <c>budget</c> (YS tables).</summary>
    public string Kind { get; }

    /// <summary>The fiscal year the document reports on, when printed.</summary>
    public int? Year { get; }

    public bool Has(string id) => _tables.ContainsKey(id);

    public IEnumerable<TableView> All => _tables.Values;

    /// <summary>The ids among <paramref name="ids"/> that the document does not have.</summary>
    public IReadOnlyList<string> Missing(params string[] ids) => ids.Where(id => !Has(id)).ToList();

    /// <summary>"GK03 (支出决算表) was not found in the document": why a check was skipped.</summary>
    public string MissingMessage(IEnumerable<string> ids) =>
        string.Join(", ", ids.Select(id => $"{id} ({_catalog.Find(id)?.Name ?? id})")) + " not found in the document, so this check could not run.";

    /// <summary>Check <paramref name="checkId"/> as skipped when any of <paramref name="ids"/> is missing; null when all are there.</summary>
    public CheckResult? SkippedUnlessPresent(string checkId, params string[] ids)
    {
        var missing = Missing(ids);
        return missing.Count == 0 ? null : CheckList.Skipped(checkId, ids, MissingMessage(missing));
    }
}
