namespace Extractor.Linking;

/// <summary>
/// Gives a document its <see cref="Entity"/> from its printed department, its tables' titles and the user's mapping:
/// the mapping first, then the name's qualifier (（本级）, （汇总）), then the titles, then the mapping's department
/// (a body mapped under another is a unit), else a department.
/// </summary>
public sealed class EntityResolver
{
    private readonly EntityMap _map;

    public EntityResolver(EntityMap? map = null) => _map = map ?? EntityMap.Empty;

    public EntityMap Map => _map;

    /// <param name="docId">the document's doc_id (a mapping row may name it)</param>
    /// <param name="department">the department as printed (metadata.department)</param>
    /// <param name="titles">the titles of its template tables</param>
    /// <param name="recordedScope">the scope an earlier run recorded (documents.csv entity_kind), for output folders
    /// written without document.json</param>
    public Entity Resolve(string docId, string department, IEnumerable<string> titles, string recordedScope = "")
    {
        var name = EntityName.Parse(department);
        var entry = _map.Find(docId, department);
        var key = entry?.Key is { Length: > 0 } mapped ? mapped : name.Key;
        if (key.Length == 0) return Entity.None with { Mapped = entry is not null };
        var parent = entry?.Department ?? string.Empty;
        var scope = entry?.Kind is { Length: > 0 } kind ? kind
            : name.Scope.Length > 0 ? name.Scope
            : EntityScope.FromTitles(titles) is { Length: > 0 } fromTitles ? fromTitles
            : recordedScope.Length > 0 ? recordedScope
            : parent.Length > 0 && parent != key ? EntityScope.Unit
            : EntityScope.Department;
        var department0 = parent.Length > 0 ? parent : scope == EntityScope.Unit ? key : string.Empty;
        return new Entity(key, scope, department0, name.Higher, entry is not null);
    }
}
