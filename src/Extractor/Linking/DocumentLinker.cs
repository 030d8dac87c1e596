namespace Extractor.Linking;

/// <summary>
/// Pairs the documents of a harvest: a key's budget and final of one year, its documents a year apart, a department's
/// document and its units' of the same year and kind, and the same disclosure twice; then the near misses a user may
/// settle with a mapping (years that do not meet, a unit whose department is not in the batch, a document without a
/// printed name, names alike, one key printed under two higher divisions). Everything is found through indexes by key,
/// by (department, year, kind) and by character pairs of the keys, never by comparing all documents with all: the work
/// grows with the number of documents (and with the size of the largest group of one key).
/// </summary>
public static class DocumentLinker
{
    /// <summary>The links and the groups of documents that share a key or a department, each group linked on its own.</summary>
    public sealed record Result(IReadOnlyList<DocumentLink> Links, IReadOnlyList<IReadOnlyList<LinkDocument>> Groups);

    /// <summary>Similar names: the share of character pairs two keys have in common (Dice) from which they are listed.</summary>
    public const double SimilarNameThreshold = 0.75;

    /// <summary>A character pair found in more keys than this says nothing about which keys are alike (局, 管理) and is not indexed.</summary>
    private const int CommonPairLimit = 64;

    public static Result Link(IReadOnlyList<LinkDocument> documents)
    {
        var links = new List<DocumentLink>();
        var byKey = documents.Where(d => d.Key.Length > 0).GroupBy(d => d.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in byKey) LinkKey(group.ToList(), links);
        LinkUnits(documents, links);
        NamelessDocuments(documents, links);
        SimilarNames(byKey.Select(g => g.ToList()).ToList(), links);
        return new Result(Order(links), Groups(documents));
    }

    private static void LinkKey(List<LinkDocument> docs, List<DocumentLink> links)
    {
        var paired = new HashSet<LinkDocument>(ReferenceEqualityComparer.Instance);

        foreach (var same in docs.GroupBy(d => (d.Year, d.Kind, d.Scope)).Where(g => g.Count() > 1))
        {
            var first = same.OrderBy(d => d.Order).First();
            foreach (var other in same.OrderBy(d => d.Order).Skip(1))
            {
                links.Add(new DocumentLink(LinkRelation.Duplicate, true, first, other,
                    $"same key, year, kind and scope ({first.EntityKind} {first.YearText}): the same disclosure twice, or a re-issue"));
            }
        }

        foreach (var year in docs.Where(d => d.Year is not null).GroupBy(d => d.Year))
        {
            var budgets = year.Where(d => d.IsBudget).ToList();
            foreach (var final in year.Where(d => d.IsFinal))
            {
                var sameScope = budgets.Where(b => b.Scope == final.Scope).ToList();
                foreach (var budget in sameScope.Count > 0 ? sameScope : budgets)
                {
                    links.Add(new DocumentLink(LinkRelation.BudgetFinal, true, final, budget,
                        budget.Scope == final.Scope
                            ? $"same key and year {final.YearText}: {budget.EntityKind} and {final.EntityKind}"
                            : $"same key and year {final.YearText}: {budget.EntityKind} and {final.EntityKind} (no {final.Scope} budget in the batch)"));
                    paired.Add(final);
                    paired.Add(budget);
                }
            }
        }

        var byYearKind = docs.Where(d => d.Year is not null).ToLookup(d => (d.Year, d.Kind));
        foreach (var doc in docs.Where(d => d.Year is not null))
        {
            var earlier = byYearKind[(doc.Year - 1, doc.Kind)].ToList();
            var sameScope = earlier.Where(e => e.Scope == doc.Scope).ToList();
            foreach (var previous in sameScope.Count > 0 ? sameScope : earlier)
            {
                links.Add(new DocumentLink(LinkRelation.PreviousYear, true, doc, previous,
                    $"same key, consecutive years {previous.YearText} and {doc.YearText}: {previous.EntityKind} and {doc.EntityKind}"));
                paired.Add(doc);
                paired.Add(previous);
            }
        }

        // Years that do not meet: the nearest other year of the same key, once per pair.
        var listed = new HashSet<(LinkDocument, LinkDocument)>();
        foreach (var doc in docs.Where(d => !paired.Contains(d) && d.Year is not null).OrderBy(d => d.Order))
        {
            var nearest = docs.Where(o => o.Year is not null && o.Year != doc.Year && !ReferenceEquals(o, doc))
                .OrderBy(o => Math.Abs(o.Year!.Value - doc.Year!.Value)).ThenBy(o => o.Year).ThenBy(o => o.Order).FirstOrDefault();
            if (nearest is null || listed.Contains((nearest, doc))) continue;
            listed.Add((doc, nearest));
            links.Add(new DocumentLink(LinkRelation.YearGap, false, doc, nearest,
                $"same key; {doc.EntityKind} {doc.YearText} and {nearest.EntityKind} {nearest.YearText}: no budget and final of one year, no years in a row"));
        }

        // One key, two higher divisions: perhaps two bodies of the same name in different places.
        var higher = docs.Where(d => d.Entity.Higher.Length > 0).GroupBy(d => d.Entity.Higher, StringComparer.Ordinal).Select(g => g.OrderBy(d => d.Order).First()).OrderBy(d => d.Order).ToList();
        for (var i = 1; i < higher.Count; i++)
        {
            links.Add(new DocumentLink(LinkRelation.AmbiguousKey, false, higher[0], higher[i],
                $"the key {higher[0].Key} is printed under {higher[0].Entity.Higher} and under {higher[i].Entity.Higher}: if these are two bodies, give one of them its own key in --entities"));
        }
    }

    private static void LinkUnits(IReadOnlyList<LinkDocument> documents, List<DocumentLink> links)
    {
        var units = documents.Where(d => d.Scope == EntityScope.Unit && d.Entity.Department.Length > 0)
            .ToLookup(d => (d.Entity.Department, d.Year, d.Kind));
        var linked = new HashSet<LinkDocument>(ReferenceEqualityComparer.Instance);
        foreach (var department in documents.Where(d => d.Scope == EntityScope.Department && d.Key.Length > 0).OrderBy(d => d.Order))
        {
            foreach (var unit in units[(department.Key, department.Year, department.Kind)].OrderBy(u => u.Order))
            {
                var why = unit.Key == department.Key
                    ? $"{unit.EntityKind} under the department's own name (its 本级 unit), {department.EntityKind} {department.YearText}"
                    : $"{unit.EntityKind} of {unit.Key}, which {(unit.Entity.Mapped ? "the mapping puts" : "is")} under {department.Key}; {department.EntityKind} {department.YearText}";
                links.Add(new DocumentLink(LinkRelation.DepartmentUnit, true, department, unit, why));
                linked.Add(unit);
            }
        }
        var byKey = documents.Where(d => d.Key.Length > 0).ToLookup(d => d.Key, StringComparer.Ordinal);
        foreach (var unit in documents.Where(d => d.Scope == EntityScope.Unit && d.Entity.Department.Length > 0 && !linked.Contains(d)).OrderBy(d => d.Order))
        {
            var nearest = byKey[unit.Entity.Department].Where(o => !ReferenceEquals(o, unit))
                .OrderBy(o => o.Year == unit.Year ? 0 : 1).ThenBy(o => Math.Abs((o.Year ?? 0) - (unit.Year ?? 0))).ThenBy(o => o.Order).FirstOrDefault();
            links.Add(new DocumentLink(LinkRelation.UnitWithoutDepartment, false, unit, nearest,
                $"a {unit.EntityKind} of department {unit.Entity.Department}; no {EntityScope.Department}{(unit.IsBudget ? "预算" : "决算")} of {unit.Entity.Department} for {unit.YearText} in the batch"
                + (nearest is null ? "" : $" (nearest document of {unit.Entity.Department}: {nearest.EntityKind} {nearest.YearText})")
                + (unit.Key == unit.Entity.Department && !unit.Entity.Mapped ? $"; if this unit belongs to another department, map it with a department column in --entities" : "")));
        }
    }

    /// <summary>
    /// A document that prints no department (a tables-only file whose narrative is published apart): the document whose
    /// doc_id shares the longest beginning with it, among its neighbours in doc_id order, is named, if they share ten
    /// characters.
    /// </summary>
    private static void NamelessDocuments(IReadOnlyList<LinkDocument> documents, List<DocumentLink> links)
    {
        var sorted = documents.OrderBy(d => d.DocId, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var doc = sorted[i];
            if (doc.Key.Length > 0) continue;
            LinkDocument? best = null;
            var bestLength = 9;
            foreach (var j in new[] { i - 1, i + 1 })
            {
                if (j < 0 || j >= sorted.Count) continue;
                var length = CommonPrefix(doc.DocId, sorted[j].DocId);
                if (length > bestLength && (doc.Year is null || sorted[j].Year is null || doc.Year == sorted[j].Year))
                {
                    best = sorted[j];
                    bestLength = length;
                }
            }
            links.Add(new DocumentLink(LinkRelation.NoDepartmentName, false, doc, best,
                "no department name was read from the document" + (best is null ? "" : $"; its file name is close to {best.DocId}'s")
                + ": give it a key in --entities by its doc_id" + (best is null ? "" : ", or convert the two files as one with 'extractor join'")));
        }
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    /// <summary>Keys alike (Dice coefficient of their character pairs at least <see cref="SimilarNameThreshold"/>), through an index of character pairs.</summary>
    private static void SimilarNames(List<List<LinkDocument>> byKey, List<DocumentLink> links)
    {
        var keys = byKey.Select(g => g[0].Key).ToList();
        var pairs = keys.Select(Bigrams).ToList();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < keys.Count; k++)
        {
            foreach (var p in pairs[k])
            {
                if (!postings.TryGetValue(p, out var list)) postings[p] = list = [];
                list.Add(k);
            }
        }
        for (var k = 0; k < keys.Count; k++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var p in pairs[k])
            {
                var list = postings[p];
                if (list.Count > CommonPairLimit) continue;
                foreach (var other in list)
                {
                    if (other > k) shared[other] = shared.GetValueOrDefault(other) + 1;
                }
            }
            foreach (var (other, count) in shared.OrderBy(kv => kv.Key))
            {
                var dice = 2.0 * count / (pairs[k].Count + pairs[other].Count);
                if (dice < SimilarNameThreshold) continue;
                var a = byKey[k];
                var b = byKey[other];
                if (a.Any(d => d.Entity.Department == keys[other]) || b.Any(d => d.Entity.Department == keys[k])) continue;
                var (docA, docB) = Closest(a, b);
                links.Add(new DocumentLink(LinkRelation.SimilarName, false, docA, docB,
                    $"the keys {keys[k]} and {keys[other]} are alike: if they are one body, or one belongs to the other, say so in --entities"));
            }
        }
    }

    private static (LinkDocument, LinkDocument) Closest(List<LinkDocument> a, List<LinkDocument> b)
    {
        var best = (a[0], b[0]);
        var bestGap = int.MaxValue;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var gap = x.Year is { } xy && y.Year is { } yy ? Math.Abs(xy - yy) : 1000;
                if (gap < bestGap) (best, bestGap) = ((x, y), gap);
            }
        }
        return best;
    }

    private static HashSet<string> Bigrams(string key)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < key.Length; i++) set.Add(key.Substring(i, 2));
        if (key.Length == 1) set.Add(key);
        return set;
    }

    /// <summary>Documents of one key, and units with the documents of their department, in one group; groups in input order.</summary>
    private static IReadOnlyList<IReadOnlyList<LinkDocument>> Groups(IReadOnlyList<LinkDocument> documents)
    {
        var parent = Enumerable.Range(0, documents.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
        var firstOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].Key.Length == 0) continue;
            if (firstOfKey.TryGetValue(documents[i].Key, out var first)) Union(first, i);
            else firstOfKey[documents[i].Key] = i;
        }
        for (var i = 0; i < documents.Count; i++)
        {
            var department = documents[i].Entity.Department;
            if (department.Length > 0 && firstOfKey.TryGetValue(department, out var d)) Union(d, i);
        }
        return Enumerable.Range(0, documents.Count).GroupBy(Find)
            .Select(g => (IReadOnlyList<LinkDocument>)g.Select(i => documents[i]).OrderBy(d => d.Order).ToList())
            .OrderBy(g => g[0].Order).ToList();
    }

    private static readonly string[] RelationOrder =
    [
        LinkRelation.BudgetFinal, LinkRelation.PreviousYear, LinkRelation.DepartmentUnit, LinkRelation.Duplicate,
        LinkRelation.YearGap, LinkRelation.UnitWithoutDepartment, LinkRelation.SimilarName, LinkRelation.AmbiguousKey,
        LinkRelation.NoDepartmentName,
    ];

    private static IReadOnlyList<DocumentLink> Order(List<DocumentLink> links) => links
        .OrderBy(l => l.Linked ? 0 : 1)
        .ThenBy(l => Array.IndexOf(RelationOrder, l.Relation))
        .ThenBy(l => l.Document.Key, StringComparer.Ordinal)
        .ThenBy(l => l.Document.Year ?? 0)
        .ThenBy(l => l.Document.DocId, StringComparer.Ordinal)
        .ThenBy(l => l.Other?.DocId ?? string.Empty, StringComparer.Ordinal)
        .ToList();
}
