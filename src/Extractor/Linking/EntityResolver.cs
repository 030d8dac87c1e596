namespace Extractor.Linking;

/// <summary>
/// Gives a document its <see cref="Entity"/> from its printed department, its tables' titles and the user's mapping:
/// the mapping first, then the name's qualifier (（本级）, （汇总）), then the titles, then the mapping's department
/// (a body mapped under another is a unit), then what an earlier run recorded, else a department.
/// </summary>
public sealed class EntityResolver
{
    private readonly EntityMap _map;

    public EntityResolver(EntityMap? map = null) => _map = map ?? EntityMap.Empty;

    public EntityMap Map => _map;

    /// <param name="docId">the document's doc_id (a mapping row may name it)</param>
    /// <param name="department">the department as printed (metadata.department)</param>
    /// <param name="titles">the titles of its template tables</param>
    public Entity Resolve(string docId, string department, IEnumerable<string> titles) =>
        Resolve(docId, department, EntityScope.FromTitles(titles));

    /// <param name="docId">the document's doc_id (a mapping row may name it)</param>
    /// <param name="department">the department as printed (metadata.department)</param>
    /// <param name="titleScope">what its tables' titles say it covers (<see cref="EntityScope.FromTitles"/>), or empty</param>
    /// <param name="recordedScope">what an earlier run recorded (documents.csv entity_kind), the weakest evidence: for an
    /// output folder written without document.json</param>
    public Entity Resolve(string docId, string department, string titleScope, string recordedScope = "")
    {
        var name = EntityName.Parse(department);
        var entry = _map.Find(docId, department);
        var key = entry?.Key is { Length: > 0 } mapped ? mapped : name.Key;
        if (key.Length == 0) return Entity.None with { Mapped = entry is not null };
        var parent = entry?.Department ?? string.Empty;
        var scope = entry?.Kind is { Length: > 0 } kind ? kind
            : name.Scope.Length > 0 ? name.Scope
            : titleScope.Length > 0 ? titleScope
            : parent.Length > 0 && parent != key ? EntityScope.Unit
            : recordedScope.Length > 0 ? recordedScope
            : EntityScope.Department;
        var department0 = parent.Length > 0 ? parent : scope == EntityScope.Unit ? key : string.Empty;
        return new Entity(key, scope, department0, name.Higher, entry is not null);
    }
}
