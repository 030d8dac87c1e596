using Extractor.Arithmetic;
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

    public IReadOnlyList<CheckResult> Run(DocumentResult document) => Review(document).Checks;

    /// <summary>The document's checks, and every statement its narrative makes with what became of it (the coverage).</summary>
    public ConsistencyReport Review(DocumentResult document)
    {
        // The templates of the document's kind: GK01–GK09 for final accounts, YS01… for budgets.
        var kind = document.Metadata.Kind;
        var templates = _catalog.Templates.Where(t => t.Kind == kind).ToList();
        // A final account without any table still gets its checks, reported skipped; another kind of
        // document without tables has nothing to check.
        if (kind != "final" && !document.TemplateTables.Any()) return new ConsistencyReport([], []);

        var tables = new DocumentTables(document, _catalog);
        var list = new CheckList();

        foreach (var template in templates)
        {
            var id = template.Id;
            var table = tables[id];
            if (table is null && template.Optional) continue;
            if (table is null)
            {
                foreach (var family in WithinFamilies(_catalog.Find(id)))
                {
                    list.Add(CheckList.Skipped($"{id}.{family}", [id], tables.MissingMessage([id])));
                }
                continue;
            }
            foreach (var (family, run) in TableArithmetic.Families)
            {
                Guarded(list, $"{id}.{family}", [id], () => run(table).ToList());
            }
        }

        var narrative = NarrativeText.Read(document.Text);
        if (kind == "final")
        {
            Guarded(list, "cross", [], () => CrossTableChecks.Run(tables));
            Guarded(list, "narrative.none", ["GK07", "GK08"], () => EmptyTableStatements.Run(tables, narrative).ToList());
        }
        else
        {
            Guarded(list, "cross", [], () => BudgetCrossTableChecks.Run(tables));
        }
        // Narrative statements are checked against the tables they name (GK for final accounts, YS for budgets), and
        // against their own arithmetic (shares, changes, completion rates); the ledger keeps every statement found.
        var ledger = new NarrativeLedger(narrative, document.Metadata.Department, kind == "budget");
        Guarded(list, "narrative", [], () => NarrativeChecks.Run(tables, ledger, document.Metadata.Department));
        Guarded(list, "narrative.comparison", [], () => NarrativeComparisonChecks.Run(narrative, ledger));
        Guarded(list, "narrative.items", [], () => NarrativeItemLists.Run(tables, ledger));
        Guarded(list, "attachment", [], () => AttachmentChecks.Run(tables, document.Tables.Where(t => t.Source.Template is null), ledger));
        IReadOnlyList<NarrativeStatement> statements;
        try
        {
            statements = ledger.Statements(list.FinalId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            list.Add(CheckList.Skipped("narrative.coverage.error", [], $"The narrative's statements could not be listed: {e.GetType().Name}: {e.Message} (a bug of the checker; please report the file)."));
            statements = [];
        }
        return new ConsistencyReport(list.Items.Select(c => DoubtfulReading(c, tables)).ToList(), statements);
    }

    /// <summary>
    /// A check that compares a table whose reading is doubtful with another table or with the narrative says nothing
    /// about the document: a difference there is more likely the reader's than the publisher's. It is reported
    /// skipped, with the doubt and what the comparison gave, instead of failing the document.
    /// </summary>
    private static CheckResult DoubtfulReading(CheckResult check, DocumentTables tables)
    {
        if (check.Status is not (CheckStatus.Fail or CheckStatus.Warn)) return check;
        var across = check.Tables.Count > 1 || check.Id.StartsWith("narrative", StringComparison.Ordinal);
        if (!across) return check;
        var doubtful = check.Tables.Select(id => tables[id]).OfType<TableView>().FirstOrDefault(t => t.Table.Reading?.Doubt is not null);
        if (doubtful is null) return check;
        return check with
        {
            Status = CheckStatus.Skipped,
            Message = $"Not compared: the reading of {doubtful.Id} is doubtful ({doubtful.Table.Reading!.Doubt}). The comparison gave: {check.Message}",
        };
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

/// <summary>A document's checks and its narrative's statements (each found statement with what became of it).</summary>
public sealed record ConsistencyReport(IReadOnlyList<CheckResult> Checks, IReadOnlyList<NarrativeStatement> Statements)
{
    public NarrativeCoverage Coverage => NarrativeCoverage.Of(Statements);
}
