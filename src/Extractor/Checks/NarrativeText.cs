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
    /// <summary>Nothing we check against the tables (概况, 机关运行经费, 政府采购, 绩效 …, or before the 情况说明).</summary>
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
        var scope = NarrativeScope.None;
        foreach (var (text, pageList, heading) in raw)
        {
            var s = text.ToString();
            if (heading && TopLevel().IsMatch(s)) scope = ScopeOf(s);
            else if (heading && Part().IsMatch(s)) scope = NarrativeScope.None;
            var index = paragraphs.Count;
            paragraphs.Add(new NarrativeParagraph(index, s, Split(s, pageList, index), heading, scope, Marker().IsMatch(s) && !heading));
        }
        return new NarrativeText(paragraphs);
    }

    /// <summary>The scope a top-level heading opens.</summary>
    public static NarrativeScope ScopeOf(string heading)
    {
        var h = Names.Normalize(heading);
        if (h.Contains("三公", StringComparison.Ordinal)) return NarrativeScope.ThreePublic;
        string[] none = ["机关运行经费", "政府采购", "国有资产", "绩效", "名词解释", "其他重要事项", "职责", "职能", "机构", "概况", "专业名词", "附件", "重点工作", "人员情况"];
        if (none.Any(n => h.Contains(n, StringComparison.Ordinal))) return NarrativeScope.None;
        if (h.Contains("政府性基金", StringComparison.Ordinal)) return NarrativeScope.GovernmentFund;
        if (h.Contains("国有资本经营", StringComparison.Ordinal)) return NarrativeScope.StateCapital;
        if (h.Contains("基本支出", StringComparison.Ordinal)) return NarrativeScope.BasicExpenditure;
        if (h.Contains("一般公共预算", StringComparison.Ordinal)) return NarrativeScope.GeneralBudget;
        if (h.Contains("财政拨款收入支出", StringComparison.Ordinal) || h.Contains("财政拨款收支", StringComparison.Ordinal)) return NarrativeScope.Appropriation;
        if (h.Contains("收入支出决算", StringComparison.Ordinal) || h.Contains("收支决算", StringComparison.Ordinal)
            || h.Contains("收入决算", StringComparison.Ordinal) || h.Contains("支出决算", StringComparison.Ordinal)) return NarrativeScope.Department;
        return NarrativeScope.None;
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

    [GeneratedRegex(@"^([-—－–]\s*)?(第\s*)?\d{1,3}(\s*页)?(\s*[-—－–])?$|^\d{1,3}\s*/\s*\d{1,3}$")]
    private static partial Regex PageNumber();
}
