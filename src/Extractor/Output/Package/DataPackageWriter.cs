using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Extractor.Output.Package;

/// <summary>
/// Writes the datapackage.json files of an output folder: Frictionless Tabular Data Packages (v1) whose fields are typed
/// and described from <see cref="FieldCatalog"/>. The folder's package describes the batch files — documents.csv and
/// facts.csv, with the key between them — and carries the publisher's title, licence and sources; each document's
/// folder has its own package describing its facts.csv and each of its tables/*.csv. So every CSV file is a described
/// resource, and the folder's descriptor stays the same size however many documents a harvest holds (listing every
/// document's tables there would take some 45 KB a document).
/// </summary>
public static class DataPackageWriter
{
    public const string FileName = "datapackage.json";

    /// <summary>The package's <c>name</c> when the publisher gives none (Data Package names are lower-case ASCII).</summary>
    public const string DefaultName = "budget-disclosures";

    /// <summary>
    /// Writes <c>datapackage.json</c> into <paramref name="root"/>, describing its documents.csv (with the manifest columns
    /// it has) and its facts.csv when there is one.
    /// </summary>
    public static void Write(string root, PackageMetadata metadata)
    {
        AtomicFile.Write(Path.Combine(root, FileName), stream =>
        {
            using var json = Open(stream);
            json.WriteStartObject();
            WriteMetadata(json, metadata);
            json.WriteString("profile", "tabular-data-package");
            json.WriteStartArray("resources");
            var documentsHeader = ReadHeader(Path.Combine(root, "documents.csv")) ?? [.. FieldCatalog.Documents.Fields.Select(f => f.Name)];
            WriteResource(json, "documents", "documents.csv", FieldCatalog.Documents.Title, FieldCatalog.Documents.Description,
                FieldsOf(documentsHeader, FieldCatalog.Documents), primaryKey: ["source"]);
            if (File.Exists(Path.Combine(root, "facts.csv")))
            {
                WriteResource(json, "facts", "facts.csv", FieldCatalog.Facts.Title, FieldCatalog.Facts.Description, FieldCatalog.Facts.Fields,
                    foreignKey: ("doc_id", "documents", "doc_id"));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// A document's own datapackage.json (in its folder): its facts.csv and one resource per table CSV, with the headers
    /// <see cref="TableCsvWriter"/> writes.
    /// </summary>
    public static void WriteDocument(Stream stream, DocumentResult document)
    {
        using var json = Open(stream);
        json.WriteStartObject();
        json.WriteString("name", Slug(document.DocId));
        var m = document.Metadata;
        var title = string.Join(" ", new[] { m.Department, m.Year, m.Kind switch { "final" => "决算", "budget" => "预算", _ => m.Kind } }.Where(t => t.Length > 0));
        json.WriteString("title", title.Length > 0 ? title : document.DocId);
        json.WriteString("description", $"The tables read from {document.Source.Path} (SHA-256 {document.Source.Sha256}).");
        json.WriteString("profile", "tabular-data-package");
        json.WriteStartArray("resources");
        WriteResource(json, "facts", "facts.csv", FieldCatalog.Facts.Title, FieldCatalog.Facts.Description, FieldCatalog.Facts.Fields);
        var names = new HashSet<string>(StringComparer.Ordinal) { "facts" };
        foreach (var table in document.Tables)
        {
            var (spec, fields) = TableFields(TableCsvWriter.Header(table));
            var caption = table.Source.Title.Length > 0 ? $"{table.Id} {table.Source.Title}" : table.Id;
            WriteResource(json, UniqueName(names, Slug(table.Id)), $"tables/{table.Id}.csv", caption, spec.Description, fields);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static Utf8JsonWriter Open(Stream stream) =>
        new(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static void WriteMetadata(Utf8JsonWriter json, PackageMetadata metadata)
    {
        var properties = metadata.Properties ?? [];
        var title = metadata.Title ?? (properties["title"] is { } t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null);
        var name = properties["name"] is { } n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : Slug(title ?? string.Empty);
        json.WriteString("name", name.Length > 0 ? name : DefaultName);
        if (title is not null) json.WriteString("title", title);
        if (metadata.License is { } license)
        {
            json.WriteStartArray("licenses");
            json.WriteStartObject();
            json.WriteString(license.Contains("://", StringComparison.Ordinal) ? "path" : "name", license);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        foreach (var (key, value) in properties)
        {
            if (key is "name" or "title" || (key == "licenses" && metadata.License is not null) || PackageMetadata.Reserved.Contains(key)) continue;
            json.WritePropertyName(key);
            if (value is null) json.WriteNullValue();
            else value.WriteTo(json);
        }
    }

    private static void WriteResource(Utf8JsonWriter json, string name, string path, string title, string description, IEnumerable<FieldSpec> fields,
        IReadOnlyList<string>? primaryKey = null, (string Field, string Resource, string ReferenceField)? foreignKey = null)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("path", path);
        json.WriteString("profile", "tabular-data-resource");
        json.WriteString("title", title);
        json.WriteString("description", description);
        json.WriteString("format", "csv");
        json.WriteString("mediatype", "text/csv");
        json.WriteString("encoding", "utf-8");
        json.WriteStartObject("dialect");
        json.WriteString("delimiter", ",");
        json.WriteString("quoteChar", "\"");
        json.WriteBoolean("doubleQuote", true);
        json.WriteString("lineTerminator", "\n");
        json.WriteBoolean("header", true);
        json.WriteEndObject();

        json.WriteStartObject("schema");
        json.WriteStartArray("fields");
        foreach (var field in fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteString("type", field.Type);
            if (field.Type == "number")
            {
                // Exact decimals: a point, no grouping, nothing around the digits (frictionless readers give Decimal).
                json.WriteString("decimalChar", ".");
                json.WriteBoolean("bareNumber", true);
            }
            json.WriteString("description", field.Description);
            if (field.Constraints is { } constraints)
            {
                json.WritePropertyName("constraints");
                constraints.WriteTo(json);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // A blank cell is absent data (the contract: blank is not 0), never an empty string or a zero.
        json.WriteStartArray("missingValues");
        json.WriteStringValue("");
        json.WriteEndArray();
        if (primaryKey is not null)
        {
            json.WriteStartArray("primaryKey");
            foreach (var key in primaryKey) json.WriteStringValue(key);
            json.WriteEndArray();
        }
        if (foreignKey is { } fk)
        {
            json.WriteStartArray("foreignKeys");
            json.WriteStartObject();
            json.WriteStartArray("fields");
            json.WriteStringValue(fk.Field);
            json.WriteEndArray();
            json.WriteStartObject("reference");
            json.WriteString("resource", fk.Resource);
            json.WriteStartArray("fields");
            json.WriteStringValue(fk.ReferenceField);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>documents.csv's fields: the contract's, then each manifest column it carries as a string.</summary>
    private static IEnumerable<FieldSpec> FieldsOf(IReadOnlyList<string> header, FileSpec spec)
    {
        var known = spec.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return header.Select(column => known.TryGetValue(column, out var field) ? field : spec.OpenField(column));
    }

    /// <summary>A table CSV's fields: a template table's row fields and amount columns, or a generic grid's page and cells.</summary>
    private static (FileSpec Spec, IReadOnlyList<FieldSpec> Fields) TableFields(IReadOnlyList<string> header)
    {
        var rows = FieldCatalog.TableRows;
        if (header.Count >= rows.Fields.Count && rows.Fields.Select(f => f.Name).SequenceEqual(header.Take(rows.Fields.Count)))
        {
            return (rows, [.. rows.Fields, .. header.Skip(rows.Fields.Count).Select(rows.OpenField)]);
        }
        var grid = FieldCatalog.Grid;
        var fixedCount = grid.Fields.Count;
        return (grid, [.. header.Take(fixedCount).Select((h, i) => i < fixedCount && grid.Fields[i].Name == h ? grid.Fields[i] : grid.OpenField(h)),
            .. header.Skip(fixedCount).Select(grid.OpenField)]);
    }

    /// <summary>A CSV file's header line (a UTF-8 byte order mark skipped), or null when the file is missing or empty.</summary>
    internal static IReadOnlyList<string>? ReadHeader(string path)
    {
        if (!File.Exists(path)) return null;
        using var reader = new StreamReader(path, AtomicFile.Utf8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        return csv.Read() && csv.ReadHeader() && csv.HeaderRecord is { Length: > 0 } header ? header : null;
    }

    /// <summary>
    /// A Data Package name (lower-case ASCII letters, digits, <c>-._</c>) from any text: other characters become
    /// <c>-</c>, runs of them one; CJK text without ASCII leaves the hash that ends every doc_id.
    /// </summary>
    internal static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            var keep = ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-';
            if (keep) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-', '.', '_');
    }

    private static string UniqueName(HashSet<string> names, string name)
    {
        var unique = name;
        for (var n = 2; !names.Add(unique); n++) unique = $"{name}-{n}";
        return unique;
    }
}
