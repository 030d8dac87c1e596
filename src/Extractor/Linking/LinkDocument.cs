using Extractor.Checks;

using Extractor.Arithmetic;

namespace Extractor.Linking;

/// <summary>
/// One converted document as the link stage reads it from an output folder: its doc_id and folder, what it says about
/// itself (department as printed, fiscal year, <c>budget</c> or <c>final</c>), who published it (<see cref="Entity"/>), its
/// template tables' titles, and the narrative's changes "比上年…" that name a table figure. Its facts are read when its
/// group is linked, not held for the whole batch.
/// </summary>
public sealed record LinkDocument(string DocId, string Root, string Department, int? Year, string Kind, Entity Entity)
{
    /// <summary>Position in the inputs (output folders in the order given, documents.csv order within each).</summary>
    public int Order { get; init; }

    public IReadOnlyList<string> Titles { get; init; } = [];

    public IReadOnlyList<NarrativeChange> Changes { get; init; } = [];

    public string Key => Entity.Key;

    public string Scope => Entity.Scope;

    public bool IsBudget => Kind == "budget";

    public bool IsFinal => Kind == "final";

    /// <summary>部门预算, 单位预算, 部门决算 or 单位决算.</summary>
    public string EntityKind => EntityScope.EntityKind(Scope, Kind);

    public string YearText => Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>
/// A narrative check of a change against an earlier year (document.json <c>checks[]</c> with <c>figure</c> and
/// <c>prior</c>): its id, the sentence, its pages, the figure it measures and the earlier amount the sentence implies.
/// </summary>
public sealed record NarrativeChange(string CheckId, string Quote, IReadOnlyList<int> Pages, CheckFigure Figure, PriorAmount Prior);
