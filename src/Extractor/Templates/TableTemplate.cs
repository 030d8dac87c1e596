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
    /// <summary>A regional variant: a document without it is not missing anything.</summary>
    public bool Optional { get; init; }
    /// <summary>Other header labels that name a section (本年预算数: 本年, 当年 …), after the year is read as 本年/上年.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? SectionAliases { get; init; }

    /// <summary>Every label that names <paramref name="section"/>, its own name first.</summary>
    public IEnumerable<string> SectionLabels(string section) =>
        SectionAliases is not null && SectionAliases.TryGetValue(section, out var aliases) ? aliases.Prepend(section) : [section];

    // The fields below describe the table's arithmetic for the consistency checks (Checks/). They are
    // optional in the data, so they are nullable: a template that leaves one out arrives with null.

    /// <summary>Identities between the amount columns of one row (a total column = its part columns).</summary>
    public IReadOnlyList<RowIdentity>? RowIdentities { get; init; }
    /// <summary>Names of the grand-total row of a classified table (合计), which sums its 类 rows.</summary>
    public IReadOnlyList<string>? TotalRowNames { get; init; }
    /// <summary>For a summary table (GK01, GK04): per side, the rows that total it.</summary>
    public IReadOnlyList<SummarySection>? Summary { get; init; }
    /// <summary>
    /// For a summary table whose items nest (budget 收支总表: 一、财政拨款收入 over its funds): the rows
    /// that total each side, compared across tables but not summed from the items.
    /// </summary>
    public IReadOnlyList<SummarySection>? SummaryTotals { get; init; }
    /// <summary>Rows totalling all 类 rows of a section (GK06 人员经费合计, 公用经费合计).</summary>
    public IReadOnlyList<SectionTotal>? SectionTotals { get; init; }
    /// <summary>Stable ASCII keys of the sections, for check ids (预算数 → budget).</summary>
    public IReadOnlyDictionary<string, string>? SectionKeys { get; init; }
    /// <summary>Stable ASCII keys of canonical columns, for check ids (事业收入 → service).</summary>
    public IReadOnlyDictionary<string, string>? ColumnKeys { get; init; }
}

/// <summary>
/// One arithmetic identity between the amount columns of a row: <see cref="Total"/> = Σ <see cref="Parts"/> − Σ <see cref="Minus"/>.
/// <see cref="Id"/> is the family part of the check id (<c>rows.sum</c> → <c>GK02.rows.sum.20805</c>); <see cref="Section"/>
/// limits it to rows of one section; with <see cref="RequireAll"/> the identity is checked only when every column it names is printed.
/// </summary>
public sealed record RowIdentity
{
    public required string Id { get; init; }
    public required string Total { get; init; }
    public IReadOnlyList<string>? Parts { get; init; }
    public IReadOnlyList<string>? Minus { get; init; }
    public string? Section { get; init; }
    public bool RequireAll { get; init; }
}

/// <summary>
/// One side of a summary table: its items above <see cref="Subtotal"/> sum to it, and <see cref="GrandTotal"/> is the
/// subtotal plus the balance lines printed between them (结转结余 …). A line named like one of the side's items, printed
/// under a balance line, is that line's breakdown (GK04 年初财政拨款结转和结余 → 一般公共预算财政拨款 …).
/// </summary>
public sealed record SummarySection
{
    public required string Section { get; init; }
    public required string Key { get; init; }
    public required IReadOnlyList<string> Subtotal { get; init; }
    public required IReadOnlyList<string> GrandTotal { get; init; }
}

/// <summary>A row (by its printed names) that totals the 类 rows of one section.</summary>
public sealed record SectionTotal
{
    public required string Section { get; init; }
    public required string Key { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
}

internal sealed record TemplateFile(string Description, string Kind, IReadOnlyList<TableTemplate> Templates);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TemplateFile))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
