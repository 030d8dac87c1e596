using System.Globalization;
using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Codes;

/// <summary>A repair of a printed code or name, with the evidence it rests on (document.json <c>repairs</c>).</summary>
public sealed record CodeRepair(string Table, int Page, string CodePrinted, string NamePrinted, string Code, string Name, string Evidence, string Detail);

/// <summary>What the repairer did to a document's tables.</summary>
public sealed record RepairResult(IReadOnlyList<ExtractedTable> Tables, IReadOnlyList<CodeRepair> Repairs, IReadOnlyList<string> Warnings);

/// <summary>
/// Gives every coded row its full code and name. Evidence, strongest first: (1) the document —
/// another table prints the full code for the same name (GK03 prints 2070808 where GK02 cuts it to
/// 207080); (2) the catalog — the printed prefix plus the name, exact name first, then a cut name
/// that begins exactly one candidate's name; (3) structure — the row above gives the 类/款 a
/// relative code ("06" under 201) belongs to; (4) the batch — codes other documents of the same
/// year print in full. Where two candidates are left the code stays <c>unresolved</c>, with both named.
/// </summary>
public sealed class CodeRepairer
{
    public static CodeRepairer Instance { get; } = new(ClassificationCatalog.Embedded);

    private readonly ClassificationCatalog _catalog;
    private readonly CodeBook? _batch;

    public CodeRepairer(ClassificationCatalog catalog, CodeBook? batch = null)
    {
        _catalog = catalog;
        _batch = batch;
    }

    public ClassificationCatalog Catalog => _catalog;

    /// <summary>The same repairer with the full codes of a batch as the last source of evidence.</summary>
    public CodeRepairer WithBatch(CodeBook batch) => new(_catalog, batch);

    public RepairResult Repair(IReadOnlyList<ExtractedTable> tables)
    {
        var repairs = new List<CodeRepair>();
        var warnings = new List<string>();
        var books = new Dictionary<CodeSystem, CodeBook>();
        foreach (var system in new[] { CodeSystem.Function, CodeSystem.Economic })
        {
            books[system] = DocumentBook(tables, system);
        }

        var result = new List<ExtractedTable>(tables.Count);
        foreach (var table in tables)
        {
            if (table.Source.Template is null)
            {
                result.Add(table with { Rows = table.Rows.Select(r => Plain(r, CodeSystem.Function)).ToList() });
                continue;
            }
            // A template that names no classification (a procurement list) may still print codes:
            // their first digit tells which (2… function, 3… and 5… economic).
            var system = CodeLevels.SystemOf(table.Source.Template.Codes)
                ?? (table.Rows.FirstOrDefault(r => r.CodePrinted.Length >= 3)?.CodePrinted[0] is '3' or '5' ? CodeSystem.Economic : CodeSystem.Function);
            var rows = new List<TableRow>(table.Rows.Count);
            var walkers = new Dictionary<int, HierarchyWalker>();
            // A name is cut only where it reaches the edge of its cell: the longest names of a column.
            var longest = table.Rows.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.Max(r => r.NamePrinted.Length));
            foreach (var row in table.Rows)
            {
                if (row.CodePrinted.Length == 0)
                {
                    rows.Add(Plain(row, system));
                    continue;
                }
                if (!row.CodeParts.Any(p => p.Level.Length > 0) && !IsClassificationCode(row.CodePrinted))
                {
                    // A budget unit's own code (单位编码 024001) where a classification code would be: it
                    // stays in code_printed, but it is no account code to repair or join on.
                    rows.Add(row with { Code = string.Empty, CodeLevel = string.Empty, CodeRepair = string.Empty });
                    continue;
                }
                if (!walkers.TryGetValue(row.Group, out var walker)) walkers[row.Group] = walker = new HierarchyWalker(system);
                var repaired = RepairRow(table.Id, row, system, books[system], walker, repairs, warnings, longest.GetValueOrDefault(row.Group));
                walker.Advance(repaired);
                rows.Add(repaired);
            }
            result.Add(table with { Rows = rows });
        }
        return new RepairResult(result, repairs, warnings);
    }

    /// <summary>
    /// Classification codes begin with 2 (支出功能分类) or 3 and 5 (支出经济分类); a relative code (06 under
    /// 201) is too short to tell and counts as one.
    /// </summary>
    internal static bool IsClassificationCode(string printed) =>
        printed.Length <= 2 || !printed.All(char.IsAsciiDigit) || printed[0] is '2' or '3' or '5';

    /// <summary>Full codes the document itself prints, with their names: the strongest evidence.</summary>
    private static CodeBook DocumentBook(IReadOnlyList<ExtractedTable> tables, CodeSystem system)
    {
        var book = new CodeBook();
        foreach (var table in tables.Where(t => CodeLevels.SystemOf(t.Source.Template?.Codes) == system))
        foreach (var row in table.Rows)
        {
            if (row.CodePrinted.Length > 0 && row.CodePrinted.All(char.IsAsciiDigit)
                && CodeLevels.IsComplete(row.CodePrinted, system) && row.CodePrinted.Length > 3)
            {
                book.Add(row.CodePrinted, row.Name);
            }
        }
        return book;
    }

    private static TableRow Plain(TableRow row, CodeSystem system) => row.CodePrinted.Length == 0
        ? row with { Code = string.Empty, CodeLevel = string.Empty, CodeRepair = string.Empty }
        : row with { Code = row.CodePrinted, CodeLevel = CodeLevels.LevelOf(row.CodePrinted, system), CodeRepair = CodeEvidence.None };

    private TableRow RepairRow(string tableId, TableRow row, CodeSystem system, CodeBook document, HierarchyWalker walker,
        List<CodeRepair> repairs, List<string> warnings, int longestName)
    {
        var printed = row.CodePrinted;
        var (code, structureDetail) = walker.Compose(row);
        if (code is null)
        {
            repairs.Add(new CodeRepair(tableId, row.Page, printed, row.NamePrinted, printed, row.Name, CodeEvidence.Unresolved, structureDetail));
            return Unresolved(row, system);
        }

        if (CodeLevels.IsComplete(code, system))
        {
            var evidence = structureDetail.Length > 0 ? CodeEvidence.Structure : CodeEvidence.None;
            var mayBeCut = row.NamePrinted.Length >= longestName - 1;
            var (name, nameEvidence, nameDetail) = mayBeCut ? RepairName(code, row.Name, document) : (row.Name, null, string.Empty);
            if (nameEvidence is not null && evidence == CodeEvidence.None) evidence = nameEvidence;
            var repaired = row with { Code = code, CodeLevel = CodeLevels.LevelOf(code, system), CodeRepair = evidence, Name = name };
            if (evidence != CodeEvidence.None)
            {
                var detail = string.Join("; ", new[] { structureDetail, nameDetail }.Where(d => d.Length > 0));
                repairs.Add(new CodeRepair(tableId, row.Page, printed, row.NamePrinted, code, name, evidence, detail));
            }
            Validate(tableId, repaired, walker, warnings);
            return repaired;
        }

        // The printed code is cut short: look for the one full code that extends it under this name.
        var length = TargetLength(code, system);
        foreach (var (evidence, candidates) in Sources(code, length, document))
        {
            var matches = MatchByName(candidates, row.Name);
            if (matches.Count == 1)
            {
                var (full, fullName) = matches[0];
                var detail = $"{Describe(evidence)} {(evidence == CodeEvidence.Catalog ? "lists" : "prints")} {full} {fullName}{SourcesOf(evidence, full)}; this row prints {code} {row.NamePrinted}";
                repairs.Add(new CodeRepair(tableId, row.Page, printed, row.NamePrinted, full, fullName, evidence, detail));
                var repaired = row with { Code = full, CodeLevel = CodeLevels.LevelOf(full, system), CodeRepair = evidence, Name = fullName };
                Validate(tableId, repaired, walker, warnings);
                return repaired;
            }
            if (matches.Count > 1)
            {
                var list = string.Join(", ", matches.Select(m => $"{m.Code} {m.Name}"));
                repairs.Add(new CodeRepair(tableId, row.Page, printed, row.NamePrinted, code, row.Name, CodeEvidence.Unresolved,
                    $"{Describe(evidence)} has more than one candidate: {list}"));
                return Unresolved(row with { CodePrinted = printed }, system, code);
            }
        }
        repairs.Add(new CodeRepair(tableId, row.Page, printed, row.NamePrinted, code, row.Name, CodeEvidence.Unresolved,
            $"no table of the document, no catalog entry{(_batch is null ? "" : " and no other document of the batch")} gives a {length}-digit code beginning {code} for this name"));
        return Unresolved(row, system, code);
    }

    private IEnumerable<(string Evidence, IReadOnlyList<(string Code, IReadOnlyCollection<string> Names)> Candidates)> Sources(string prefix, int length, CodeBook document)
    {
        yield return (CodeEvidence.Document, document.Extending(prefix, length).ToList());
        yield return (CodeEvidence.Catalog, _catalog.Extending(prefix, length).Select(e => (e.Code, (IReadOnlyCollection<string>)e.Names)).ToList());
        if (_batch is not null) yield return (CodeEvidence.Batch, _batch.Extending(prefix, length).ToList());
    }

    /// <summary>
    /// Candidates whose name is the row's name; failing that, whose name begins with the row's
    /// (cut) name. A candidate list with one entry but another name is no evidence.
    /// </summary>
    internal static List<(string Code, string Name)> MatchByName(IReadOnlyList<(string Code, IReadOnlyCollection<string> Names)> candidates, string name)
    {
        if (name.Length == 0) return [];
        var key = Key(name);
        var exact = candidates.Where(c => c.Names.Any(n => Key(n) == key)).Select(c => (c.Code, name)).Distinct().ToList();
        if (exact.Count > 0) return exact;
        if (key.Length < 2) return [];
        return candidates
            .SelectMany(c => c.Names.Where(n => Key(n).Length > key.Length && Key(n).StartsWith(key, StringComparison.Ordinal)).Take(1).Select(n => (c.Code, n)))
            .DistinctBy(c => c.Code)
            .ToList();
    }

    /// <summary>A name cut short by its cell ("…缴") takes the full name printed elsewhere or catalogued for the same code.</summary>
    private (string Name, string? Evidence, string Detail) RepairName(string code, string name, CodeBook document)
    {
        var key = Key(name);
        if (key.Length < 2) return (name, null, string.Empty);
        bool Extends(string n) => Key(n).Length > key.Length && Key(n).StartsWith(key, StringComparison.Ordinal);
        var fromDocument = document.NamesOf(code).Where(Extends).Distinct().ToList();
        if (fromDocument.Count == 1) return (fromDocument[0], CodeEvidence.Document, $"the document prints the name of {code} in full: {fromDocument[0]}");
        var entry = _catalog.Find(code);
        if (entry is null || entry.Names.Any(n => Key(n) == key)) return (name, null, string.Empty);
        var fromCatalog = entry.Names.Where(Extends).Distinct().ToList();
        return fromCatalog.Count == 1
            ? (fromCatalog[0], CodeEvidence.Catalog, $"the catalog names {code} {fromCatalog[0]} (sources {entry.Sources})")
            : (name, null, string.Empty);
    }

    private void Validate(string tableId, TableRow row, HierarchyWalker walker, List<string> warnings)
    {
        var parent = walker.ParentOf(row.Code);
        if (parent is not null && !row.Code.StartsWith(parent, StringComparison.Ordinal))
        {
            warnings.Add($"{tableId} page {row.Page}: code {row.Code} ({row.Name}) does not begin with the code of the row above it at the next level up ({parent}).");
        }
        var entry = _catalog.Find(row.Code);
        var key = Key(row.Name);
        if (entry is not null && key.Length > 0 && !entry.Names.Any(n => Key(n).StartsWith(key, StringComparison.Ordinal) || key.StartsWith(Key(n), StringComparison.Ordinal)))
        {
            warnings.Add($"{tableId} page {row.Page}: the catalog names {row.Code} '{entry.Name}', the document '{row.Name}'.");
        }
    }

    /// <summary>Names compare as match keys: （境） and (境) are one name.</summary>
    private static string Key(string name) => Pdf.TextNormalizer.MatchKey(name);

    private static int TargetLength(string code, CodeSystem system) => code.Length < 5 ? 5 : 7;

    private static TableRow Unresolved(TableRow row, CodeSystem system, string? code = null)
    {
        var value = code ?? row.CodePrinted;
        return row with { Code = value, CodeLevel = CodeLevels.LevelOf(value, system), CodeRepair = CodeEvidence.Unresolved };
    }

    private string SourcesOf(string evidence, string code) =>
        evidence == CodeEvidence.Catalog && _catalog.Find(code) is { } entry ? $" (seen in {entry.Sources})" : string.Empty;

    private static string Describe(string evidence) => evidence switch
    {
        CodeEvidence.Document => "another table of the document",
        CodeEvidence.Catalog => "the catalog",
        CodeEvidence.Batch => "another document of the batch",
        _ => evidence,
    };
}
