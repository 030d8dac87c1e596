using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extractor.Output;

/// <summary>
/// One column of a CSV file the extractor writes: its name, its Table Schema type (<c>string</c>, <c>integer</c>,
/// <c>number</c>, <c>year</c>), its description (Markdown) and its Table Schema constraints, if any.
/// </summary>
public sealed record FieldSpec(string Name, string Type, string Description, JsonObject? Constraints = null)
{
    /// <summary>Required fields are never empty in the files; the others may be (an empty cell is a missing value).</summary>
    public bool Required => Constraints?["required"]?.GetValue<bool>() == true;
}

/// <summary>A file's fields, and how its open-ended columns (manifest columns, amount columns, grid columns) are described.</summary>
public sealed record FileSpec(string Title, string Description, IReadOnlyList<FieldSpec> Fields, FieldSpec? Open)
{
    /// <summary>The field of an open-ended column named <paramref name="name"/> (its description names it).</summary>
    public FieldSpec OpenField(string name) =>
        (Open ?? throw new InvalidOperationException($"{Title} has no open-ended columns")) with
        {
            Name = name,
            Description = string.Format(CultureInfo.InvariantCulture, Open.Description, name),
        };
}

/// <summary>
/// The fields of facts.csv, documents.csv and the per-document table CSVs, read from the embedded
/// <c>Output/Data/fields.json</c>: the one description of them that datapackage.json and the Parquet files are written
/// from, and that a test holds docs/output-format.md to.
/// </summary>
public static class FieldCatalog
{
    private static readonly Lazy<JsonObject> Root = new(() =>
    {
        using var stream = typeof(FieldCatalog).Assembly.GetManifestResourceStream("Extractor.Output.fields.json")
            ?? throw new InvalidOperationException("the embedded fields.json is missing");
        return JsonNode.Parse(stream)!.AsObject();
    });

    public static FileSpec Facts { get; } = Read("facts", null);
    public static FileSpec Documents { get; } = Read("documents", "extra");
    public static FileSpec TableRows { get; } = Read("table_rows", "amount");
    public static FileSpec Grid { get; } = Read("grid", "cell");

    private static FileSpec Read(string key, string? open)
    {
        var file = Root.Value[key]!.AsObject();
        return new FileSpec(
            file["title"]!.GetValue<string>(),
            file["description"]!.GetValue<string>(),
            file["fields"]!.AsArray().Select(f => Field(f!.AsObject())).ToList(),
            open is null ? null : Field(file[open]!.AsObject(), "{0}"));
    }

    private static FieldSpec Field(JsonObject field, string? name = null) => new(
        name ?? field["name"]!.GetValue<string>(),
        field["type"]!.GetValue<string>(),
        field["description"]!.GetValue<string>(),
        field["constraints"] is JsonObject constraints ? (JsonObject)constraints.DeepClone() : null);
}
