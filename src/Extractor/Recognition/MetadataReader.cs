using System.Text.RegularExpressions;
using Extractor.Pdf;

namespace Extractor.Recognition;

/// <summary>
/// Reads the issuing department, the fiscal year, the kind (决算 or 预算), the publication date and
/// the amount unit from the text of the document and the titles of its tables.
/// </summary>
public static partial class MetadataReader
{
    public static DocumentMetadata Read(IReadOnlyList<PageLayout> pages, IReadOnlyList<RecognizedTable> tables)
    {
        var lines = pages.SelectMany(p => p.Lines).ToList();
        var cover = pages.FirstOrDefault(p => p.Page.Glyphs.Count > 0);
        var coverText = cover is null ? string.Empty : string.Join("\n", cover.Lines.Select(l => l.Text.Replace(" ", "")));

        var department = MostCommon(lines.SelectMany(l => l.Segments)
            .Select(s => DepartmentField().Match(s.Replace(" ", "")))
            .Where(m => m.Success && !IsUnit(m.Groups[1].Value))
            .Select(m => m.Groups[1].Value.Trim()))
            ?? TitleDepartment(coverText)
            ?? TitleDepartment(string.Join("\n", pages.Take(3).SelectMany(p => p.Lines).Select(l => l.Text.Replace(" ", ""))))
            ?? string.Empty;

        var titled = tables.Where(t => t.Template is not null).Select(t => t.Title).Concat([coverText]).ToList();
        var year = MostCommon(titled.SelectMany(t => YearPattern().Matches(t.Replace(" ", "")).Select(m => m.Groups[1].Value)))
                   ?? MostCommon(lines.Take(200).SelectMany(l => YearPattern().Matches(l.Text.Replace(" ", "")).Select(m => m.Groups[1].Value)))
                   ?? string.Empty;

        var recognisedKinds = tables.Where(t => t.Template is not null).Select(t => t.Template!.Kind).ToList();
        var text = coverText + string.Concat(tables.Select(t => t.Title));
        var finalWords = Count(text, "决算");
        var budgetWords = Count(text, "预算") - Count(text, "一般公共预算") - Count(text, "政府性基金预算") - Count(text, "国有资本经营预算");
        var kind = recognisedKinds.Count > 0
            ? MostCommon(recognisedKinds)!
            : budgetWords > finalWords ? "budget" : "final";

        var published = string.Empty;
        foreach (var page in pages.Where(p => p.Page.Glyphs.Count > 0).Take(2).Concat(pages.Where(p => p.Page.Glyphs.Count > 0).TakeLast(1)))
        {
            var m = DatePattern().Match(string.Concat(page.Lines.Select(l => l.Text.Replace(" ", "") + "\n")));
            if (!m.Success) continue;
            published = $"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value):00}-{int.Parse(m.Groups[3].Value):00}";
            break;
        }

        var unit = MostCommon(tables.Where(t => t.Template is not null).Select(t => t.Unit)) ?? "万元";
        return new DocumentMetadata(department, year, kind, published, unit);
    }

    private static string? TitleDepartment(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var m = YearThenDepartment().Match(line);
            if (m.Success && m.Groups[1].Value.Length >= 2) return m.Groups[1].Value;
            m = DepartmentThenYear().Match(line);
            if (m.Success && m.Groups[1].Value.Length >= 2) return m.Groups[1].Value;
        }
        return null;
    }

    private static bool IsUnit(string value) => value is "万元" or "元" or "千元" or "亿元" || value.StartsWith("万元", StringComparison.Ordinal) || value.StartsWith("元", StringComparison.Ordinal);

    private static int Count(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string? MostCommon(IEnumerable<string> values) =>
        values.Where(v => v.Length > 0).GroupBy(v => v).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    [GeneratedRegex(@"^(?:编制|填报|预算|主管)?(?:部门|单位)(?:名称)?(?:（盖章）|\(盖章\))?[：:](.{2,40}?)(?:单位[：:].*)?$")]
    private static partial Regex DepartmentField();

    [GeneratedRegex(@"(20\d{2})年度?")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(20\d{2})年(\d{1,2})月(\d{1,2})日")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^20\d{2}年度?(.+?)(?:部门|单位)?(?:决算|预算)")]
    private static partial Regex YearThenDepartment();

    [GeneratedRegex(@"^(.+?)20\d{2}年度?(?:部门|单位)?(?:决算|预算)")]
    private static partial Regex DepartmentThenYear();
}
