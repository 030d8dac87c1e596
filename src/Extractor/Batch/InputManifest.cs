using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Extractor.Output;

namespace Extractor.Batch;

/// <summary>
/// A list of inputs in a file: <c>.txt</c> with one path or <c>http(s)</c> URL per line (blank
/// lines and lines starting with <c>#</c> are skipped), or <c>.csv</c> with a <c>source</c> column
/// whose other columns are carried into documents.csv. A relative path is relative to the
/// manifest's folder; a folder named in a manifest is searched for PDFs like a folder argument.
/// </summary>
public static class InputManifest
{
    public const string SourceColumn = "source";

    public static bool IsManifest(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The manifest's inputs in order.</summary>
    /// <exception cref="InputManifestException">the manifest cannot be read or has no <c>source</c> column.</exception>
    public static IReadOnlyList<BatchInput> Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, AtomicFile.Utf8, detectEncodingFromByteOrderMarks: true);
            return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? ReadCsv(reader, Path.GetDirectoryName(path) ?? "", path)
                : ReadText(reader, Path.GetDirectoryName(path) ?? "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelperException)
        {
            throw new InputManifestException($"cannot read the manifest {path}: {e.Message}", e);
        }
    }

    public static IReadOnlyList<BatchInput> ReadText(TextReader reader, string baseDirectory)
    {
        var items = new List<BatchInput>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var entry = line.Trim();
            if (entry.Length == 0 || entry.StartsWith('#')) continue;
            InputExpander.Add(Resolve(entry, baseDirectory), items, allowManifest: false);
        }
        return items;
    }

    public static IReadOnlyList<BatchInput> ReadCsv(TextReader reader, string baseDirectory, string name = "manifest")
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new InputManifestException($"the manifest {name} is empty; it needs a header row with a '{SourceColumn}' column.");
        }
        var header = csv.HeaderRecord.Select(h => h.Trim()).ToArray();
        var sourceIndex = Array.FindIndex(header, h => h.Equals(SourceColumn, StringComparison.OrdinalIgnoreCase));
        if (sourceIndex < 0)
        {
            throw new InputManifestException($"the manifest {name} has no '{SourceColumn}' column (its columns: {string.Join(", ", header)}).");
        }
        var items = new List<BatchInput>();
        while (csv.Read())
        {
            var source = (csv.GetField(sourceIndex) ?? "").Trim();
            if (source.Length == 0) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                if (i == sourceIndex || header[i].Length == 0) continue;
                fields[header[i]] = csv.TryGetField<string>(i, out var value) ? value ?? "" : "";
            }
            InputExpander.Add(Resolve(source, baseDirectory), items, allowManifest: false, fields);
        }
        return items;
    }

    private static string Resolve(string entry, string baseDirectory) =>
        BatchInput.IsUrlText(entry) || Path.IsPathRooted(entry) || baseDirectory.Length == 0 ? entry : Path.Combine(baseDirectory, entry);
}

/// <summary>A manifest that cannot be used (unreadable, no <c>source</c> column): a command-line error.</summary>
public sealed class InputManifestException(string message, Exception? inner = null) : Exception(message, inner);
