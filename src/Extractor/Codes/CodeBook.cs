namespace Extractor.Codes;

/// <summary>
/// Full codes and their names as some set of rows printed them: the rows of one document
/// (document evidence) or of a whole batch for one year (batch evidence).
/// </summary>
public sealed class CodeBook
{
    private readonly Dictionary<string, HashSet<string>> _names = new();

    public void Add(string code, string name)
    {
        if (code.Length == 0 || name.Length == 0) return;
        if (!_names.TryGetValue(code, out var set)) _names[code] = set = [];
        set.Add(name);
    }

    public int Count => _names.Count;

    public IEnumerable<(string Code, IReadOnlyCollection<string> Names)> Extending(string prefix, int length) =>
        _names.Where(kv => kv.Key.Length == length && kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(kv => (kv.Key, (IReadOnlyCollection<string>)kv.Value));

    public IReadOnlyCollection<string> NamesOf(string code) => _names.TryGetValue(code, out var set) ? set : [];

    public IEnumerable<(string Code, IReadOnlyCollection<string> Names)> All =>
        _names.Select(kv => (kv.Key, (IReadOnlyCollection<string>)kv.Value));
}
