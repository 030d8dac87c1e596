using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// The tables (and their total columns) a narrative's words name, for one kind of document. Final accounts print
/// GK01–GK09; a budget prints the same figures in YS01–YS09, in another order and under other column names
/// (GK05's 小计 is YS05's 合计, GK09's 决算数 is YS07's 本年预算数). The narrative reader names a figure by its role
/// here and so reads either kind the same way.
/// </summary>
public sealed record NarrativeTableSet
{
    /// <summary>收支总表 (GK01, YS01): summary, 收入 and 支出 sides.</summary>
    public required string Summary { get; init; }
    /// <summary>收入表 (GK02, YS02): income by source and function class.</summary>
    public required string Income { get; init; }
    /// <summary>支出表 (GK03, YS03): spending of all funds by function class, 基本支出 / 项目支出.</summary>
    public required string Expenditure { get; init; }
    /// <summary>The total column of <see cref="Expenditure"/>.</summary>
    public required string ExpenditureTotal { get; init; }
    /// <summary>财政拨款收支总表 (GK04, YS04).</summary>
    public required string Appropriation { get; init; }
    /// <summary>一般公共预算支出表 (GK05, YS05).</summary>
    public required string General { get; init; }
    /// <summary>The total column of <see cref="General"/>.</summary>
    public required string GeneralTotal { get; init; }
    /// <summary>一般公共预算基本支出表 by economic class (GK06, YS06).</summary>
    public required string Basic { get; init; }
    /// <summary>政府性基金 (GK07, YS08).</summary>
    public required string Fund { get; init; }
    /// <summary>The spending total column of <see cref="Fund"/>.</summary>
    public required string FundTotal { get; init; }
    /// <summary>国有资本经营 (GK08, YS09).</summary>
    public required string StateCapital { get; init; }
    /// <summary>“三公”经费 (GK09, YS07).</summary>
    public required string ThreePublic { get; init; }
    /// <summary>The section of <see cref="ThreePublic"/> holding the year's figure (决算数, 本年预算数).</summary>
    public required string ThreePublicCurrent { get; init; }
    /// <summary>The section of <see cref="ThreePublic"/> holding the budget a final account is measured against (预算数).</summary>
    public required string ThreePublicBudget { get; init; }
    /// <summary>The section of <see cref="ThreePublic"/> holding last year's figure (上年预算数), if the template has one.</summary>
    public string? ThreePublicPrior { get; init; }
    /// <summary>The column of <see cref="General"/> holding last year's outturn (上年执行数), if the template has one.</summary>
    public string? GeneralPrior { get; init; }

    public static NarrativeTableSet Final { get; } = new()
    {
        Summary = "GK01", Income = "GK02", Expenditure = "GK03", ExpenditureTotal = "本年支出合计", Appropriation = "GK04",
        General = "GK05", GeneralTotal = "小计", Basic = "GK06", Fund = "GK07", FundTotal = "小计", StateCapital = "GK08",
        ThreePublic = "GK09", ThreePublicCurrent = "决算数", ThreePublicBudget = "预算数",
    };

    public static NarrativeTableSet Budget { get; } = new()
    {
        Summary = "YS01", Income = "YS02", Expenditure = "YS03", ExpenditureTotal = "合计", Appropriation = "YS04",
        General = "YS05", GeneralTotal = "合计", Basic = "YS06", Fund = "YS08", FundTotal = "合计", StateCapital = "YS09",
        ThreePublic = "YS07", ThreePublicCurrent = "本年预算数", ThreePublicBudget = "本年预算数", ThreePublicPrior = "上年预算数",
        GeneralPrior = "上年执行数",
    };

    public bool IsBudget => ReferenceEquals(this, Budget);

    public static NarrativeTableSet For(string kind) => kind == "budget" ? Budget : Final;
}
