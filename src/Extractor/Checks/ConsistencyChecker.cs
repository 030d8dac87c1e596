using Extractor.Templates;

namespace Extractor.Checks;

/// <summary>
/// Runs the consistency checks of a document: identities within tables, across tables, and
/// against the amounts the narrative states. Every check has a stable id; a check whose table is
/// absent is reported <c>skipped</c> with the table it needed.
/// </summary>
public sealed class ConsistencyChecker
{
    public static ConsistencyChecker Instance { get; } = new(TemplateCatalog.Default);

    private readonly TemplateCatalog _catalog;

    public ConsistencyChecker(TemplateCatalog catalog)
    {
        _catalog = catalog;
    }

    public IReadOnlyList<CheckResult> Run(DocumentResult document)
    {
        // The checks know the final-accounts templates (GK01–GK09); other kinds have none to check yet.
        var expected = _catalog.Templates.Where(t => t.Kind == "final").Select(t => t.Id).ToList();
        if (document.Metadata.Kind != "final" && !document.TemplateTables.Any(t => expected.Contains(t.Id))) return [];

        var tables = new DocumentTables(document, _catalog);
        var list = new CheckList();

        foreach (var id in expected)
        {
            var table = tables[id];
            if (table is null)
            {
                foreach (var family in WithinFamilies(_catalog.Find(id)))
                {
                    list.Add(CheckList.Skipped($"{id}.{family}", [id], tables.MissingMessage([id])));
                }
                continue;
            }
            Guarded(list, $"{id}.rows", [id], () => RowIdentityChecks.Run(table).ToList());
            Guarded(list, $"{id}.hierarchy", [id], () => HierarchyChecks.Run(table).ToList());
            Guarded(list, $"{id}.summary", [id], () => SummaryTableChecks.Run(table).ToList());
        }

        Guarded(list, "cross", [], () => CrossTableChecks.Run(tables));

        var narrative = NarrativeText.Read(document.Text);
        Guarded(list, "narrative.none", ["GK07", "GK08"], () => EmptyTableStatements.Run(tables, narrative).ToList());
        Guarded(list, "narrative", [], () => NarrativeChecks.Run(tables, narrative, document.Metadata.Department));
        return list.Items;
    }

    /// <summary>
    /// Runs one family of checks. A bug of ours in a family must not cost the document its conversion: it is reported
    /// as a skipped check naming the family, and the other families still run.
    /// </summary>
    private static void Guarded(CheckList list, string family, IReadOnlyList<string> tables, Func<IReadOnlyList<CheckResult>> run)
    {
        IReadOnlyList<CheckResult> results;
        try
        {
            results = run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            list.Add(CheckList.Skipped($"{family}.error", tables, $"These checks could not run: {e.GetType().Name}: {e.Message} (a bug of the checker; please report the file)."));
            return;
        }
        list.AddRange(results);
    }

    /// <summary>The within-table check families a template defines, for reporting them skipped when the table is absent.</summary>
    private static IEnumerable<string> WithinFamilies(TableTemplate? template)
    {
        if (template is null) yield break;
        foreach (var identity in (template.RowIdentities ?? []).Select(i => i.Id).Distinct()) yield return identity;
        if (template.Codes is not null) yield return "hierarchy";
        foreach (var section in template.Summary ?? []) yield return $"{section.Key}.total";
    }
}
