using Extractor.Checks;
using Extractor.Rows;
using static Extractor.Tests.Checks.CheckTables;
using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

public sealed class NarrativeChecksTests
{
    private static ExtractedTable Gk01() => Table("GK01",
        Line("收入", "一般公共预算财政拨款收入", ("金额", 652.66m)),
        Line("支出", "文化旅游体育与传媒支出", ("金额", 466.39m)),
        Line("支出", "社会保障和就业支出", ("金额", 186.27m)),
        Line("收入", "本年收入合计", ("金额", 652.66m)),
        Line("支出", "本年支出合计", ("金额", 652.66m)),
        Line("收入", "总计", ("金额", 652.66m)),
        Line("支出", "总计", ("金额", 652.66m)));

    private static ExtractedTable Gk03() => Table("GK03",
        Named("合计", ("本年支出合计", 652.66m), ("基本支出", 580.66m), ("项目支出", 72.00m)),
        Coded("207", "文化旅游体育与传媒支出", ("本年支出合计", 466.39m), ("基本支出", 394.39m), ("项目支出", 72.00m)),
        Coded("208", "社会保障和就业支出", ("本年支出合计", 186.27m), ("基本支出", 186.27m)));

    private static ExtractedTable Gk05() => Table("GK05",
        Named("合计", ("小计", 652.66m), ("基本支出", 580.66m), ("项目支出", 72.00m)),
        Coded("207", "文化旅游体育与传媒支出", ("小计", 466.39m), ("基本支出", 394.39m), ("项目支出", 72.00m)),
        Coded("20708", "广播电视", ("小计", 466.39m), ("基本支出", 394.39m), ("项目支出", 72.00m)),
        Coded("2070808", "广播电视事务", ("小计", 466.39m), ("基本支出", 394.39m), ("项目支出", 72.00m)),
        Coded("208", "社会保障和就业支出", ("小计", 186.27m), ("基本支出", 186.27m)));

    private static ExtractedTable Gk09(decimal budget) => Table("GK09", "万元", 9,
        Line("预算数", "", ("合计", budget), ("公务用车购置及运行维护费", budget), ("公务用车运行费", budget)),
        Line("决算数", "", ("合计", 0.87m), ("公务用车购置及运行维护费", 0.87m), ("公务用车运行费", 0.87m)));

    private static IReadOnlyList<CheckResult> Narrative(IEnumerable<ExtractedTable> tables, params string[] lines) =>
        NarrativeChecks.Run(TablesOf(tables.ToArray()), NarrativeText.Read([Page(12, lines)]), "测试局");

    private static readonly string[] ThreePublic =
    [
        "九、财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费财政拨款支出全年预算为3万元，支出决算为0.87万元，完成全年预算的",
        "29%。较上年减少1.03万元，减少54.2%，决算数小于全年预算数的主要原因：维修费减少。",
    ];

    [Fact]
    public void A_budget_the_three_public_expenses_table_contradicts_fails_and_one_it_prints_passes()
    {
        var wrong = Single(Narrative([Gk09(0.87m)], ThreePublic), "narrative.GK09.total_budget");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(0.87m, wrong.Expected);
        Assert.Equal(3m, wrong.Actual);
        Assert.Equal([9, 12], wrong.Pages);
        Assert.StartsWith("2024年度“三公”经费财政拨款支出全年预算为3万元", wrong.Quote);

        var right = Narrative([Gk09(3.00m)], ThreePublic);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.GK09.total_budget").Status);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.GK09.total").Status);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.GK09.total_completion").Status);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.GK09.total_change").Status);
        Assert.Equal(CheckStatus.Pass, Single(right, "narrative.GK09.total_direction").Status);
    }

    private static string[] Structure(string basicShare, string basic = "580.66") =>
    [
        "三、支出决算情况说明",
        $"2024年度支出合计652.66万元，其中：基本支出{basic}万元，占本年支出{basicShare}%；项目支出72万元，占本年支出11%。",
    ];

    [Fact]
    public void Amounts_and_shares_of_the_expenditure_structure_are_checked_against_the_tables()
    {
        var good = Narrative([Gk01(), Gk03()], Structure("89"));
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK01.expenditure_total").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK03.basic").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK03.project").Status);
        var share = Single(good, "narrative.GK03.basic_share");
        Assert.Equal(CheckStatus.Pass, share.Status);
        Assert.Equal(89m, share.Actual);

        Assert.Equal(CheckStatus.Fail, Single(Narrative([Gk01(), Gk03()], Structure("85")), "narrative.GK03.basic_share").Status);
        var amount = Single(Narrative([Gk01(), Gk03()], Structure("89", basic: "590.66")), "narrative.GK03.basic");
        Assert.Equal(CheckStatus.Fail, amount.Status);
        Assert.Equal(580.66m, amount.Expected);
    }

    private static string[] Items(string rate, string share = "71.5") =>
    [
        "五、一般公共预算财政拨款支出决算情况说明",
        "（二）一般公共预算财政拨款支出决算结构情况",
        "2024年度一般公共预算财政拨款支出652.66万元，主要用于以下方面：",
        $"1.文化旅游体育与传媒支出类支出466.39万元，占{share}%。",
        "2.社会保障和就业支出类支出186.27万元，占28.5%。",
        "（三）一般公共预算财政拨款支出决算具体情况",
        "(1)文化旅游体育与传媒支出（类）广播电视（款）广播电视事务（项）。年初预算为454.82万元，",
        $"支出决算为466.39万元，完成年初预算的{rate}%，支出决算数大于年初预算数的主要原因：人员调动。",
    ];

    [Fact]
    public void Class_shares_and_item_completion_rates_follow_the_general_budget_table()
    {
        var good = Narrative([Gk05()], Items("102.5"));
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK05.total").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK05.class.207").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK05.class_share.207").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK05.class_share.208").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK05.item.2070808").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK05.item_completion.2070808").Status);
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK05.item_direction.2070808").Status);

        var wrong = Narrative([Gk05()], Items("103.5", share: "70.5"));
        var completion = Single(wrong, "narrative.GK05.item_completion.2070808");
        Assert.Equal(CheckStatus.Fail, completion.Status);
        Assert.Equal(103.5m, completion.Actual);
        Assert.Equal(CheckStatus.Fail, Single(wrong, "narrative.GK05.class_share.207").Status);
    }

    [Fact]
    public void A_change_rate_is_checked_against_the_prior_year_it_implies()
    {
        string[] Text(string rate) =>
        [
            "一、收入支出决算总体情况说明",
            "2024年度收、支总计均为652.66万元。",
            $"与2023年度相比，收、支总计减少265.82万元，减少{rate}%，主要原因是项目完工。",
        ];
        var good = Narrative([Gk01()], Text("28.9"));
        Assert.Equal(CheckStatus.Pass, Single(good, "narrative.GK01.grand_total").Status);
        var change = Single(good, "narrative.GK01.grand_total_change");
        Assert.Equal(CheckStatus.Pass, change.Status);
        Assert.Equal(28.9413m, change.Expected);

        Assert.Equal(CheckStatus.Fail, Single(Narrative([Gk01()], Text("26.9")), "narrative.GK01.grand_total_change").Status);
    }

    [Fact]
    public void A_change_names_the_figure_it_measures_and_the_prior_year_amount_it_implies()
    {
        string[] text =
        [
            "一、收入支出决算总体情况说明",
            "2024年度收、支总计均为652.66万元。",
            "与2023年度相比，收、支总计减少265.82万元，减少28.9%，主要原因是项目完工。",
        ];
        var change = Single(Narrative([Gk01()], text), "narrative.GK01.grand_total_change");
        // The figure is GK01's 总计 line on the income side, a fact that the previous year's GK01 has too.
        Assert.Equal(new CheckFigure("GK01", "收入", "", "总计", "金额", 652.66m, 1), change.Figure);
        // 652.66 + 265.82, each printed to 0.01 万元.
        Assert.Equal(new PriorAmount(918.48m, 0.010m, "上年", 2023), change.Prior);
    }

    [Theory]
    [InlineData("比上年增加12.30万元", "上年", null)]
    [InlineData("与2023年度相比，支出减少5万元", "上年", 2023)]
    [InlineData("比上年预算数减少1.77万元", "上年预算", null)]
    [InlineData("较2025年年初预算减少16,640.31万元", "上年预算", 2025)]
    [InlineData("比上年执行数增加6,600.98万元", "上年执行数", null)]
    [InlineData("比2023年度决算数减少265.82万元", "上年决算", 2023)]
    [InlineData("同比增加3万元", "上年", null)]
    [InlineData("主要用于日常运转，增加3万元", "", null)]
    public void The_words_before_a_change_say_what_it_is_measured_against(string text, string basis, int? year)
    {
        Assert.Equal((basis, year), NarrativeChecks.ComparedWith(text, text.LastIndexOfAny("0123456789".ToCharArray())));
    }

    [Fact]
    public void Saying_the_outturn_exceeds_the_budget_when_it_does_not_fails()
    {
        string[] Text(string word) =>
        [
            "五、一般公共预算财政拨款支出决算情况说明",
            "1、文化旅游体育与传媒支出（类）广播电视（款）广播电视事务（项）。主要用于：日常运转。",
            "年初预算为480.00万元，支出决算为466.39万元。",
            $"决算数{word}预算数的主要原因：人员减少。",
        ];
        var wrong = Single(Narrative([Gk05()], Text("大于")), "narrative.GK05.item_direction.2070808");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(480.00m, wrong.Expected);
        Assert.Equal(466.39m, wrong.Actual);
        Assert.Equal(CheckStatus.Pass, Single(Narrative([Gk05()], Text("小于")), "narrative.GK05.item_direction.2070808").Status);
    }

    [Fact]
    public void Parts_listed_in_the_sentence_after_their_total_are_shares_of_that_total()
    {
        string[] Text(string share) =>
        [
            "二、收入决算情况说明",
            "2024年度本年收入合计652.66万元，较上年减少265.82万元，下降28.9%。",
            $"其中：一般公共预算财政拨款收入652.66万元，占{share}%。",
        ];
        var good = Single(Narrative([Gk01()], Text("100")), "narrative.GK01.general_income_share");
        Assert.Equal(CheckStatus.Pass, good.Status);
        Assert.Contains("652.66万元", good.Message);
        Assert.Equal(CheckStatus.Fail, Single(Narrative([Gk01()], Text("90")), "narrative.GK01.general_income_share").Status);
    }

    [Fact]
    public void A_share_printed_cut_off_rather_than_rounded_warns()
    {
        var checks = Narrative([Gk01(), Gk03()], Structure("88.9"));
        // 580.66 / 652.66 = 88.968 %: 88.9 is the ratio cut off, not rounded (89.0).
        var share = Single(checks, "narrative.GK03.basic_share");
        Assert.Equal(CheckStatus.Warn, share.Status);
        Assert.Contains("cut off", share.Message);
    }

    [Fact]
    public void Sentences_run_over_lines_and_pages_and_page_numbers_are_dropped()
    {
        var document = Document([Gk09(0.87m)],
            Page(12, "九、财政拨款“三公”经费支出决算情况说明", "2024年度“三公”经费财政拨款支出全年预算为3", "12"),
            Page(13, "万元，支出决算为0.87万元。"));
        var check = Single(NarrativeChecks.Run(new DocumentTables(document, Extractor.Templates.TemplateCatalog.Default), NarrativeText.Read(document.Text)), "narrative.GK09.total_budget");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal("2024年度“三公”经费财政拨款支出全年预算为3万元，支出决算为0.87万元。", check.Quote);
        Assert.Equal([9, 12, 13], check.Pages);
    }

    [Fact]
    public void Outside_the_sections_that_describe_the_tables_only_a_share_s_explicit_base_is_resolved()
    {
        // Issue 18 changed this: the 绩效 section's "占一般公共预算项目支出总额的98.3%" names GK05's 项目支出 by itself
        // (72 / 72.00 = 100%, so 98.3% — the execution rate 72 / 73.28 — fails); its amounts still name no figure.
        var checks = Narrative([Gk01(), Gk03(), Gk05()],
            "十三、预算绩效情况说明",
            "共涉及项目四个，资金72万元，占一般公共预算项目支出总额的98.3%。",
            "项目经费年初预算73.28万元，实际支出72万元，资金执行率为98.3%。");
        Assert.Equal(["narrative.GK05.project_part_share"], checks.Where(c => c.Id.StartsWith("narrative.GK", StringComparison.Ordinal)).Select(c => c.Id));
        Assert.Equal(CheckStatus.Fail, Single(checks, "narrative.GK05.project_part_share").Status);
        Assert.Equal(CheckStatus.Pass, Single(checks, "narrative.completion").Status);
    }

    [Fact]
    public void A_stated_gap_between_outturn_and_budget_is_checked()
    {
        string[] Text(string gap) =>
        [
            "九、财政拨款“三公”经费支出决算情况说明",
            $"2024年度“三公”经费支出预算3.00万元，支出决算0.87万元，完成预算的29%，决算数较预算数减少{gap}万元。",
        ];
        var good = Single(Narrative([Gk09(3.00m)], Text("2.13")), "narrative.GK09.total_gap");
        Assert.Equal(CheckStatus.Pass, good.Status);
        var wrong = Single(Narrative([Gk09(3.00m)], Text("1.13")), "narrative.GK09.total_gap");
        Assert.Equal(CheckStatus.Fail, wrong.Status);
        Assert.Equal(-2.13m, wrong.Expected);
        Assert.Equal(-1.13m, wrong.Actual);
    }

    private static ExtractedTable Gk07(decimal? spending) => Table("GK07",
        spending is { } v ? Named("合计", ("本年收入", v), ("小计", v), ("项目支出", v)) : Named("合计"));

    [Fact]
    public void An_empty_fund_table_must_be_explained_and_a_table_with_amounts_must_not_be_called_empty()
    {
        var statement = Page(8, "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。", "本部门2024年度无政府性基金预算财政拨款收入支出。");
        var instruction = Page(8, "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：");

        var empty = Single(EmptyTableStatements.Run(TablesOf(Gk07(null)), NarrativeText.Read([statement])), "narrative.GK07.none");
        Assert.Equal(CheckStatus.Pass, empty.Status);
        Assert.Equal("本部门2024年度无政府性基金预算财政拨款收入支出。", empty.Quote);

        Assert.Equal(CheckStatus.Fail, Single(EmptyTableStatements.Run(TablesOf(Gk07(5.00m)), NarrativeText.Read([statement])), "narrative.GK07.none").Status);
        var narrative = Page(20, "一、收入支出决算总体情况说明", "2024年度收、支总计均为652.66万元。");
        Assert.Equal(CheckStatus.Fail, Single(EmptyTableStatements.Run(TablesOf(Gk07(null)), NarrativeText.Read([instruction, narrative])), "narrative.GK07.none").Status);
        // Tables published without their narrative: nothing to hold the empty table against.
        Assert.Equal(CheckStatus.Skipped, Single(EmptyTableStatements.Run(TablesOf(Gk07(null)), NarrativeText.Read([instruction])), "narrative.GK07.none").Status);
        Assert.Equal(CheckStatus.Skipped, Single(EmptyTableStatements.Run(TablesOf(Gk07(null)), NarrativeText.Read([statement])), "narrative.GK08.none").Status);

        // The section heading names the fund; the sentence only says there was none.
        var section = Page(20, "七、政府性基金预算财政拨款收入支出决算情况说明", "本部门本年度无此项收支。");
        Assert.Equal(CheckStatus.Pass, Single(EmptyTableStatements.Run(TablesOf(Gk07(null)), NarrativeText.Read([section])), "narrative.GK07.none").Status);
    }
}
