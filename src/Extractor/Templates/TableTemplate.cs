using System.Text.Json.Serialization;

namespace Extractor.Templates;

/// <summary>How a template's rows are laid out.</summary>
public enum TableLayout
{
    /// <summary>Items with 行次 on two sides (收入 | 支出), each side its own section (GK01, GK04).</summary>
    Summary,
    /// <summary>Rows keyed by a classification code and name (GK02, GK03, GK05–GK08).</summary>
    Classified,
    /// <summary>One row of amounts, sections and columns from the header alone (GK09).</summary>
    Single,
}

/// <summary>One canonical column: its contract name and the header texts that mean it.</summary>
public sealed record TemplateColumn(string Name, IReadOnlyList<string> Aliases, string? Section = null);

/// <summary>
/// A standard table of the disclosures: how to recognise it (titles, header keywords), how its
/// rows are laid out, and its canonical columns. Loaded from embedded data, see <see cref="TemplateCatalog"/>.
/// </summary>
public sealed record TableTemplate
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Kind { get; init; } = "final";
    public required IReadOnlyList<string> Titles { get; init; }
    public TableLayout Layout { get; init; }
    /// <summary><c>function</c> or <c>economic</c> classification codes, or null for tables without codes.</summary>
    public string? Codes { get; init; }
    public IReadOnlyList<string> Sections { get; init; } = [];
    public IReadOnlyDictionary<string, string> SectionByCode { get; init; } = new Dictionary<string, string>();
    public string? DefaultSection { get; init; }
    public IReadOnlyList<string> HeaderKeywords { get; init; } = [];
    public required IReadOnlyList<TemplateColumn> Columns { get; init; }
}

internal sealed record TemplateFile(string Description, string Kind, IReadOnlyList<TableTemplate> Templates);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TemplateFile))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
