using Extractor.Checks;
using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Tests.Recognition;
using static Extractor.Tests.Checks.CheckTables;

using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

/// <summary>
/// Each kind of narrative statement, with sentences taken from real disclosures (the seed, 国家信访局 2024 决算, and the
/// 2026 budgets of 苏州市审计局, 福州市商务局, 国家信访局, 上海市普陀区司法局), checked once as printed against tables that
/// bear them out and once against tables (or with a figure) that contradict them.
/// </summary>
public sealed class NarrativeStatementsTests
{
    private static ExtractedTable Gk05(decimal project = 72.00m) => Table("GK05",
        Named("合计", ("小计", 580.65m + project), ("基本支出", 580.65m), ("项目支出", project)),
        Coded("207", "文化旅游体育与传媒支出", ("小计", 394.39m + project), ("基本支出", 394.39m), ("项目支出", project)),
        Coded("208", "社会保障和就业支出", ("小计", 186.26m), ("基本支出", 186.26m)));

    private static ExtractedTable Gk09(decimal budget) => Table("GK09", "万元", 10,
        Line("预算数", "", ("合计", budget), ("公务用车购置及运行维护费", budget), ("公务用车运行费", budget)),
        Line("决算数", "", ("合计", 0.87m), ("公务用车购置及运行维护费", 0.87m), ("公务用车运行费", 0.87m)));

    private static (IReadOnlyList<CheckResult> Checks, IReadOnlyList<NarrativeStatement> Statements) Review(DocumentResult document)
    {
        var report = ConsistencyChecker.Instance.Review(document);
        return (report.Checks, report.Statements);
    }

    // ── Completion rates and directions against the table that prints both figures ──

    private static readonly string[] ThreePublic =
    [
        "九、财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费财政拨款支出全年预算为3万元，支出决算为0.87万元，完成全年预算的29%。较上年减少1.03万元，减少54.2%，决算数小于全年预算数的主要原因：车辆整体使用状态平稳，维修费减少。",
    ];

    [Fact]
    public void A_completion_rate_is_held_against_the_budget_and_outturn_the_three_public_table_prints()
    {
        // GK09 prints 0.87 / 0.87: the rate is 100%, and 29% holds only against the sentence's own (wrong) 3万元.
        var wrong = NarrativeChecks.Run(TablesOf(Gk09(0.87m)), NarrativeText.Read([Page(20, ThreePublic)]), "测试局");
        var completion = Single(wrong, "narrative.GK09.total_completion");
        Assert.Equal(CheckStatus.Fail, completion.Status);
        Assert.Equal(100m, completion.Expected);
        Assert.Equal(29m, completion.Actual);
        Assert.Contains("3万元", completion.Message);
        Assert.Equal(["GK09"], completion.Tables);
        // "决算数小于全年预算数": GK09's outturn equals its budget.
        Assert.Equal(CheckStatus.Fail, Single(wrong, "narrative.GK09.total_direction").Status);

        // Where GK09 prints the 3.00 the sentence states, 0.87 / 3.00 = 29%, and 0.87 < 3.00.
        var right = NarrativeChecks.Run(TablesOf(Gk09(3.00m)), NarrativeText.Read([Page(20, ThreePublic)]), "测试局");
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.GK09.total_completion").Status);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.GK09.total_direction").Status);
    }

    [Fact]
    public void A_rate_against_the_initial_budget_keeps_to_the_sentence_since_the_table_prints_the_adjusted_one()
    {
        // 国家信访局: "…“三公”经费…年初预算为…" is not GK09's 预算数 (the full-year budget after adjustments).
        string[] text =
        [
            "九、财政拨款“三公”经费支出决算情况说明",
            "2024年度“三公”经费财政拨款支出年初预算为3万元，支出决算为0.87万元，完成年初预算的29%。",
        ];
        var checks = NarrativeChecks.Run(TablesOf(Gk09(0.87m)), NarrativeText.Read([Page(20, text)]), "测试局");
        Assert.Equal(CheckStatus.Pass, Single(checks, "narrative.GK09.total_completion").Status);
    }

    // ── Shares stated in later sections (绩效) and against amounts named earlier ──

    private static string[] Performance(string share) =>
    [
        "十三、预算绩效情况说明",
        "（一）预算绩效管理工作开展情况",
        $"根据预算绩效管理要求，我单位组织对2024年度一般公共预算项目支出全面开展绩效自评，共涉及项目四个，资金72万元，占一般公共预算项目支出总额的{share}%。",
        "（二）单位整体支出自评结果",
        "我单位组织开展整体支出绩效自评，资金72万元，从评价情况来看，项目经费年初预算73.28万元，实际支出72万元，资金执行率为98.3%。",
    ];

    [Fact]
    public void A_share_stated_in_the_performance_section_is_held_against_the_table_its_base_names()
    {
        // The seed: 72 is 100% of GK05 项目支出 72.00; 98.3% is 72 / 73.28, the execution rate, called a share.
        var wrong = Single(NarrativeChecks.Run(TablesOf(Gk05()), NarrativeText.Read([Page(21, Performance("98.3"))]), "测试局"), "narrative.GK05.project_part_share");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(100m, wrong.Expected);
        Assert.Equal(["GK05"], wrong.Tables);

        var checks = NarrativeChecks.Run(TablesOf(Gk05()), NarrativeText.Read([Page(21, Performance("100"))]), "测试局");
        Assert.Equal(CheckStatus.Pass, Single(checks, "narrative.GK05.project_part_share").Status);
        // The execution rate is the sentence's own arithmetic: 72 / 73.28 = 98.25 %.
        Assert.Equal(CheckStatus.Pass, Single(checks, "narrative.completion").Status);
        // The section's amounts themselves (资金72万元: the projects evaluated) name no table figure.
        Assert.DoesNotContain(checks, c => c.Id is "narrative.GK05.project" or "narrative.GK05.total");
    }

    [Fact]
    public void A_share_whose_base_is_an_amount_named_earlier_in_its_section_is_checked_against_it()
    {
        // 国家信访局 2024 决算, 政府采购支出说明.
        string[] Text(string share) =>
        [
            "九、政府采购支出说明",
            "2024年度国家信访局政府采购支出总额1967.42万元，全部为财政资金，其中：政府采购货物支出171.7万元、政府采购工程支出3万元、政府采购服务支出1792.72万元。"
            + $"授予中小企业合同金额1820.69万元，占政府采购支出总额的{share}%，其中：授予小微企业合同金额1015.5万元，占授予中小企业合同金额的55.78%。",
        ];
        var right = NarrativeChecks.Run(TablesOf(Gk05()), NarrativeText.Read([Page(26, Text("92.54"))]), "国家信访局");
        Assert.All(right.Where(c => c.Id.StartsWith("narrative.share", StringComparison.Ordinal)), c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Equal(2, right.Count(c => c.Id.StartsWith("narrative.share", StringComparison.Ordinal)));

        var wrong = NarrativeChecks.Run(TablesOf(Gk05()), NarrativeText.Read([Page(26, Text("95.54"))]), "国家信访局");
        var share = Assert.Single(wrong, c => c.Status == CheckStatus.Fail);
        Assert.Equal(92.5420m, share.Expected); // 1820.69 / 1967.42
    }

    // ── Parts listed after 其中 against their total ──

    [Theory]
    [InlineData("1792.72", CheckStatus.Pass)] // 国家信访局 2024: 171.7 + 3 + 1792.72 = 1967.42
    [InlineData("1892.72", CheckStatus.Fail)] // parts adding up to more than their total
    public void Parts_listed_after_their_total_add_up_to_it(string services, string status)
    {
        string[] text =
        [
            "九、政府采购支出说明",
            $"2024年度国家信访局政府采购支出总额1967.42万元，全部为财政资金，其中：政府采购货物支出171.7万元、政府采购工程支出3万元、政府采购服务支出{services}万元。",
        ];
        var check = Single(NarrativeChecks.Run(TablesOf(Gk05()), NarrativeText.Read([Page(26, text)]), "国家信访局"), "narrative.parts");
        Assert.Equal(status, check.Status);
        Assert.Equal(1967.42m, check.Expected);
    }

    [Fact]
    public void Parts_adding_up_to_less_than_their_total_are_not_judged_since_a_list_may_name_the_main_ones()
    {
        string[] text = ["九、政府采购支出说明", "2024年度国家信访局政府采购支出总额1967.42万元，其中：政府采购货物支出171.7万元、政府采购工程支出3万元。"];
        Assert.DoesNotContain(NarrativeChecks.Run(TablesOf(Gk05()), NarrativeText.Read([Page(26, text)]), "国家信访局"), c => c.Id == "narrative.parts");
    }

    // ── Lists of items claimed as spent ──

    private static ExtractedTable Gk06(decimal? commissioned) => Table("GK06",
        Economic("302", "商品和服务支出", "公用经费", ("决算数", 44.50m + (commissioned ?? 0))),
        Economic("30201", "办公费", "公用经费", ("决算数", 20.45m)),
        Economic("30202", "印刷费", "公用经费", ("决算数", 0.34m)),
        Economic("30207", "邮电费", "公用经费", ("决算数", 0.27m)),
        Economic("30211", "差旅费", "公用经费", ("决算数", 0.71m)),
        commissioned is { } c ? Economic("30227", "委托业务费", "公用经费", ("决算数", c)) : Economic("30227", "委托业务费", "公用经费"),
        Economic("30228", "工会经费", "公用经费", ("决算数", 1.69m)),
        Economic("30229", "福利费", "公用经费", ("决算数", 7.92m)),
        Economic("30231", "公务用车运行维护费", "公用经费", ("决算数", 0.87m)),
        Economic("30299", "其他商品和服务支出", "公用经费", ("决算数", 12.25m)),
        Line("公用经费", "公用经费合计", ("决算数", 44.50m + (commissioned ?? 0))));

    private static readonly string[] PublicCosts =
    [
        "六、一般公共预算财政拨款基本支出决算情况说明",
        "公用经费44.50万元，主要包括：办公费、印刷费、邮电费、差旅费、委托业务费、工会经费、福利费、公务用车运行维护费、其他商品和服务支出。",
    ];

    [Fact]
    public void An_item_listed_as_spent_that_the_table_prints_blank_fails()
    {
        var table = Gk06(null);
        var check = Single(NarrativeItemLists.Run(TablesOf(table), Ledger(table, PublicCosts)), "narrative.GK06.public_items");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("30227 委托业务费", check.Message);
        Assert.Equal(1m, check.Expected);
    }

    [Fact]
    public void A_list_whose_items_all_have_amounts_passes()
    {
        var table = Table("GK06",
            Economic("30201", "办公费", "公用经费", ("决算数", 20.45m)),
            Economic("30227", "委托业务费", "公用经费", ("决算数", 24.05m)),
            Line("公用经费", "公用经费合计", ("决算数", 44.50m)));
        string[] text = ["六、一般公共预算财政拨款基本支出决算情况说明", "公用经费44.50万元，主要包括：办公费、委托业务费。"];
        var check = Single(NarrativeItemLists.Run(TablesOf(table), Ledger(table, text)), "narrative.GK06.public_items");
        Assert.Equal(CheckStatus.Pass, check.Status);
    }

    [Fact]
    public void A_blank_row_is_no_evidence_where_the_rows_do_not_add_up_to_their_total()
    {
        // A misread table: 办公费's amount was lost, so the rows add up to less than 公用经费合计.
        var table = Table("GK06",
            Economic("30201", "办公费", "公用经费"),
            Economic("30227", "委托业务费", "公用经费", ("决算数", 24.05m)),
            Line("公用经费", "公用经费合计", ("决算数", 44.50m)));
        string[] text = ["六、一般公共预算财政拨款基本支出决算情况说明", "公用经费44.50万元，主要包括：办公费、委托业务费。"];
        var ledger = Ledger(table, text);
        Assert.Empty(NarrativeItemLists.Run(TablesOf(table), ledger));
        var statement = Assert.Single(ledger.Statements(c => c.Id), s => s.Kind == StatementKind.Items);
        Assert.Equal(StatementStatus.Resolved, statement.Status);
        Assert.Contains("do not add up", statement.Reason);
    }

    /// <summary>A ledger whose amounts were resolved by the narrative checks (as the consistency checker runs them).</summary>
    private static NarrativeLedger Ledger(ExtractedTable table, string[] lines)
    {
        var ledger = new NarrativeLedger(NarrativeText.Read([Page(19, lines)]), "测试局");
        NarrativeChecks.Run(TablesOf(table), ledger, "测试局");
        return ledger;
    }

    // ── Attachment tables restating a figure of the nine ──

    private static ExtractedTable Attachment(string basic) => new(new RecognizedTable
    {
        Id = "T31-1",
        Title = "2024年度江汉区融媒体中心整体支出绩效自评表",
        Label = "",
        Unit = "万元",
        Parts = [new TablePart(GridBuilder.Build(31,
            ["单位名称", "武汉市江汉区融媒体中心", "<", "<", "<"],
            ["基本支出总额", basic, "", "项目支出总额", "72"]), 0)],
        Columns = [],
    }, []);

    private static ExtractedTable Gk03() => Table("GK03", "万元", 4,
        Named("合计", ("本年支出合计", 652.65m), ("基本支出", 580.65m), ("项目支出", 72.00m)),
        Coded("207", "文化旅游体育与传媒支出", ("本年支出合计", 466.39m), ("基本支出", 394.39m), ("项目支出", 72.00m)),
        Coded("208", "社会保障和就业支出", ("本年支出合计", 186.26m), ("基本支出", 186.26m)));

    [Theory]
    [InlineData("580.66", CheckStatus.Warn)] // the seed's attachment: one unit of the last digit off
    [InlineData("580.65", CheckStatus.Pass)]
    [InlineData("590.66", CheckStatus.Fail)]
    public void An_attachment_table_restating_a_figure_of_the_nine_is_compared_with_it(string printed, string status)
    {
        var (checks, statements) = Review(Document([Gk03(), Gk05(), Attachment(printed)]));
        var basic = Single(checks, "attachment.GK03.basic");
        Assert.Equal(status, basic.Status);
        Assert.Equal(580.65m, basic.Expected);
        Assert.Equal(["GK03", "T31-1"], basic.Tables);
        Assert.Contains(basic.Cells, c => c.Table == "T31-1" && c.Page == 31);
        Assert.Equal(CheckStatus.Pass, Single(checks, "attachment.GK03.project").Status);
        Assert.Equal(2, statements.Count(s => s.Kind == StatementKind.Attachment && s.Section == "attachment"));
    }

    // ── Coverage: every statement listed, unresolved ones with the reason ──

    [Fact]
    public void Statements_the_reader_cannot_resolve_are_listed_as_unresolved_with_the_reason()
    {
        string[] text =
        [
            "九、财政拨款“三公”经费支出决算情况说明",
            "(2)公务用车运行费支出0.87万元，主要用于公务用车运行保障相关费用，其中：维修费0.53万元；保险费0.21万元；其他费用0.13万元。",
            "全年公务用车保有量为1辆，平均每辆0.87万元。",
            "十二、国有资产占用情况说明",
            "截至2024年12月31日，武汉市江汉区融媒体中心共有车辆1辆。本单位无单价100万元(含)以上设备。",
        ];
        var (checks, statements) = Review(Document([Gk09(0.87m)], Page(20, text)));
        Assert.Equal(CheckStatus.Pass, Single(checks, "narrative.GK09.vehicle_running").Status);
        var running = statements.First(s => s.Printed == "0.87万元");
        Assert.Equal(StatementStatus.Checked, running.Status);
        Assert.Equal(["narrative.GK09.vehicle_running", "narrative.GK09.vehicle_running_parts"], running.Checks);
        Assert.Equal("GK09 决算数 公务用车运行费", running.RefersTo);
        // 维修费, 保险费, 其他费用: GK09 prints no such parts, but they add up to the 0.87 they are parts of.
        var repairs = Assert.Single(statements, s => s.Printed == "0.53万元");
        Assert.Equal(StatementStatus.Checked, repairs.Status);
        Assert.Equal(["narrative.GK09.vehicle_running_parts"], repairs.Checks);
        // "平均每辆0.87万元" names nothing the tables print.
        var average = statements.Last(s => s.Printed == "0.87万元");
        Assert.Equal(StatementStatus.Unresolved, average.Status);
        Assert.Equal("three_public", average.Section);
        Assert.Equal([20], average.Pages);
        Assert.Contains("name no figure", average.Reason);
        // "单价100万元(含)以上" is a threshold, not a statement.
        Assert.DoesNotContain(statements, s => s.Printed == "100万元");
        Assert.Equal(new NarrativeCoverage(5, 4, 4), NarrativeCoverage.Of(statements));
    }

    [Fact]
    public void A_statement_naming_an_absent_table_is_resolved_but_not_checked()
    {
        string[] text = ["九、财政拨款“三公”经费支出决算情况说明", "2024年度“三公”经费财政拨款支出全年预算为3万元，支出决算为0.87万元。"];
        var (checks, statements) = Review(Document([Gk05()], Page(20, text)));
        Assert.Equal(CheckStatus.Skipped, Single(checks, "narrative.GK09.total_budget").Status);
        var budget = Assert.Single(statements, s => s.Printed == "3万元");
        Assert.Equal(StatementStatus.Resolved, budget.Status);
        Assert.Contains("GK09", budget.Reason);
    }

    // ── Budgets: the narrative against YS01–YS09 ──

    private static ExtractedTable Ys03(decimal class201) => Table("YS03",
        Named("合计", ("合计", class201 + 442.09m + 1302.95m), ("基本支出", 4312.17m), ("项目支出", class201 + 442.09m + 1302.95m - 4312.17m)),
        Coded("201", "一般公共服务支出", ("合计", class201)),
        Coded("208", "社会保障和就业支出", ("合计", 442.09m)),
        Coded("221", "住房保障支出", ("合计", 1302.95m)));

    [Fact]
    public void A_budget_narrative_amount_is_held_against_the_budget_table_it_names()
    {
        // 苏州市审计局 2026: "（1）一般公共服务支出（类）支出2,906.63万元" under 一、收支预算总体情况说明.
        string[] text =
        [
            "第三部分2026年度部门预算情况说明",
            "一、收支预算总体情况说明",
            "（1）一般公共服务支出（类）支出2,906.63万元，主要用于苏州市审计局2026年度部门预算公开审计事务。与上年相比减少17.08万元，减少0.58%。",
        ];
        var right = NarrativeChecks.Run(BudgetTablesOf(Ys03(2906.63m)), NarrativeText.Read([Page(23, text)]), "苏州市审计局");
        var check = Single(right, "narrative.YS03.class.201");
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal(["YS03"], check.Tables);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.YS03.class_change.201").Status);

        var wrong = Single(NarrativeChecks.Run(BudgetTablesOf(Ys03(2960.63m)), NarrativeText.Read([Page(23, text)]), "苏州市审计局"), "narrative.YS03.class.201");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(2960.63m, wrong.Expected);
        Assert.Equal(2906.63m, wrong.Actual);
    }

    private static ExtractedTable Ys05() => Table("YS05",
        Named("合计", ("合计", 3861.25m), ("基本支出", 3861.25m), ("上年执行数", 3900.00m)),
        Coded("201", "一般公共服务支出", ("合计", 2943.48m), ("基本支出", 2943.48m), ("上年执行数", 2990.00m)),
        Coded("20113", "商贸事务", ("合计", 2943.48m), ("基本支出", 2943.48m), ("上年执行数", 2990.00m)),
        Coded("2011301", "行政运行", ("合计", 2163.74m), ("基本支出", 2163.74m), ("上年执行数", 2200.00m)),
        Coded("2011302", "一般行政管理事务", ("合计", 518.06m), ("基本支出", 518.06m), ("上年执行数", 529.00m)),
        Coded("2011350", "事业运行", ("合计", 261.68m), ("基本支出", 261.68m), ("上年执行数", 261.00m)),
        Coded("221", "住房保障支出", ("合计", 917.77m), ("基本支出", 917.77m), ("上年执行数", 910.00m)));

    [Theory]
    [InlineData("（一）2011301-行政运行2163.74万元。主要用于局本级基本支出。", "narrative.YS05.item.2011301", CheckStatus.Pass)] // 福州市商务局 2026
    [InlineData("（一）2011301-行政运行2136.74万元。主要用于局本级基本支出。", "narrative.YS05.item.2011301", CheckStatus.Fail)]
    [InlineData("2026年度一般公共预算拨款基本支出3861.25万元，其中：", "narrative.YS05.basic", CheckStatus.Pass)] // 福州市商务局 2026
    [InlineData("2026年度一般公共预算拨款基本支出3816.25万元，其中：", "narrative.YS05.basic", CheckStatus.Fail)]
    [InlineData("1.一般公共服务（类）商贸事务（款）行政运行（项）2026年预算数为2163.74万元，比2025年执行数减少36.26万元，降幅1.65%。", "narrative.YS05.item.2011301", CheckStatus.Pass)] // 国家信访局 2026's form
    [InlineData("1.一般公共服务（201类）商贸事务（13款）行政运行（01项）2163.74万元。2025年当年预算执行数为2200.00万元，2026年预算安排2163.74万元。", "narrative.YS05.item_prior.2011301", CheckStatus.Pass)] // 上海市普陀区司法局 2026's form
    [InlineData("1.一般公共服务（201类）商贸事务（13款）行政运行（01项）2163.74万元。2025年当年预算执行数为2020.00万元，2026年预算安排2163.74万元。", "narrative.YS05.item_prior.2011301", CheckStatus.Fail)]
    public void A_budget_narrative_item_is_held_against_the_general_budget_table(string sentence, string id, string status)
    {
        string[] text = ["第三部分", "福州市商务局2026年部门预算情况说明", "二、一般公共预算拨款支出情况", sentence];
        var checks = NarrativeChecks.Run(BudgetTablesOf(Ys05()), NarrativeText.Read([Page(26, text)]), "福州市商务局");
        Assert.Equal(status, Single(checks, id).Status);
    }

    [Fact]
    public void A_budget_three_public_total_is_held_against_the_year_s_row_and_last_year_s_against_the_prior_row()
    {
        // 上海市普陀区司法局 2026 and 长春市信访局 2026.
        var ys07 = Table("YS07",
            Line("本年预算数", "", ("合计", 10.81m), ("因公出国（境）费", 0m), ("公务用车购置及运行维护费", 9.98m), ("公务接待费", 0.83m)),
            Line("上年预算数", "", ("合计", 12.43m), ("因公出国（境）费", 0m), ("公务用车购置及运行维护费", 11.60m), ("公务接待费", 0.83m)));
        string[] Text(string prior) =>
        [
            "一、2026年“三公”经费预算情况说明",
            "2026年“三公”经费预算数为10.81万元，比2025年预算持平。其中：",
            "（二）公务用车购置及运行费9.98万元，与2025年预算持平，主要原因是公务车用车运行无变化。",
            $"2026年“三公经费”预算数为10.81万元，2025年预算数为{prior}万元，和2025年相比预算减少1.62万元。",
        ];
        var right = NarrativeChecks.Run(BudgetTablesOf(ys07), NarrativeText.Read([Page(22, Text("12.43"))]), "测试局");
        Assert.All(right.Where(c => c.Id == "narrative.YS07.total"), c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Equal(2, right.Count(c => c.Id == "narrative.YS07.total"));
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.YS07.vehicles").Status);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.YS07.total_prior").Status);

        var wrong = NarrativeChecks.Run(BudgetTablesOf(ys07), NarrativeText.Read([Page(22, Text("9.23"))]), "测试局");
        Assert.Equal(CheckStatus.Fail, Single(wrong, "narrative.YS07.total_prior").Status);
    }

    [Fact]
    public void A_budget_three_public_table_read_without_rows_skips_rather_than_reading_zero()
    {
        string[] text = ["一、2026年“三公”经费预算情况说明", "2026年“三公”经费预算数为10.81万元，比2025年预算持平。"];
        var check = Single(NarrativeChecks.Run(BudgetTablesOf(Table("YS07")), NarrativeText.Read([Page(22, text)]), "测试局"), "narrative.YS07.total");
        Assert.Equal(CheckStatus.Skipped, check.Status);
        Assert.Contains("no row", check.Message);
    }

    [Fact]
    public void A_class_listed_under_a_project_total_is_held_against_its_project_column()
    {
        // 长沙市信访局 2026: "（二）项目支出：2026年本单位项目支出预算417.41万元，…其中：一般公共服务支出417.41万元".
        var ys05 = Table("YS05",
            Named("合计", ("合计", 1935.36m), ("基本支出", 1517.95m), ("项目支出", 417.41m)),
            Coded("201", "一般公共服务支出", ("合计", 1935.36m), ("基本支出", 1517.95m), ("项目支出", 417.41m)));
        string[] text =
        [
            "四、一般公共预算拨款支出",
            "（二）项目支出：2026年本单位项目支出预算417.41万元，主要是单位为完成特定行政工作任务或事业发展目标而发生的支出，其中：一般公共服务支出417.41万元，主要用于信访业务工作专项。",
        ];
        var checks = NarrativeChecks.Run(BudgetTablesOf(ys05), NarrativeText.Read([Page(8, text)]), "长沙市信访局");
        Assert.Equal(CheckStatus.Pass, Single(checks, "narrative.YS05.project").Status);
        Assert.Equal(CheckStatus.Pass, Single(checks, "narrative.YS05.class_project.201").Status);
    }

    // ── Sections ──

    [Fact]
    public void Parts_and_budget_headings_open_sections_and_glossaries_open_none()
    {
        var narrative = NarrativeText.Read([Page(40,
            "第三部分",
            "福州市商务局2026年部门预算情况说明",
            "一、预算收支总体情况",
            "二、一般公共预算拨款支出情况",
            "七、预算绩效目标情况",
            "第四部分",
            "名词解释",
            "十一、项目支出：指在基本支出之外为完成相关行政任务所发生的支出。")]);
        NarrativeScope ScopeOf(string start) => narrative.Paragraphs.First(p => p.Text.StartsWith(start, StringComparison.Ordinal)).Scope;
        Assert.Equal(NarrativeScope.Department, ScopeOf("一、预算收支"));
        Assert.Equal(NarrativeScope.GeneralBudget, ScopeOf("二、一般公共预算"));
        Assert.Equal(NarrativeScope.Other, ScopeOf("七、预算绩效"));
        Assert.Equal(NarrativeScope.None, ScopeOf("十一、项目支出"));
    }

    [Fact]
    public void A_sub_heading_names_the_section_under_a_heading_that_names_none()
    {
        // 杭州市司法局 2026: "二、…部门预算安排情况说明" then "（二）收入预算情况说明", "（五）一般公共预算当年拨款情况说明".
        var narrative = NarrativeText.Read([Page(4,
            "二、2026年杭州市司法局部门预算安排情况说明",
            "（二）收入预算情况说明（详见表1-3）",
            "（五）一般公共预算当年拨款情况说明（详见表5）",
            "（十）其他重要事项的情况说明")]);
        Assert.Equal([NarrativeScope.Other, NarrativeScope.Department, NarrativeScope.GeneralBudget, NarrativeScope.Other], narrative.Paragraphs.Select(p => p.Scope));
    }
}
