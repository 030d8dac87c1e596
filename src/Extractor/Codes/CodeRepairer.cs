using Extractor.Rows;

namespace Extractor.Codes;

/// <summary>A repair of a printed code or name, with the evidence it rests on (document.json <c>repairs</c>).</summary>
public sealed record CodeRepair(string Table, int Page, string CodePrinted, string NamePrinted, string Code, string Name, string Evidence, string Detail);

/// <summary>
/// Sets each row's <c>code</c>, <c>code_level</c> and <c>code_repair</c>. For now a complete printed
/// code is taken as it is (<c>none</c>) and a truncated one is left <c>unresolved</c> with its printed
/// value; evidence-based repair plugs in here.
/// </summary>
public sealed class CodeRepairer
{
    public static CodeRepairer Instance { get; } = new();

    public (IReadOnlyList<ExtractedTable> Tables, IReadOnlyList<CodeRepair> Repairs) Repair(IReadOnlyList<ExtractedTable> tables)
    {
        var result = new List<ExtractedTable>(tables.Count);
        foreach (var table in tables)
        {
            var system = CodeLevels.SystemOf(table.Source.Template?.Codes) ?? CodeSystem.Function;
            var rows = table.Rows.Select(row =>
            {
                if (row.CodePrinted.Length == 0) return row with { Code = string.Empty, CodeLevel = string.Empty, CodeRepair = string.Empty };
                var complete = CodeLevels.IsComplete(row.CodePrinted, system);
                return row with
                {
                    Code = row.CodePrinted,
                    CodeLevel = CodeLevels.LevelOf(row.CodePrinted, system),
                    CodeRepair = complete ? "none" : "unresolved",
                };
            }).ToList();
            result.Add(table with { Rows = rows });
        }
        return (result, []);
    }
}
