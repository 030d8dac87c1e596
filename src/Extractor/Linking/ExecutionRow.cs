namespace Extractor.Linking;

/// <summary>
/// One line of execution.csv: for a document's key, scope and year, one function code (类/款/项, or 合计) of one measure,
/// or one “三公” item: the budget, the final amount (万元) and the execution rate final / budget, with where each was read.
/// </summary>
/// <param name="Measure"><see cref="ExecutionMeasure"/>: general_budget, all_funds or three_public</param>
/// <param name="Presence"><c>both</c>, <c>budget_only</c> or <c>final_only</c>: on which side the code or item is printed</param>
/// <param name="BudgetSource"><c>budget_document</c> (the year's budget disclosure) or <c>final_document</c> (the
/// budget the final accounts print beside the outturn: GK09 预算数, a 年初预算数 column)</param>
public sealed record ExecutionRow(
    string Key, string Department, string Scope, int Year, string Measure, string Code, string CodeLevel, string Name,
    decimal? Budget, decimal? Final, decimal? Rate, string Presence, string BudgetSource,
    string BudgetDocId, string BudgetTable, string BudgetColumn, int? BudgetPage,
    string FinalDocId, string FinalTable, string FinalColumn, int? FinalPage)
{
    public static readonly IReadOnlyList<string> Header =
    [
        "entity_key", "department", "scope", "year", "measure", "code", "code_level", "name", "budget", "final", "rate",
        "presence", "budget_source", "budget_doc_id", "budget_table", "budget_column", "budget_page",
        "final_doc_id", "final_table", "final_column", "final_page", "unit",
    ];
}
