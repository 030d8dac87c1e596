using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>What an amount of the narrative is, from the words just before it.</summary>
public enum AmountRole
{
    /// <summary>An amount of its subject ("基本支出580.65万元").</summary>
    Plain,
    /// <summary>A budget ("年初预算为647.10万元", "完成预算0万元的0%").</summary>
    Budget,
    /// <summary>An outturn ("支出决算为652.66万元", "执行数为0.42万元").</summary>
    Final,
    /// <summary>A change ("较上年减少1.03万元", "比预算数增加…").</summary>
    Change,
}

/// <summary>What a percentage of the narrative is.</summary>
public enum PercentKind { Other, Share, Completion, Change }

/// <summary>
/// An amount printed in a sentence: its value in 万元 and half a unit of its last printed digit, the subject
/// words before it (cleaned of ordinals, years, the department's name and role words), its role and, for a
/// change, its direction (+1 增加, −1 减少, 0 变化/持平) and whether it is measured against a budget.
/// </summary>
public sealed record AmountToken(
    int Start, int End, string Printed, decimal Value, decimal HalfUnit, int Scale,
    string RawSubject, string Subject, AmountRole Role, int Direction, bool AgainstBudget)
{
    public Amount Amount => new(Value, HalfUnit);
}

/// <summary>A percentage printed in a sentence: value, decimals, kind, and for a share the words naming its base (占本年支出 → 本年支出).</summary>
public sealed record PercentToken(int Start, int End, string Printed, decimal Value, int Scale, PercentKind Kind, string BasePhrase);

/// <summary>A sentence with its amounts and percentages in printed order.</summary>
public sealed record SentenceTokens(NarrativeSentence Sentence, NarrativeParagraph Paragraph, IReadOnlyList<AmountToken> Amounts, IReadOnlyList<PercentToken> Percents, string Topic)
{
    /// <summary>The words before the sentence's first comma when no amount is printed in them ("“三公”经费财政拨款支出决算中"), cleaned; else empty.</summary>
    public string Lead { get; init; } = string.Empty;

    /// <summary>The amount printed last before <paramref name="position"/> that matches, after <paramref name="after"/>.</summary>
    public AmountToken? Before(int position, Func<AmountToken, bool> match, int after = -1) =>
        Amounts.LastOrDefault(a => a.End <= position && a.Start >= after && match(a));

    public string Quote => Sentence.Text.Trim();
}

/// <summary>
/// Reads the statements of the narrative: amounts (万元, 元, 亿元, with thousands separators) and percentages,
/// each with the words that say what it is. "Subject" cleaning removes what does not name the item: ordinals,
/// 其中, years (2024年度), the department's name or 本部门, and the role words (年初预算为, 决算数, 较上年增加).
/// </summary>
public static partial class NarrativeStatementReader
{
    // Words that say what kind of figure an amount is, not which item: the item is the sentence's topic or the paragraph's.
    private static readonly string[] GenericSubjects = ["", "支出", "收入", "资金", "经费", "金额", "总额", "合计", "其中", "共", "预算", "决算", "预算数", "决算数", "执行数", "当年预算", "当年预算执行数"];

    public static IReadOnlyList<SentenceTokens> Read(NarrativeText narrative, string department)
    {
        var result = new List<SentenceTokens>();
        foreach (var paragraph in narrative.Paragraphs)
        {
            foreach (var sentence in paragraph.Sentences)
            {
                result.Add(Tokenize(sentence, paragraph, department));
            }
        }
        return result;
    }

    public static SentenceTokens Tokenize(NarrativeSentence sentence, NarrativeParagraph paragraph, string department)
    {
        var text = sentence.Text;
        var raw = new List<(int Start, int End, bool Percent, Match Match)>();
        foreach (Match m in AmountPattern().Matches(text)) raw.Add((m.Index, m.Index + m.Length, false, m));
        foreach (Match m in PercentPattern().Matches(text)) raw.Add((m.Index, m.Index + m.Length, true, m));
        raw.Sort((a, b) => a.Start.CompareTo(b.Start));

        var amounts = new List<AmountToken>();
        var percents = new List<PercentToken>();
        var previousEnd = 0;
        foreach (var (start, end, isPercent, match) in raw)
        {
            var segmentStart = Math.Max(previousEnd, LastDelimiter(text, start) + 1);
            var before = text[segmentStart..start];
            var number = match.Groups["num"].Value;
            if (!decimal.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                previousEnd = end;
                continue;
            }
            var scale = value.Scale;
            if (isPercent)
            {
                var (kind, basePhrase) = ClassifyPercent(text[(LastDelimiter(text, start) + 1)..start]);
                percents.Add(new PercentToken(start, end, match.Value, value, scale, kind, basePhrase));
            }
            else
            {
                var factor = Tolerance.UnitFactor(match.Groups["unit"].Value) ?? 1m;
                var (role, direction, againstBudget, subject) = Classify(before, department);
                amounts.Add(new AmountToken(start, end, match.Value, value * factor, Tolerance.HalfUnit(scale) * factor, scale,
                    before, subject, role, direction, againstBudget));
            }
            previousEnd = end;
        }
        var leadEnd = text.IndexOfAny(['，', ',', '：', ':', '；', '。']);
        var lead = leadEnd >= 0 && (amounts.Count == 0 || leadEnd < amounts[0].Start) ? CleanSubject(LeadText(text), department) : string.Empty;
        var firstSubject = amounts.Count > 0 ? amounts[0].Subject : string.Empty;
        var topic = !IsGeneric(firstSubject) ? firstSubject : lead;
        return new SentenceTokens(sentence, paragraph, amounts, percents, topic) { Lead = lead };
    }

    public static bool IsGeneric(string subject) => GenericSubjects.Contains(Names.Normalize(subject));

    /// <summary>The words before the first comma of a sentence ("2024年度“三公”经费财政拨款支出决算中").</summary>
    private static string LeadText(string text)
    {
        var end = text.IndexOfAny(['，', ',', '：', ':', '；', '。']);
        var lead = end < 0 ? text : text[..end];
        if (lead.EndsWith('中')) lead = lead[..^1];
        return lead;
    }

    private static int LastDelimiter(string text, int before)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if ("，,；;：:。！？".Contains(text[i])) return i;
            // A parenthesis that opens an aside ("（含外宾接待支出0.00万元）") ends the subject too.
            if (text[i] is '（' or '(' && i + 1 < text.Length && (text[(i + 1)..].StartsWith('含') || text[(i + 1)..].StartsWith("其中", StringComparison.Ordinal) || text[(i + 1)..].StartsWith("包括", StringComparison.Ordinal))) return i;
        }
        return -1;
    }

    private static (PercentKind Kind, string Base) ClassifyPercent(string before)
    {
        var b = before.Trim();
        var completion = CompletionWords().Match(b);
        if (completion.Success) return (PercentKind.Completion, string.Empty);
        var change = ChangeRateWords().Match(b);
        if (change.Success) return (PercentKind.Change, string.Empty);
        var share = ShareWords().Match(b);
        if (share.Success) return (PercentKind.Share, share.Groups["base"].Value);
        return (PercentKind.Other, string.Empty);
    }

    private static (AmountRole Role, int Direction, bool AgainstBudget, string Subject) Classify(string before, string department)
    {
        var text = before.Trim();
        var change = ChangeAmountWords().Match(text);
        if (change.Success)
        {
            var verb = change.Groups["verb"].Value;
            var direction = verb is "增加" or "增长" or "上升" or "超支" ? 1 : verb is "减少" or "下降" or "降低" or "节约" ? -1 : 0;
            var against = text.Contains("预算", StringComparison.Ordinal);
            return (AmountRole.Change, direction, against, CleanSubject(text[..change.Index], department));
        }
        if (InlineBudget().IsMatch(text)) return (AmountRole.Budget, 0, false, string.Empty);
        var budget = BudgetWords().Match(text);
        if (budget.Success) return (AmountRole.Budget, 0, false, CleanSubject(text[..budget.Index], department));
        var final = FinalWords().Match(text);
        if (final.Success) return (AmountRole.Final, 0, false, CleanSubject(text[..final.Index], department));
        return (AmountRole.Plain, 0, false, CleanSubject(text, department));
    }

    /// <summary>The words that name an amount's item, without what does not.</summary>
    public static string CleanSubject(string text, string department)
    {
        var s = text.Trim();
        s = Lead().Replace(s, "");
        if (department.Length > 0) s = s.Replace(department, "", StringComparison.Ordinal);
        s = SelfReference().Replace(s, "");
        s = Year().Replace(s, "");
        for (var i = 0; i < 3; i++)
        {
            var before = s;
            s = Ordinal().Replace(s, "");
            s = Filler().Replace(s, "");
            s = Trailing().Replace(s, "");
            if (s == before) break;
        }
        return s.Trim();
    }

    [GeneratedRegex(@"(?<![\d.,])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元|万(?=[（(，,。；;）)、]|$))(?![/／每])")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?<![\d.,])(?<num>\d+(?:\.\d+)?)\s*[%％]")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"(完成(了)?[^，,；;。]*?预算[^，,；;。]*?的|执行率(为|是|达到?)?|完成率(为|是)?)\s*$")]
    private static partial Regex CompletionWords();

    [GeneratedRegex(@"^(同比|较上年|比上年)?(增长|下降|降低|减少|增加|上升|增幅|降幅|减幅)(了|为|达)?\s*$")]
    private static partial Regex ChangeRateWords();

    [GeneratedRegex(@"占(比)?(?<base>[^，,；;。]*?)(的)?(比重|比例|比)?(为|是|达)?\s*$")]
    private static partial Regex ShareWords();

    [GeneratedRegex(@"(?<verb>增加|减少|增长|下降|降低|上升|变化|节约|超支)(了)?(为|是)?\s*$")]
    private static partial Regex ChangeAmountWords();

    [GeneratedRegex(@"完成(了)?(年初|全年|调整后)?预算(数)?\s*$")]
    private static partial Regex InlineBudget();

    [GeneratedRegex(@"(年初预算|全年预算|调整后预算|调整预算|预算安排|预算金额|预算数|预算)(数)?(为|是)?\s*$")]
    private static partial Regex BudgetWords();

    [GeneratedRegex(@"(决算数|决算|执行数|实际支出|实际执行|支付)(数)?(为|是)?\s*$")]
    private static partial Regex FinalWords();

    [GeneratedRegex(@"^.*?(划分为|分别为|以下方面|具体如下|具体包括|主要包括|主要有|其中)[：:]?")]
    private static partial Regex Lead();

    [GeneratedRegex(@"(本部门|本单位|我单位|我部门|我局|我中心|我委|我院|我办|本局|本级)")]
    private static partial Regex SelfReference();

    [GeneratedRegex(@"(\d{4}\s*年(度)?|本年度|上年度|当年|全年(?!预算))")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)][、.．]?|\d{1,2}[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]|其中[：:]?|包括[：:]?)")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(的|为|是|和|及|、)")]
    private static partial Regex Filler();

    [GeneratedRegex(@"(均为|为|是|达到|达|约|共计|共|总额为|金额为|的|各|均)\s*$")]
    private static partial Regex Trailing();
}
