using Extractor.Arithmetic;
using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Templates;
using Extractor.Tests.Recognition;

namespace Extractor.Tests.Arithmetic;

/// <summary>The reader choosing between readings of the same printed figures by the table's own arithmetic.</summary>
public sealed class ReadingJudgeTests
{
    private static ExtractedTable Read(string id, int bodyStart, params string[][] rows) => Tests.Rows.GridRows.Read(id, bodyStart, null, [], rows);

    private static readonly string[] Header = ["科目编码", "科目名称", "小计", "基本支出", "项目支出"];

    // The table as printed: 小计 = 基本支出 + 项目支出, 类 = Σ 款, 合计 = Σ 类.
    private static ExtractedTable Right() => Read("GK05", 1, Header,
        ["", "合计", "12.00", "9.00", "3.00"],
        ["201", "一般公共服务支出", "10.00", "8.00", "2.00"],
        ["20101", "人大事务", "10.00", "8.00", "2.00"],
        ["208", "社会保障和就业支出", "2.00", "1.00", "1.00"],
        ["20805", "行政事业单位养老支出", "2.00", "1.00", "1.00"]);

    // The same figures with a column boundary in the wrong place: the 基本支出 figures of the 类 rows landed under
    // 项目支出 and theirs in a column of their own, as a misplaced boundary between two right-aligned columns does.
    private static ExtractedTable WrongSplit() => Read("GK05", 1, ["科目编码", "科目名称", "小计", "基本支出", "项目支出", "其他"],
        ["", "合计", "12.00", "9.00", "3.00", ""],
        ["201", "一般公共服务支出", "10.00", "", "8.00", "2.00"],
        ["20101", "人大事务", "10.00", "8.00", "2.00", ""],
        ["208", "社会保障和就业支出", "2.00", "", "1.00", "1.00"],
        ["20805", "行政事业单位养老支出", "2.00", "1.00", "1.00", ""]);

    [Fact]
    public void A_reading_with_a_wrong_column_split_is_rejected_for_the_one_under_which_the_table_adds_up()
    {
        var wrong = WrongSplit();
        var judgement = ReadingJudge.Choose(wrong, () => [new ReadingJudge.Candidate("text alignment", Right())]);

        Assert.Equal("text alignment", judgement.Kept);
        var reading = judgement.Table.Reading!;
        Assert.Equal(0, reading.IdentitiesFailed);
        Assert.True(reading.IdentitiesHeld > 0);
        Assert.Null(reading.Doubt);
        Assert.Contains("as detected", reading.Reason);
        // Both readings are recorded, with how each fared; the wrong one broke identities.
        var tried = reading.Tried.ToDictionary(t => t.Name);
        Assert.True(tried["as detected"].IdentitiesFailed > 0);
        Assert.True(tried["text alignment"].Kept);
        // The kept rows are the right ones: 201's 基本支出 is 8.00.
        var row201 = judgement.Table.Rows.Single(r => r.CodePrinted == "201");
        Assert.Equal(8.00m, row201.Values.Single(v => v.Column == "基本支出").Value);
    }

    [Fact]
    public void A_reading_whose_identities_all_hold_is_kept_without_trying_others()
    {
        var asked = false;
        var judgement = ReadingJudge.Choose(Right(), () =>
        {
            asked = true;
            return [new ReadingJudge.Candidate("text alignment", WrongSplit())];
        });

        Assert.False(asked);
        Assert.Equal(TableReading.AsDetected, judgement.Kept);
        Assert.Equal(1.0, judgement.Table.Reading!.Confidence);
        Assert.Equal("", judgement.Table.Reading.Reason);
    }

    [Fact]
    public void A_reading_that_breaks_identities_is_kept_when_no_other_does_better_and_its_share_is_recorded()
    {
        // A real error of the document: 201's 小计 printed 1.00 too high. No other reading can fix a printed value.
        var printedWrong = Read("GK05", 1, Header,
            ["", "合计", "12.00", "9.00", "3.00"],
            ["201", "一般公共服务支出", "11.00", "8.00", "2.00"],
            ["20101", "人大事务", "10.00", "8.00", "2.00"],
            ["208", "社会保障和就业支出", "2.00", "1.00", "1.00"],
            ["20805", "行政事业单位养老支出", "2.00", "1.00", "1.00"]);
        var judgement = ReadingJudge.Choose(printedWrong, () => [new ReadingJudge.Candidate("text alignment", WrongSplit())]);

        Assert.Equal(TableReading.AsDetected, judgement.Kept);
        var reading = judgement.Table.Reading!;
        Assert.True(reading.IdentitiesFailed >= 1);
        Assert.True(reading.IdentityShare < 1.0);
        Assert.Contains("no other reading tried did better", reading.Reason);
        // One wrong figure among many is the document's error, not a doubtful reading.
        Assert.Null(reading.Doubt);
    }

    [Fact]
    public void A_table_whose_printed_amounts_were_not_read_at_all_is_doubtful()
    {
        // The amounts stand in a column no header names as one the rows are read from (nothing read).
        var unread = Read("GK05", 1, ["科目编码", "科目名称", "小计"], ["201", "一般公共服务支出", ""], ["", "", "10.00"]);
        var emptied = unread with { Rows = unread.Rows.Select(r => r with { Values = [] }).ToList() };
        var judgement = ReadingJudge.Choose(emptied, () => []);

        var reading = judgement.Table.Reading!;
        Assert.Equal(1, reading.AmountsPrinted);
        Assert.Equal(0, reading.AmountsRead);
        Assert.Equal(0.0, reading.Confidence);
        Assert.Contains("none of the 1 amounts", reading.Doubt);
    }
}
