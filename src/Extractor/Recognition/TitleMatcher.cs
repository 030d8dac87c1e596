using System.Text.RegularExpressions;
using Extractor.Pdf;
using Extractor.Templates;

namespace Extractor.Recognition;

/// <summary>What the text above a table says about it.</summary>
public sealed record TableCaption(TableTemplate? Template, string Title, string Label, string? Unit);

/// <summary>
/// Reads the title, label (公开01表, 公开表一, 表1, 部门公开表1 …) and unit printed above a table.
/// A title names a template when it contains one of the template's titles; the longest such title
/// wins, so 财政拨款收入支出决算总表 is GK04 and not GK01.
/// </summary>
public sealed partial class TitleMatcher
{
    private readonly IReadOnlyList<(TableTemplate Template, string Key)> _titles;

    public TitleMatcher(TemplateCatalog catalog)
    {
        _titles = catalog.Templates
            .SelectMany(t => t.Titles.Select(title => (t, TextNormalizer.MatchKey(title))))
            .OrderByDescending(x => x.Item2.Length)
            .ToList();
        _inEveryTitle = _titles.Count == 0 ? [] : _titles.Skip(1).Aggregate(_titles[0].Key.ToHashSet(), (common, t) =>
        {
            common.IntersectWith(t.Key);
            return common;
        }).Order().ToArray();
    }

    /// <summary>
    /// Characters every title has (表, as the templates stand): a line lacking one contains no title, and most lines of a
    /// document are not titles, so they are turned away before the titles are searched one by one.
    /// </summary>
    private readonly char[] _inEveryTitle;

    /// <summary>The template whose title the text contains, longest title first.</summary>
    public TableTemplate? MatchTitle(string text)
    {
        var key = TextNormalizer.MatchKey(text);
        if (key.Length == 0 || IsContentsEntry(text)) return null;
        foreach (var required in _inEveryTitle)
        {
            if (key.IndexOf(required) < 0) return null;
        }
        foreach (var (template, title) in _titles)
        {
            if (key.Contains(title, StringComparison.Ordinal)) return template;
        }
        return null;
    }

    /// <summary>Reads the caption from the lines above a table, nearest line first.</summary>
    public TableCaption Read(IReadOnlyList<TextLine> linesAboveNearestFirst)
    {
        TableTemplate? template = null;
        string title = string.Empty, label = string.Empty;
        string? unit = null;
        var lookedAt = 0;
        foreach (var line in linesAboveNearestFirst)
        {
            if (++lookedAt > 8) break;
            var text = line.Text;
            unit ??= UnitOf(text);
            if (label.Length == 0 && LabelPattern().Match(text.Replace(" ", "")) is { Success: true } m) label = m.Value;
            if (title.Length == 0 && LooksLikeTitle(text))
            {
                var matched = MatchTitle(text);
                if (matched is not null)
                {
                    template = matched;
                    title = CleanTitle(text);
                }
                else if (text.Replace(" ", "").EndsWith('表') && text.Length <= 60)
                {
                    title = CleanTitle(text);
                }
            }
            if (title.Length > 0 && label.Length > 0 && unit is not null) break;
        }
        return new TableCaption(template, title, label, unit);
    }

    /// <summary>
    /// A line of the table of contents (目录) names a table and the page it is on, joined by a leader of dots:
    /// “十、一般公共预算“三公”经费支出预算表……21”. It is not the table's title.
    /// </summary>
    public static bool IsContentsEntry(string text) => ContentsEntry().IsMatch(text);

    [GeneratedRegex(@"([.．。·・…⋯_\-－—]\s*){4,}\s*\d*\s*$")]
    private static partial Regex ContentsEntry();

    public static string? UnitOf(string text)
    {
        var m = UnitPattern().Match(text.Replace(" ", ""));
        return m.Success ? m.Groups[1].Value : null;
    }

    private static bool LooksLikeTitle(string text)
    {
        var compact = text.Replace(" ", "");
        // Notes under a previous table ("注：本表反映…") and unit lines are not titles.
        return compact.Length >= 4 && !compact.StartsWith("注", StringComparison.Ordinal) && !compact.StartsWith("单位", StringComparison.Ordinal)
               && !compact.StartsWith("部门：", StringComparison.Ordinal) && !compact.StartsWith("部门:", StringComparison.Ordinal);
    }

    private static string CleanTitle(string text)
    {
        var compact = text.Replace(" ", "");
        compact = LabelPattern().Replace(compact, "");
        compact = UnitPattern().Replace(compact, "");
        return compact.Trim('　', ' ', '：', ':');
    }

    [GeneratedRegex(@"(部门|单位)?(公开|预算|决算)?(\d{1,2}|[一二三四五六七八九十]+)表|(部门|单位)?(公开|预算|决算)?表[\d一二三四五六七八九十]+|\((预算|决算)表\d+\)|（(预算|决算)表\d+）")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"(?:金额)?单位[：:]\s*(万元|元|千元|亿元)")]
    private static partial Regex UnitPattern();
}
