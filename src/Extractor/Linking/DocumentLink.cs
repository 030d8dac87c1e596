namespace Extractor.Linking;

/// <summary>The relations links.csv lists.</summary>
public static class LinkRelation
{
    /// <summary>A budget and a final of one key and year.</summary>
    public const string BudgetFinal = "budget_final";
    /// <summary>Two documents of one key and kind, a year apart (the earlier one is <see cref="DocumentLink.Other"/>).</summary>
    public const string PreviousYear = "previous_year";
    /// <summary>A department's document and one of its units' of the same year and kind.</summary>
    public const string DepartmentUnit = "department_unit";
    /// <summary>Two documents of one key, year, kind and scope: the same disclosure twice, or a re-issue.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Near misses: documents that almost pair, listed so that a mapping can settle them.</summary>
    public const string YearGap = "year_gap";
    public const string UnitWithoutDepartment = "unit_without_department";
    public const string NoDepartmentName = "no_department_name";
    public const string SimilarName = "similar_name";
    public const string AmbiguousKey = "ambiguous_key";
}

/// <summary>
/// One line of links.csv: two documents (or one, for a near miss with nothing close) that were linked, or that nearly
/// were, and why. <see cref="Linked"/> is false for a near miss.
/// </summary>
public sealed record DocumentLink(string Relation, bool Linked, LinkDocument Document, LinkDocument? Other, string Reason);
