using Extractor;
using Extractor.Codes;
using Extractor.Templates;
using Extractor.Pdf;
using Extractor.Tables;
using static Extractor.Cli.CommandLine;

using Extractor.Arithmetic;

namespace Extractor.Cli;

/// <summary><c>extractor codes</c>: look codes and names up in the classification catalogs.</summary>
internal static class CodesCommand
{
    internal static bool TryLoadCatalog(IReadOnlyList<string> files, TextWriter stderr, out ClassificationCatalog catalog)
    {
        catalog = ClassificationCatalog.Embedded;
        foreach (var file in files)
        {
            try
            {
                using var reader = new StreamReader(file);
                catalog = catalog.With(ClassificationCatalog.ReadCsv(reader, Path.GetFileName(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or CsvHelper.CsvHelperException)
            {
                Fail(stderr, $"cannot read the catalog {file}: {e.Message}");
                return false;
            }
        }
        return true;
    }

    /// <summary><c>extractor codes QUERY…</c>: every catalog entry whose code begins with, or whose name contains, a query.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var queries = new List<string>();
        var catalogs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--catalog")
            {
                if (++i >= args.Length) return Fail(stderr, "--catalog needs a CSV file.");
                catalogs.Add(args[i]);
            }
            else
            {
                queries.Add(args[i]);
            }
        }
        if (queries.Count == 0) return Fail(stderr, "codes needs a code or a name to look up.");
        if (!TryLoadCatalog(catalogs, stderr, out var catalog)) return UsageError;
        var found = 0;
        foreach (var query in queries)
        {
            var key = TextNormalizer.MatchKey(query);
            var matches = catalog.Entries
                .Where(e => query.All(char.IsAsciiDigit)
                    ? e.Code.StartsWith(query, StringComparison.Ordinal)
                    : e.Names.Any(n => TextNormalizer.MatchKey(n).Contains(key, StringComparison.Ordinal)))
                .OrderBy(e => e.Code, StringComparer.Ordinal)
                .ToList();
            if (matches.Count == 0) stdout.WriteLine($"{query}: not in the catalogs (unknown is not invalid: the catalogs are observed lists)");
            foreach (var e in matches)
            {
                var level = CodeLevels.LevelOf(e.Code, e.System);
                var system = e.System == CodeSystem.Function ? "支出功能分类" : "支出经济分类";
                var others = e.Names.Count > 1 ? $" (also printed as {string.Join(", ", e.Names.Skip(1))})" : "";
                stdout.WriteLine($"{e.Code}\t{e.Name}\t{level}\t{system}\tseen in {e.Sources}{others}");
                found++;
            }
        }
        return found > 0 ? Success : SomeInputsFailed;
    }
}
