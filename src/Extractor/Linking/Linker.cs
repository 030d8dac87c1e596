using Extractor.Checks;
using Extractor.Output;

using Extractor.Arithmetic;

namespace Extractor.Linking;

/// <summary>
/// <c>extractor link</c>: links the documents of one or more output folders (a harvest, or the shards of one) and writes
/// links.csv, execution.csv, series.csv, link-checks.csv and links.md into the output directory.
/// The documents' metadata is read once; then each group of documents that share a key or a department is linked with its
/// facts read, and its lines written, before the next group is read: time grows with the number of documents, memory
/// with the largest group. Every file is written under a temporary name and renamed into place.
/// </summary>
public static class Linker
{
    /// <summary>What a run found.</summary>
    public sealed record Summary(int Documents, int Links, int NearMisses, int ExecutionRows, int SeriesRows, IReadOnlyList<LinkCheck> Checks)
    {
        public int Failed => Checks.Count(c => c.Status == CheckStatus.Fail);
    }

    /// <exception cref="InvalidOperationException">a folder is not an output folder.</exception>
    public static Summary Run(IReadOnlyList<string> roots, string outputDirectory, EntityMap? map = null)
    {
        var resolver = new EntityResolver(map);
        var documents = LinkFolderReader.ReadDocuments(roots, resolver);
        var linked = DocumentLinker.Link(documents);
        var declared = resolver.Map.DeclaredUnits();
        var checks = new List<LinkCheck>();
        var executionRows = 0;
        var seriesRows = 0;
        Directory.CreateDirectory(outputDirectory);

        AtomicFile.WriteText(Path.Combine(outputDirectory, LinkWriter.ExecutionFile), executionText =>
        AtomicFile.WriteText(Path.Combine(outputDirectory, LinkWriter.SeriesFile), seriesText =>
        {
            using var execution = LinkWriter.Open(executionText);
            using var series = LinkWriter.Open(seriesText);
            LinkWriter.WriteHeader(execution, ExecutionRow.Header);
            LinkWriter.WriteHeader(series, SeriesRow.Header);
            var linksOf = linked.Links.Where(l => l.Linked).ToLookup(l => l.Document.DocId, StringComparer.Ordinal);
            foreach (var group in linked.Groups)
            {
                var facts = group.ToDictionary(d => d.DocId, d => new DocumentFacts(d, LinkFolderReader.ReadFacts(d)), StringComparer.Ordinal);
                var result = LinkGroup(group, facts, linksOf, declared);
                foreach (var row in result.Series) LinkWriter.WriteSeries(series, row);
                foreach (var row in result.Execution) LinkWriter.WriteExecution(execution, row);
                checks.AddRange(result.Checks);
                executionRows += result.Execution.Count;
                seriesRows += result.Series.Count;
            }
            execution.Flush();
            series.Flush();
        }));

        AtomicFile.WriteText(Path.Combine(outputDirectory, LinkWriter.LinksFile), w =>
        {
            using var csv = LinkWriter.Open(w);
            LinkWriter.WriteHeader(csv, LinkWriter.LinksHeader);
            foreach (var link in linked.Links) LinkWriter.WriteLink(csv, link);
            csv.Flush();
        });
        AtomicFile.WriteText(Path.Combine(outputDirectory, LinkWriter.ChecksFile), w =>
        {
            using var csv = LinkWriter.Open(w);
            LinkWriter.WriteHeader(csv, LinkCheck.Header);
            foreach (var check in checks) LinkWriter.WriteCheck(csv, check);
            csv.Flush();
        });
        AtomicFile.WriteText(Path.Combine(outputDirectory, LinkWriter.ReportFile), w => LinkWriter.WriteReport(w, documents, linked.Links, checks, executionRows, seriesRows));
        return new Summary(documents.Count, linked.Links.Count(l => l.Linked), linked.Links.Count(l => !l.Linked), executionRows, seriesRows, checks);
    }

    /// <summary>One group's lines: series of every document, execution of every final, and the checks across its documents.</summary>
    public sealed record GroupResult(IReadOnlyList<SeriesRow> Series, IReadOnlyList<ExecutionRow> Execution, IReadOnlyList<LinkCheck> Checks);

    /// <summary>Links one group of documents, given their facts and the links that start at each (by doc_id). Free of I/O.</summary>
    public static GroupResult LinkGroup(IReadOnlyList<LinkDocument> group, IReadOnlyDictionary<string, DocumentFacts> facts,
        ILookup<string, DocumentLink> linksOf, IReadOnlyDictionary<string, IReadOnlySet<string>> declared)
    {
        var series = group.SelectMany(d => SeriesRow.Of(facts[d.DocId]))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Scope, StringComparer.Ordinal)
            .ThenBy(r => r.Table, StringComparer.Ordinal).ThenBy(r => r.Section, StringComparer.Ordinal).ThenBy(r => r.Column, StringComparer.Ordinal)
            .ThenBy(r => r.Code.Length == 0 ? "" : r.Code, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Year).ThenBy(r => r.DocId, StringComparer.Ordinal).ToList();
        var execution = new List<ExecutionRow>();
        var checks = new List<LinkCheck>();
        foreach (var doc in group)
        {
            var own = linksOf[doc.DocId].ToList();
            foreach (var link in own.Where(l => l.Relation == LinkRelation.BudgetFinal))
            {
                execution.AddRange(ExecutionCalculator.AgainstBudget(facts[doc.DocId], facts[link.Other!.DocId]));
            }
            if (doc.IsFinal) execution.AddRange(ExecutionCalculator.AgainstPrintedBudget(facts[doc.DocId]));

            var units = own.Where(l => l.Relation == LinkRelation.DepartmentUnit).Select(l => facts[l.Other!.DocId]).ToList();
            if (units.Count > 0) checks.AddRange(LinkChecks.UnitsSum(facts[doc.DocId], units, declared.GetValueOrDefault(doc.Key)));
            // Checked against each other only within one scope: a department's final against its 本级 unit's budget (the
            // only budget of the key in the batch) is linked and gets execution lines, but would "disagree" by the other units.
            foreach (var link in own.Where(l => l.Relation == LinkRelation.PreviousYear && l.Other!.Scope == doc.Scope))
            {
                checks.AddRange(LinkChecks.PriorYear(facts[doc.DocId], facts[link.Other!.DocId]));
            }
            foreach (var link in own.Where(l => l.Relation == LinkRelation.BudgetFinal && l.Other!.Scope == doc.Scope))
            {
                checks.AddRange(LinkChecks.FinalBudget(facts[doc.DocId], facts[link.Other!.DocId]));
            }
        }
        return new GroupResult(series, execution, checks);
    }
}
