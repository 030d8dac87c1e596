namespace Extractor.Linking;

/// <summary>
/// What execution.csv compares, each a budget table against the final-accounts table of the same scope of funds:
/// <list type="bullet">
/// <item><c>general_budget</c>: 一般公共预算 by function code, YS05 一般公共预算支出表 (合计, else 当年预算合计) against GK05
/// 一般公共预算财政拨款支出决算表 (小计);</item>
/// <item><c>all_funds</c>: all funds by function code, YS03 部门支出总表 (合计, else 当年预算合计) against GK03 支出决算表
/// (本年支出合计);</item>
/// <item><c>three_public</c>: each “三公” item, YS07 “三公”经费支出表 (本年预算数) against GK09 (决算数).</item>
/// </list>
/// </summary>
public sealed record ExecutionMeasure(string Id, string BudgetTable, IReadOnlyList<string> BudgetColumns, string BudgetSection,
    string FinalTable, IReadOnlyList<string> FinalColumns, string FinalSection)
{
    public const string GeneralBudget = "general_budget";
    public const string AllFunds = "all_funds";
    public const string ThreePublic = "three_public";

    /// <summary>The “三公” items in the order of the national template.</summary>
    public static readonly IReadOnlyList<string> ThreePublicItems =
        ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行费", "公务接待费"];

    public static readonly IReadOnlyList<ExecutionMeasure> All =
    [
        new(GeneralBudget, "YS05", ["合计", "当年预算合计"], "", "GK05", ["小计", "合计"], ""),
        new(AllFunds, "YS03", ["合计", "当年预算合计"], "", "GK03", ["本年支出合计", "合计"], ""),
        new(ThreePublic, "YS07", ThreePublicItems, "本年预算数", "GK09", ThreePublicItems, "决算数"),
    ];

    public bool ByItem => Id == ThreePublic;
}
