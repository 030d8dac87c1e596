using System.Text;
using System.Text.RegularExpressions;
using Extractor.Pdf;
using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>A sentence of the narrative (up to 。！？), with the page each of its characters was read from.</summary>
public sealed record NarrativeSentence(string Text, IReadOnlyList<int> Pages, int Paragraph)
{
    public int PageAt(int index) => Pages.Count == 0 ? 0 : Pages[Math.Clamp(index, 0, Pages.Count - 1)];
    public int FirstPage => Pages.Count == 0 ? 0 : Pages[0];
}

/// <summary>
/// A paragraph of the narrative: its sentences, whether it is a heading (一、… / （一）… on a line of its own),
/// and the section it belongs to (<see cref="Scope"/>: which tables its amounts speak of).
/// </summary>
public sealed record NarrativeParagraph(int Index, string Text, IReadOnlyList<NarrativeSentence> Sentences, bool IsHeading, NarrativeScope Scope, bool IsEnumerationItem);

/// <summary>Which tables a section of the narrative describes, from its heading.</summary>
public enum NarrativeScope
{
    /// <summary>Not the narrative of the figures: 概况, 职责, 名词解释, 重点工作, the list of tables, attachments, or before any heading.</summary>
    None,
    /// <summary>收入支出决算总体 / 收入决算 / 支出决算: GK01, GK02, GK03.</summary>
    Department,
    /// <summary>财政拨款收入支出决算总体情况: GK04.</summary>
    Appropriation,
    /// <summary>一般公共预算财政拨款支出: GK05.</summary>
    GeneralBudget,
    /// <summary>一般公共预算财政拨款基本支出: GK06 (and GK05 基本支出).</summary>
    BasicExpenditure,
    /// <summary>政府性基金预算: GK07.</summary>
    GovernmentFund,
    /// <summary>国有资本经营预算: GK08.</summary>
    StateCapital,
    /// <summary>“三公”经费: GK09.</summary>
    ThreePublic,
    /// <summary>
    /// A section about money that describes no one table (机关运行经费, 政府采购, 国有资产, 绩效, 其他重要事项): its
    /// statements are read, and checked where their own words name a table figure ("占一般公共预算项目支出总额的…").
    /// </summary>
    Other,
}

/// <summary>
/// The document's text outside the tables, as paragraphs and sentences. Lines are joined without a separator
/// (Chinese wraps anywhere); a paragraph starts at a heading or enumeration marker, or after a sentence end
/// when the next line is indented or the line before stopped short. Page numbers printed alone are dropped.
/// </summary>
public sealed partial class NarrativeText
{
    private NarrativeText(IReadOnlyList<NarrativeParagraph> paragraphs) => Paragraphs = paragraphs;

    public IReadOnlyList<NarrativeParagraph> Paragraphs { get; }

    public IEnumerable<NarrativeSentence> Sentences => Paragraphs.SelectMany(p => p.Sentences);

    public static NarrativeText Read(IReadOnlyList<PageText> pages)
    {
        var raw = new List<(StringBuilder Text, List<int> Pages, bool Heading)>();
        StringBuilder? current = null;
        List<int>? currentPages = null;
        var forceBreak = true;

        foreach (var page in pages)
        {
            var body = page.Lines.Where(l => !IsNoise(l.Text)).ToList();
            if (body.Count == 0) continue;
            var wide = body.Where(l => l.Text.Length >= 10).ToList();
            var margin = (wide.Count > 0 ? wide : body).Min(l => l.Box.Left);
            var right = body.Max(l => l.Box.Right);
            TextLine? previous = null;
            foreach (var line in body)
            {
                var text = line.Text.Trim();
                if (text.Length == 0) continue;
                var charWidth = Math.Max(4, line.Box.Height);
                var heading = IsHeadingLine(text);
                var startsItem = Marker().IsMatch(text);
                var previousText = current?.ToString() ?? string.Empty;
                var endedSentence = previousText.Length > 0 && "。！？!?：:；;".Contains(previousText[^1]);
                var indented = line.Box.Left - margin >= 1.2 * charWidth;
                var previousShort = previous is not null && previous.Box.Right < right - 2.5 * charWidth;
                var newParagraph = forceBreak || heading || startsItem || (endedSentence && (indented || previousShort || previous is null));
                if (newParagraph || current is null)
                {
                    current = new StringBuilder();
                    currentPages = [];
                    raw.Add((current, currentPages, heading));
                }
                current.Append(text);
                currentPages!.AddRange(Enumerable.Repeat(page.Page, text.Length));
                forceBreak = heading;
                previous = line;
            }
        }

        var paragraphs = new List<NarrativeParagraph>();
        // A part (第三部分 …情况说明) or top-level heading (五、一般公共预算…) opens a section; a sub-heading (（二）收入预算
        // 情况说明) opens one only under a heading that named none (二、2026年部门预算安排情况说明). Inside a part that is
        // not narrative (概况, the tables, 名词解释, 附件) headings open nothing: "十一、项目支出：指…" there is a definition.
        var scope = NarrativeScope.None;
        var top = NarrativeScope.None;
        bool? narrativePart = null;
        for (var i = 0; i < raw.Count; i++)
        {
            var (text, pageList, heading) = raw[i];
            var s = text.ToString();
            if (heading && Part().IsMatch(s))
            {
                var title = Part().Replace(s, "").Trim();
                // "第三部分" on a line of its own, its title on the next.
                if (Names.Normalize(title).Length == 0 && i + 1 < raw.Count && !raw[i + 1].Heading) title = raw[i + 1].Text.ToString();
                top = scope = Classify(title) ?? NarrativeScope.Other;
                narrativePart = top != NarrativeScope.None;
            }
            else if (heading && TopLevel().IsMatch(s))
            {
                if (narrativePart != false)
                {
                    top = scope = Classify(s) ?? (narrativePart == true || Explains().IsMatch(s) ? NarrativeScope.Other : NarrativeScope.None);
                }
            }
            else if (heading && top == NarrativeScope.Other && Classify(s) is { } sub && sub != NarrativeScope.None)
            {
                scope = sub;
            }
            var index = paragraphs.Count;
            paragraphs.Add(new NarrativeParagraph(index, s, Split(s, pageList, index), heading, scope, Marker().IsMatch(s) && !heading));
        }
        return new NarrativeText(paragraphs);
    }

    /// <summary>The scope a top-level heading opens (<see cref="NarrativeScope.None"/> when it names no section we know).</summary>
    public static NarrativeScope ScopeOf(string heading) => Classify(heading) ?? NarrativeScope.None;

    /// <summary>
    /// The section a heading or a part's title names, or null when it names none we know. Final accounts (收入支出决算,
    /// 支出决算 …) and budgets (收支预算, 预算收支总体, 一般公共预算拨款支出 …) alike.
    /// </summary>
    private static NarrativeScope? Classify(string heading)
    {
        var h = Names.Normalize(heading);
        bool Has(string word) => h.Contains(word, StringComparison.Ordinal);
        if (Has("三公")) return NarrativeScope.ThreePublic;
        string[] descriptive = ["名词解释", "专业名词", "专业性名词", "职责", "职能", "机构", "概况", "附件", "重点工作", "人员情况", "工作任务", "工作目标", "单位构成", "基本情况"];
        if (descriptive.Any(Has)) return NarrativeScope.None;
        // The list of tables ("第二部分 2024年度部门决算表", "四、财政拨款收支总表"), not their narrative.
        if (TableTitle().IsMatch(h)) return NarrativeScope.None;
        if (h.EndsWith("部门情况说明", StringComparison.Ordinal) || h.EndsWith("单位情况说明", StringComparison.Ordinal)) return NarrativeScope.None;
        string[] other = ["机关运行经费", "政府采购", "国有资产", "绩效", "其他重要事项", "其他情况", "其他需要说明", "委托业务费", "一般性支出", "政府购买服务"];
        if (other.Any(Has)) return NarrativeScope.Other;
        if (Has("政府性基金")) return NarrativeScope.GovernmentFund;
        if (Has("国有资本经营")) return NarrativeScope.StateCapital;
        if (Has("基本支出")) return NarrativeScope.BasicExpenditure;
        if (Has("一般公共预算")) return NarrativeScope.GeneralBudget;
        if (Has("财政拨款收入支出") || Has("财政拨款收支") || Has("财政拨款情况") || Has("财政拨款预算")) return NarrativeScope.Appropriation;
        string[] department = ["收入支出决算", "收支决算", "收入决算", "支出决算", "收支预算", "收入预算", "支出预算", "预算收支", "收支总体", "预算支出", "收入支出预算"];
        if (department.Any(Has)) return NarrativeScope.Department;
        return null;
    }

    private static List<NarrativeSentence> Split(string text, List<int> pages, int paragraph)
    {
        var sentences = new List<NarrativeSentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if ("。！？!?".Contains(text[i]) || i == text.Length - 1)
            {
                var end = i + 1;
                var sentence = text[start..end];
                if (sentence.Trim().Length > 0) sentences.Add(new NarrativeSentence(sentence, pages.GetRange(start, end - start), paragraph));
                start = end;
            }
        }
        return sentences;
    }

    /// <summary>A heading on a line of its own: a marker, short, no sentence end and no amount.</summary>
    private static bool IsHeadingLine(string text) =>
        (Marker().IsMatch(text) || Part().IsMatch(text)) && text.Length <= 40 && !text.Contains('。')
        && !text.Contains("（类）", StringComparison.Ordinal) && !text.Contains("(类)", StringComparison.Ordinal)
        && !text.Contains("万元", StringComparison.Ordinal) && !text.Contains('%') && !text.Contains('％');

    /// <summary>A page number or running footer printed alone on a line.</summary>
    private static bool IsNoise(string text) => PageNumber().IsMatch(text.Trim());

    [GeneratedRegex(@"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.．]")]
    private static partial Regex TopLevel();

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex Part();

    /// <summary>A table's title rather than a section's, punctuation removed: …决算表, …收支总表, …支出表按功能分类.</summary>
    [GeneratedRegex(@"(决算|预算|总|支出|收入|情况|明细|分类|科目|经费)表[^表说]{0,8}$")]
    private static partial Regex TableTitle();

    [GeneratedRegex(@"(说明|情况)")]
    private static partial Regex Explains();

    [GeneratedRegex(@"^([-—－–]\s*)?(第\s*)?\d{1,3}(\s*页)?(\s*[-—－–])?$|^\d{1,3}\s*/\s*\d{1,3}$")]
    private static partial Regex PageNumber();
}
