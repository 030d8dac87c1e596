using System.Security.Cryptography;
using System.Text;
using Extractor.Codes;

namespace Extractor.Batch;

/// <summary>
/// The batch evidence for code repair: per fiscal year, every code some document of the batch
/// prints in full, with its names. A set union, kept sorted, so the books and every repair made
/// from them are the same whatever the order in which documents finish or the number of workers.
/// </summary>
internal sealed class BatchCodeBooks
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _years = new(StringComparer.Ordinal);

    /// <summary>The codes a document prints in full (not repaired), as <c>[code, name]</c> pairs in a stable order.</summary>
    public static IReadOnlyList<string[]> CodesOf(DocumentResult document) =>
        document.TemplateTables.SelectMany(t => t.Rows)
            .Where(r => r.CodeRepair == CodeEvidence.None && r.Code.Length > 3 && r.Name.Length > 0)
            .Select(r => (r.Code, r.Name))
            .Distinct()
            .OrderBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new[] { c.Code, c.Name })
            .ToList();

    public void Add(string year, IEnumerable<string[]> codes)
    {
        lock (_gate)
        {
            if (!_years.TryGetValue(year, out var book)) _years[year] = book = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var pair in codes)
            {
                if (pair.Length != 2) continue;
                if (!book.TryGetValue(pair[0], out var names)) book[pair[0]] = names = new SortedSet<string>(StringComparer.Ordinal);
                names.Add(pair[1]);
            }
        }
    }

    /// <summary>
    /// The year's book (codes and names inserted in ordinal order), its fingerprint, and its <c>[code, name]</c> pairs in that
    /// order (what a worker process builds the same book from); null when no document of the year prints a code.
    /// </summary>
    public (CodeBook Book, string Fingerprint, IReadOnlyList<string[]> Codes)? For(string year)
    {
        lock (_gate)
        {
            if (!_years.TryGetValue(year, out var codes) || codes.Count == 0) return null;
            var book = new CodeBook();
            var pairs = new List<string[]>();
            var text = new StringBuilder();
            foreach (var (code, names) in codes)
            {
                foreach (var name in names)
                {
                    book.Add(code, name);
                    pairs.Add([code, name]);
                    text.Append(code).Append('\t').Append(name).Append('\n');
                }
            }
            return (book, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), pairs);
        }
    }
}
