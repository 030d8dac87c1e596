using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Extractor.Checks;
using Extractor.Output;
using Extractor.Rows;

using Extractor.Arithmetic;

namespace Extractor.Linking;

/// <summary>
/// Reads what the link stage needs from output folders written by the pipeline (the contract's files, nothing else):
/// documents.csv for the documents that converted; each document's document.json for its metadata, its template tables'
/// titles and its narrative changes (checks[] with figure and prior), else its facts.csv for the metadata; and, group by
/// group, its facts (facts.csv, else the rows of document.json). A doc_id found in several folders (shards and their
/// merge given together) is read once, from the first.
/// </summary>
public static class LinkFolderReader
{
    private const string DocumentsFile = "documents.csv";
    private const string FactsFile = "facts.csv";
    private const string DocumentJson = "document.json";

    /// <exception cref="InvalidOperationException">a folder has no documents.csv.</exception>
    public static IReadOnlyList<LinkDocument> ReadDocuments(IReadOnlyList<string> roots, EntityResolver resolver)
    {
        var documents = new List<LinkDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var path = Path.Combine(root, DocumentsFile);
            if (!File.Exists(path)) throw new InvalidOperationException($"{root} has no {DocumentsFile}; is it the --out folder of a finished run?");
            foreach (var row in ReadCsv(path))
            {
                var docId = row.GetValueOrDefault("doc_id", string.Empty);
                if (docId.Length == 0 || row.GetValueOrDefault("status") == "failed" || !seen.Add(docId)) continue;
                var folder = Path.Combine(root, docId);
                if (!Directory.Exists(folder)) continue;
                var recorded = row.GetValueOrDefault("entity_kind", string.Empty);
                var recordedScope = recorded.StartsWith(EntityScope.Unit, StringComparison.Ordinal) ? EntityScope.Unit
                    : recorded.StartsWith(EntityScope.Department, StringComparison.Ordinal) ? EntityScope.Department : string.Empty;
                var doc = ReadDocument(root, docId, resolver, recordedScope);
                if (doc is not null) documents.Add(doc with { Order = documents.Count });
            }
        }
        return documents;
    }

    private static LinkDocument? ReadDocument(string root, string docId, EntityResolver resolver, string recordedScope)
    {
        var folder = Path.Combine(root, docId);
        var json = Path.Combine(folder, DocumentJson);
        if (File.Exists(json))
        {
            using var stream = File.OpenRead(json);
            using var document = JsonDocument.Parse(stream);
            var r = document.RootElement;
            var metadata = r.GetProperty("metadata");
            var department = Text(metadata, "department");
            var titles = r.TryGetProperty("tables", out var tables)
                ? tables.EnumerateArray().Where(t => !Text(t, "table").StartsWith('T')).Select(t => Text(t, "title")).ToList()
                : [];
            var entity = resolver.Resolve(docId, department, titles);
            return new LinkDocument(docId, root, department, Year(Text(metadata, "year")), Text(metadata, "kind"), entity)
            {
                Titles = titles,
                Changes = r.TryGetProperty("checks", out var checks) ? Changes(checks) : [],
            };
        }
        var facts = Path.Combine(folder, FactsFile);
        if (!File.Exists(facts)) return null;
        var first = ReadFacts(facts).FirstOrDefault();
        if (first is null) return null;
        return new LinkDocument(docId, root, first.Department, Year(first.Year), first.Kind, resolver.Resolve(docId, first.Department, string.Empty, recordedScope));
    }

    private static IReadOnlyList<NarrativeChange> Changes(JsonElement checks)
    {
        var changes = new List<NarrativeChange>();
        foreach (var c in checks.EnumerateArray())
        {
            if (!c.TryGetProperty("figure", out var figure) || !c.TryGetProperty("prior", out var prior)) continue;
            if (Text(c, "status") == CheckStatus.Skipped) continue;
            var pages = c.TryGetProperty("pages", out var p) ? p.EnumerateArray().Select(x => x.GetInt32()).ToList() : [];
            changes.Add(new NarrativeChange(Text(c, "id"), Text(c, "quote"), pages,
                new CheckFigure(Text(figure, "table"), Text(figure, "section"), Text(figure, "code"), Text(figure, "name"), Text(figure, "column"),
                    figure.GetProperty("value").GetDecimal(), figure.GetProperty("page").GetInt32()),
                new PriorAmount(prior.GetProperty("value").GetDecimal(), prior.GetProperty("tolerance").GetDecimal(), Text(prior, "basis"),
                    prior.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null)));
        }
        return changes;
    }

    /// <summary>A document's facts: its facts.csv, else the rows of its document.json (written with --format json).</summary>
    public static IReadOnlyList<Fact> ReadFacts(LinkDocument document)
    {
        var folder = Path.Combine(document.Root, document.DocId);
        var csv = Path.Combine(folder, FactsFile);
        if (File.Exists(csv)) return ReadFacts(csv).ToList();
        var json = Path.Combine(folder, DocumentJson);
        return File.Exists(json) ? FactsOfJson(json, document).ToList() : [];
    }

    private static IEnumerable<Fact> ReadFacts(string path)
    {
        foreach (var row in ReadCsv(path))
        {
            if (!decimal.TryParse(row.GetValueOrDefault("value"), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) continue;
            _ = int.TryParse(row.GetValueOrDefault("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page);
            string F(string name) => row.GetValueOrDefault(name, string.Empty);
            yield return new Fact(F("doc_id"), F("department"), F("year"), F("kind"), F("table"), F("section"), F("line_no"),
                F("code"), F("code_level"), F("name"), F("column"), value, F("unit"), page, F("code_printed"), F("name_printed"), F("code_repair"));
        }
    }

    private static IEnumerable<Fact> FactsOfJson(string path, LinkDocument document)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var facts = new List<Fact>();
        foreach (var table in json.RootElement.GetProperty("tables").EnumerateArray())
        {
            var id = Text(table, "table");
            if (id.StartsWith('T')) continue;
            var unit = Text(table, "unit");
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                foreach (var value in row.GetProperty("values").EnumerateObject())
                {
                    facts.Add(new Fact(document.DocId, document.Department, document.YearText, document.Kind, id, Text(row, "section"), Text(row, "line_no"),
                        Text(row, "code"), Text(row, "code_level"), Text(row, "name"), value.Name, value.Value.GetDecimal(), unit,
                        row.GetProperty("page").GetInt32(), Text(row, "code_printed"), Text(row, "name_printed"), Text(row, "code_repair")));
                }
            }
        }
        return facts;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    private static int? Year(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    private static IEnumerable<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, AtomicFile.Utf8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null) yield break;
        var header = csv.HeaderRecord;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < csv.Parser.Count; i++) row.TryAdd(header[i], csv.GetField(i) ?? string.Empty);
            yield return row;
        }
    }
}
