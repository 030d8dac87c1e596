using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Extractor.Linking;

/// <summary>
/// The user's mapping file (<c>--entities FILE</c>) for the names no rule can settle: a CSV with a header and the columns
/// <c>name</c> (a name as printed, or a <c>doc_id</c>) and <c>key</c> (the key to give it; empty keeps the rule's), and
/// optionally <c>department</c> (the key of the department a unit belongs to) and <c>kind</c> (<c>部门</c> or <c>单位</c>,
/// what the document covers). A row applies to a document whose doc_id is its name, else whose printed department is its
/// name (spaces and bracket widths aside), else whose name gives the same key and qualifier by the rules as the row's
/// name does.
/// </summary>
public sealed class EntityMap
{
    /// <summary>One row of the mapping file.</summary>
    public sealed record Entry(string Name, string Key, string Department, string Kind, int Line);

    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);

    public static EntityMap Empty { get; } = new([]);

    public EntityMap(IEnumerable<Entry> entries)
    {
        Entries = entries.ToList();
        foreach (var e in Entries)
        {
            _byName.TryAdd(EntityName.Clean(e.Name), e);
            if (ByKey(EntityName.Parse(e.Name)) is { } key) _byKey.TryAdd(key, e);
        }
    }

    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>The row that applies to a document, or null.</summary>
    public Entry? Find(string docId, string printedName)
    {
        if (docId.Length > 0 && _byName.TryGetValue(docId, out var byId)) return byId;
        if (printedName.Length == 0) return null;
        if (_byName.TryGetValue(EntityName.Clean(printedName), out var byName)) return byName;
        return ByKey(EntityName.Parse(printedName)) is { } key && _byKey.TryGetValue(key, out var byKey) ? byKey : null;
    }

    /// <summary>
    /// A row applies to the other spellings of its name, but not across a qualifier: 武汉市江汉区样例局（本级） is the
    /// department's own unit, not the department 江汉区样例局 that shares its key.
    /// </summary>
    private static string? ByKey(EntityName name) => name.Key.Length == 0 ? null : name.Key + "|" + name.Scope;

    /// <summary>
    /// The departments the file lists units for, each with the keys of its units (the key a row gives, else its name's
    /// rule key): a department so declared is complete only when all of them are in the batch.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> DeclaredUnits()
    {
        var units = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in Entries.Where(e => e.Department.Length > 0))
        {
            var key = e.Key.Length > 0 ? e.Key : EntityName.Parse(e.Name).Key;
            if (key.Length == 0) continue;
            if (!units.TryGetValue(e.Department, out var set)) units[e.Department] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(key);
        }
        return units.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal);
    }

    /// <exception cref="EntityMapException">the file has no <c>name</c> or <c>key</c> column, or a row is malformed.</exception>
    public static EntityMap Read(TextReader reader, string source = "the entities file")
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null, BadDataFound = null, TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false,
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null) throw new EntityMapException($"{source} is empty; it needs a header with the columns name,key.");
        var header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var (name, key, department, kind) = (Column("name"), Column("key"), Column("department"), Column("kind"));
        if (name < 0 || key < 0) throw new EntityMapException($"{source} needs the columns name and key (optional: department, kind); its header is {string.Join(",", header)}.");
        var entries = new List<Entry>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(int i) => i >= 0 && i < csv.Parser.Count ? (csv.GetField(i) ?? string.Empty).Trim() : string.Empty;
            var entry = new Entry(Field(name), EntityName.Clean(Field(key)), EntityName.Clean(Field(department)), Field(kind), line);
            if (entry.Name.Length == 0) continue;
            if (entry.Kind.Length > 0 && entry.Kind is not (EntityScope.Department or EntityScope.Unit))
            {
                throw new EntityMapException($"{source}, line {line}: kind must be {EntityScope.Department} or {EntityScope.Unit}, not '{entry.Kind}'.");
            }
            entries.Add(entry);
        }
        return new EntityMap(entries);
    }

    public static EntityMap Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
            return Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EntityMapException($"{path} cannot be read: {e.Message}");
        }
    }
}

/// <summary>A mapping file that cannot be used, with a sentence saying what to fix.</summary>
public sealed class EntityMapException(string message) : Exception(message);
