using System.Reflection;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;
using Extractor.Templates;

namespace Extractor.Codes;

/// <summary>One code of a classification, with every name it was seen under and where.</summary>
public sealed record CatalogEntry(string Code, IReadOnlyList<string> Names, CodeSystem System, string Sources)
{
    public string Name => Names[0];
}

/// <summary>
/// Code lists of the classifications: the observed lists embedded in the library (Codes/Data,
/// see its SOURCES.md) plus any catalog a user adds. Incomplete by design: a code that is not
/// here is unknown, not invalid.
/// </summary>
public sealed class ClassificationCatalog
{
    public static ClassificationCatalog Embedded { get; } = LoadEmbedded();

    private readonly Dictionary<string, CatalogEntry> _byCode;

    public ClassificationCatalog(IEnumerable<CatalogEntry> entries)
    {
        _byCode = new Dictionary<string, CatalogEntry>();
        foreach (var entry in entries)
        {
            _byCode[entry.Code] = _byCode.TryGetValue(entry.Code, out var known)
                ? known with { Names = known.Names.Concat(entry.Names).Distinct().ToList(), Sources = known.Sources + ";" + entry.Sources }
                : entry;
        }
    }

    public IReadOnlyCollection<CatalogEntry> Entries => _byCode.Values;

    public CatalogEntry? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Codes of the given length that begin with <paramref name="prefix"/>.</summary>
    public IEnumerable<CatalogEntry> Extending(string prefix, int length) =>
        _byCode.Values.Where(e => e.Code.Length == length && e.Code.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>A catalog with a user's codes added (theirs win where both name a code).</summary>
    public ClassificationCatalog With(IEnumerable<CatalogEntry> more) => new(more.Concat(_byCode.Values));

    /// <summary>
    /// Reads a catalog CSV: a header with at least <c>code</c> and <c>name</c>; optional
    /// <c>sources</c> and <c>conflict_note</c> (other names as <c>other name(s) seen: NAME@SRC; …</c>).
    /// The classification is told by the code: 2… function, 3… and 5… economic.
    /// </summary>
    public static IReadOnlyList<CatalogEntry> ReadCsv(TextReader reader, string defaultSource)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant() });
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord ?? [];
        if (!headers.Contains("code") || !headers.Contains("name"))
        {
            throw new FormatException("a catalog CSV needs a header with the columns code and name");
        }
        var entries = new List<CatalogEntry>();
        while (csv.Read())
        {
            var code = (csv.GetField("code") ?? string.Empty).Trim();
            var name = Rows.NameCleaner.Clean(csv.GetField("name") ?? string.Empty);
            if (code.Length == 0 || !code.All(char.IsAsciiDigit) || name.Length == 0) continue;
            var names = new List<string> { name };
            if (headers.Contains("conflict_note") && csv.GetField("conflict_note") is { Length: > 0 } note && note.StartsWith("other name(s) seen:", StringComparison.Ordinal))
            {
                foreach (var part in note["other name(s) seen:".Length..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var other = part.Split('@')[0].Trim();
                    if (other.Length > 0) names.Add(Rows.NameCleaner.Clean(other));
                }
            }
            var sources = headers.Contains("sources") ? csv.GetField("sources") ?? defaultSource : defaultSource;
            entries.Add(new CatalogEntry(code, names, SystemOfCode(code), sources));
        }
        return entries;
    }

    public static CodeSystem SystemOfCode(string code) => code.StartsWith('2') ? CodeSystem.Function : CodeSystem.Economic;

    private static ClassificationCatalog LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var entries = new List<CatalogEntry>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Extractor.Codes.", StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            entries.AddRange(ReadCsv(reader, name));
        }
        return new ClassificationCatalog(entries);
    }
}
