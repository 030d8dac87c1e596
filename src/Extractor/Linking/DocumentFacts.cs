using Extractor.Checks;
using Extractor.Rows;

using Extractor.Arithmetic;

namespace Extractor.Linking;

/// <summary>
/// One document's facts (facts.csv) for the link stage: by table, amounts converted to 万元 (a 元 table's 87267272.44 is
/// 8726.727244), what the last printed digit allows each to be off by, and rows found by their code or their name.
/// Facts that are not money (a share in %) are left out.
/// </summary>
public sealed class DocumentFacts
{
    private readonly Dictionary<string, List<Fact>> _byTable = new(StringComparer.Ordinal);

    public DocumentFacts(LinkDocument document, IEnumerable<Fact> facts)
    {
        Document = document;
        foreach (var fact in facts)
        {
            if (Tolerance.UnitFactor(fact.Unit) is null) continue;
            if (!_byTable.TryGetValue(fact.Table, out var list)) _byTable[fact.Table] = list = [];
            list.Add(fact);
        }
    }

    public LinkDocument Document { get; }

    public bool Has(string table) => _byTable.ContainsKey(table);

    public IReadOnlyList<Fact> In(string table) => _byTable.TryGetValue(table, out var list) ? list : [];

    public IEnumerable<string> Tables => _byTable.Keys;

    /// <summary>The first of <paramref name="columns"/> the table prints, or null.</summary>
    public string? FirstColumn(string table, IEnumerable<string> columns)
    {
        var facts = In(table);
        return columns.FirstOrDefault(c => facts.Any(f => f.Column == c));
    }

    /// <summary>The fact of a row and column: by code when <paramref name="code"/> is not empty, else by name (compared without punctuation).</summary>
    public Fact? Find(string table, string section, string code, string name, string column)
    {
        var normalized = Names.Normalize(name);
        foreach (var f in In(table))
        {
            if (f.Column != column || f.Section != section) continue;
            if (code.Length > 0 ? f.Code == code : f.Code.Length == 0 && Names.Normalize(f.Name) == normalized) return f;
        }
        return null;
    }

    /// <summary>A fact's amount in 万元, exactly (元 → × 0.0001, trailing zeros of the conversion dropped, two decimals at least).</summary>
    public static decimal Wan(Fact fact)
    {
        var factor = Tolerance.UnitFactor(fact.Unit) ?? 1m;
        if (factor == 1m) return fact.Value;
        var wan = fact.Value * factor / 1.0000000000000000000000000000m;
        return wan.Scale < 2 ? wan + 0.00m : wan;
    }

    /// <summary>Half a unit of the fact's last printed digit, in 万元.</summary>
    public static decimal HalfUnit(Fact fact) => Tolerance.HalfUnit(fact.Value.Scale) * (Tolerance.UnitFactor(fact.Unit) ?? 1m);

    /// <summary>A classified table's row key: its code, or 合计 for the total row; null for other rows without a code.</summary>
    public static string? RowKey(Fact fact) =>
        fact.Code.Length > 0 ? fact.Code : Names.Normalize(fact.Name) is "合计" or "总计" ? "合计" : null;
}
