using Extractor.Arithmetic;
namespace Extractor.Checks;

/// <summary>
/// Collects a document's checks and keeps their ids unique and stable: a second check with an id
/// already taken gets <c>.2</c>, the next <c>.3</c>, in document order (the same on every run).
/// </summary>
public sealed class CheckList
{
    private readonly List<CheckResult> _items = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<CheckResult, string> _final = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<CheckResult> Items => _items;

    public void Add(CheckResult check)
    {
        var original = check;
        if (_seen.TryGetValue(check.Id, out var count))
        {
            _seen[check.Id] = count + 1;
            check = check with { Id = $"{check.Id}.{count + 1}" };
        }
        else
        {
            _seen[check.Id] = 1;
        }
        _final[original] = check.Id;
        _items.Add(check);
    }

    /// <summary>The id a check added here got in the list (its own, or with <c>.2</c> … when the id was taken).</summary>
    public string FinalId(CheckResult check) => _final.GetValueOrDefault(check, check.Id);

    public void AddRange(IEnumerable<CheckResult> checks)
    {
        foreach (var check in checks) Add(check);
    }

    /// <summary>A check that could not run because a table it reads is absent.</summary>
    public static CheckResult Skipped(string id, IReadOnlyList<string> tables, string message, IReadOnlyList<int>? pages = null, string? quote = null) => new()
    {
        Id = id,
        Tables = tables,
        Status = CheckStatus.Skipped,
        Message = message,
        Pages = pages ?? [],
        Quote = quote,
    };
}
