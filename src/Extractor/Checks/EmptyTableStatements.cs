using System.Text.RegularExpressions;
using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// GK07 (政府性基金) and GK08 (国有资本经营) are often printed empty, with a sentence saying the department had
/// none ("本部门无政府性基金预算财政拨款收入支出", "没有使用国有资本经营预算安排的支出，故本表无数据"). The table must
/// be empty exactly when such a sentence says so: a table with amounts and a sentence saying there were none is a
/// <c>fail</c>; an empty table that no sentence explains is a <c>fail</c> too, since the rules ask for the explanation.
/// Ids: <c>narrative.GK07.none</c>, <c>narrative.GK08.none</c>.
/// </summary>
public static partial class EmptyTableStatements
{
    private static readonly (string Table, string Fund)[] Funds = [("GK07", "政府性基金"), ("GK08", "国有资本经营")];

    public static IEnumerable<CheckResult> Run(DocumentTables tables, NarrativeText narrative)
    {
        foreach (var (id, fund) in Funds)
        {
            var checkId = $"narrative.{id}.none";
            var table = tables[id];
            if (table is null)
            {
                yield return CheckList.Skipped(checkId, [id], tables.MissingMessage([id]));
                continue;
            }
            var scope = id == "GK07" ? NarrativeScope.GovernmentFund : NarrativeScope.StateCapital;
            var tablePagesSet = table.Table.Source.Pages.ToHashSet();
            var statement = narrative.Paragraphs.SelectMany(p => p.Sentences.Select(s => (Paragraph: p, Sentence: s)))
                .FirstOrDefault(x => SaysNone(x.Sentence.Text, fund)
                    // "七、政府性基金预算…情况说明 / 本部门无此项收支。": the section names the fund.
                    || (x.Paragraph.Scope == scope && !x.Paragraph.IsHeading && NoneInSection().IsMatch(x.Sentence.Text))
                    // "注：本表无数据。" under the table.
                    || (tablePagesSet.Contains(x.Sentence.FirstPage) && EmptyTable().IsMatch(x.Sentence.Text) && x.Sentence.Text.Contains("本表", StringComparison.Ordinal)))
                .Sentence;
            var amounts = table.Rows.SelectMany(r => r.Values).Where(v => v.Value != 0).ToList();
            var total = table.TotalRow;
            var tablePages = table.Table.Source.Pages;
            if (statement is null)
            {
                if (amounts.Count > 0) continue; // a table with amounts needs no "none" sentence
                if (!narrative.Paragraphs.Any(p => p.Scope != NarrativeScope.None))
                {
                    // Tables published without their 情况说明 (a separate file): nothing to hold the table against.
                    yield return CheckList.Skipped(checkId, [id], $"{id} has no amounts, and the document has no 情况说明 (narrative) that could say why.", tablePages);
                    continue;
                }
                yield return new CheckResult
                {
                    Id = checkId,
                    Tables = [id],
                    Status = CheckStatus.Fail,
                    Pages = tablePages,
                    Message = $"{id} is printed without amounts, and no sentence of the document says the department had no {fund}预算财政拨款 income or spending.",
                };
                continue;
            }
            var pages = tablePages.Append(statement.FirstPage).Where(p => p > 0).Distinct().Order().ToList();
            if (amounts.Count == 0)
            {
                yield return new CheckResult
                {
                    Id = checkId,
                    Tables = [id],
                    Status = CheckStatus.Pass,
                    Pages = pages,
                    Message = $"{id} has no amounts, as the document says.",
                    Quote = statement.Text.Trim(),
                };
                continue;
            }
            var largest = amounts.OrderByDescending(v => Math.Abs(v.Value)).First();
            yield return new CheckResult
            {
                Id = checkId,
                Tables = [id],
                Status = CheckStatus.Fail,
                Expected = 0,
                Actual = total is not null && table.Raw(total, largest.Column) is { } t ? t : largest.Value * table.Factor,
                Pages = pages,
                Message = $"The document says there was no {fund}预算财政拨款 income or spending, but {id} prints amounts ({largest.Column} {SumIdentity.F(largest.Value)} on page {largest.Page}).",
                Quote = statement.Text.Trim(),
                Cells = amounts.Select(v => new CheckCell(id, v.Page, v.Box, v.Column, CellRole.Figure, CheckStatus.Fail)).ToList(),
            };
        }
    }

    /// <summary>Whether a sentence says the department had no funds of this kind (not an instruction "无…的，仍保留…").</summary>
    public static bool SaysNone(string sentence, string fund)
    {
        var s = string.Concat(sentence.Where(c => !char.IsWhiteSpace(c)));
        foreach (Match m in None().Matches(s))
        {
            var start = m.Index + m.Length;
            var tail = s[start..Math.Min(s.Length, start + 40)];
            var fundAt = tail.IndexOf(fund, StringComparison.Ordinal);
            if (fundAt < 0 || fundAt > 12) continue;
            // "无政府性基金预算财政拨款收入支出的，仍保留该表格式": a rule for documents, not a statement.
            var after = tail[(fundAt + fund.Length)..];
            var end = after.IndexOfAny(['，', '。', '；']);
            var clause = end < 0 ? after : after[..end];
            if (clause.EndsWith('的') || after.Contains("仍保留", StringComparison.Ordinal)) continue;
            if (clause.Contains("项目", StringComparison.Ordinal)) continue; // 无…政府性基金预算项目 (绩效)
            return true;
        }
        // "…政府性基金…，故本表无数据 / 为空表", "政府性基金预算财政拨款支出0万元"
        var at = s.IndexOf(fund, StringComparison.Ordinal);
        if (at < 0) return false;
        var rest = s[at..];
        return EmptyTable().IsMatch(rest) || Zero().IsMatch(rest);
    }

    [GeneratedRegex("(无|没有|未发生|不涉及)[^，。；]{0,30}(收入|支出|收支|此项|该项|数据|决算)")]
    private static partial Regex NoneInSection();

    [GeneratedRegex("(无|没有|未发生|未安排|不存在|未使用)")]
    private static partial Regex None();

    [GeneratedRegex(@"^[^，。；]{0,20}?(收入|支出|收支)(决算)?(数)?(为|是)?0(\.0+)?万元")]
    private static partial Regex Zero();

    [GeneratedRegex("(本表无数据|本表为空|为空表|公开空表|无数据)")]
    private static partial Regex EmptyTable();
}
