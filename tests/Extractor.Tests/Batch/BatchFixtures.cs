using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using Extractor.Tests.Fixtures;

namespace Extractor.Tests.Batch;

/// <summary>Inputs and comparisons shared by the batch tests.</summary>
internal static class BatchFixtures
{
    public static string SeedCalc => Path.Combine(TestPaths.Fixtures, "seed-calc", "seed-calc.pdf");

    public static string SeedHtml => Path.Combine(TestPaths.Fixtures, "seed-html", "seed-html.pdf");

    public static string Encrypted => Path.Combine(TestPaths.RepositoryRoot, "tests", "Extractor.Tests", "Inputs", "encrypted-seed.pdf");

    /// <summary>A page that is only an image, as a scan is (made by Inputs/make-inputs.sh).</summary>
    public static string ImageOnly => Path.Combine(TestPaths.RepositoryRoot, "tests", "Extractor.Tests", "Inputs", "image-only-seed.pdf");

    /// <summary><paramref name="count"/> good inputs with distinct names (and so distinct doc_ids): copies of the two seed fixtures.</summary>
    public static IReadOnlyList<string> GoodCopies(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        return Enumerable.Range(0, count).Select(i =>
        {
            var path = Path.Combine(directory, $"doc{i:00}.pdf");
            File.Copy(i % 2 == 0 ? SeedCalc : SeedHtml, path);
            return path;
        }).ToList();
    }

    /// <summary>Every file under <paramref name="root"/> by relative path, with its SHA-256.</summary>
    public static SortedDictionary<string, string> Tree(string root, Func<string, bool>? include = null)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (include is not null && !include(relative)) continue;
            tree[relative] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return tree;
    }

    /// <summary>The document output only, without the run state (.extractor/: ledger, download cache).</summary>
    public static SortedDictionary<string, string> Output(string root) => Tree(root, p => !p.StartsWith(".extractor/", StringComparison.Ordinal));

    /// <summary>Files a killed or interrupted run could leave half-written: temporary files and folders, download parts.</summary>
    public static IReadOnlyList<string> Leftovers(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".tmp", StringComparison.Ordinal) || p.EndsWith(".old", StringComparison.Ordinal) || p.EndsWith(".part", StringComparison.Ordinal))
            .ToList();

    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.Select((h, i) => (h, v: csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.v));
        return rows;
    }

    /// <summary>A facts.csv's facts as (table, section, line_no, code_printed, name_printed, column, value), to compare with the hand-checked ones.</summary>
    public static ISet<string> FactKeys(IEnumerable<Dictionary<string, string>> facts) =>
        facts.Select(f => string.Join("|", f["table"], f["section"], f["line_no"], f["code_printed"], f["name_printed"], f["column"], f["value"])).ToHashSet();

    public static ISet<string> ExpectedSeedFacts() =>
        ExpectedFact.Load(Path.Combine(TestPaths.Fixtures, "expected", "seed-facts.csv"))
            .Select(f => string.Join("|", f.Table, f.Section, f.LineNo, f.CodePrinted, f.NamePrinted, f.Column, f.Value.ToString(CultureInfo.InvariantCulture)))
            .ToHashSet();
}
