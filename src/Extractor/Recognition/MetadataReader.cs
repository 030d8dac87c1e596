using System.Text.RegularExpressions;
using Extractor.Pdf;

namespace Extractor.Recognition;

/// <summary>
/// Reads the issuing department, the fiscal year, the kind (决算 or 预算), the publication date and
/// the amount unit from the text of the document and the titles of its tables.
/// </summary>
public static partial class MetadataReader
{
    /// <summary>
    /// 决算 (final) or 预算 (budget), from the cover and the captions above the tables: the
    /// narrative talks of 年初预算 in a final account, so only titles count, and only 预算 words
    /// that are not the name of a fund (一般公共预算, 政府性基金预算, 国有资本经营预算).
    /// </summary>
    public static string DetectKind(IReadOnlyList<PageLayout> pages)
    {
        var cover = pages.FirstOrDefault(p => p.Page.Glyphs.Count > 0);
        var text = new System.Text.StringBuilder();
        if (cover is not null) foreach (var line in cover.Lines) text.Append(line.Text.Replace(" ", "")).Append('\n');
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Grids.Count; i++)
            {
                foreach (var line in page.LinesAbove(i).Take(3)) text.Append(line.Text.Replace(" ", "")).Append('\n');
            }
        }
        var all = text.ToString();
        var finalWords = Count(all, "决算");
        var budgetWords = Count(all, "预算") - Count(all, "一般公共预算") - Count(all, "政府性基金预算") - Count(all, "国有资本经营预算") - Count(all, "预算数");
        return budgetWords > finalWords ? "budget" : "final";
    }

    /// <summary>The fiscal year the titles name most (the cover's first): read before the tables, whose headers print it.</summary>
    public static string DetectYear(IReadOnlyList<PageLayout> pages)
    {
        var cover = pages.FirstOrDefault(p => p.Page.Glyphs.Count > 0);
        var captions = new List<string>();
        if (cover is not null) captions.AddRange(cover.Lines.Select(l => l.Text.Replace(" ", "")));
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Grids.Count; i++) captions.AddRange(page.LinesAbove(i).Take(3).Select(l => l.Text.Replace(" ", "")));
        }
        return MostCommon(captions.SelectMany(t => YearPattern().Matches(t).Select(m => m.Groups[1].Value))) ?? string.Empty;
    }

    public static DocumentMetadata Read(IReadOnlyList<PageLayout> pages, IReadOnlyList<RecognizedTable> tables, string kind)
    {
        var lines = pages.SelectMany(p => p.Lines).ToList();
        var cover = pages.FirstOrDefault(p => p.Page.Glyphs.Count > 0);
        var coverText = cover is null ? string.Empty : string.Join("\n", cover.Lines.Select(l => l.Text.Replace(" ", "")));

        var department = MostCommon(lines.SelectMany(l => l.Segments)
            .Select(s => DepartmentField().Match(s.Replace(" ", "")))
            .Where(m => m.Success && !IsUnit(m.Groups[1].Value))
            .Select(m => Clean(m.Groups[1].Value)))
            ?? TitleDepartment(coverText)
            ?? TitleDepartment(string.Join("\n", pages.Take(3).SelectMany(p => p.Lines).Select(l => l.Text.Replace(" ", ""))))
            ?? string.Empty;

        var titled = tables.Where(t => t.Template is not null).Select(t => t.Title).Concat([coverText]).ToList();
        var year = MostCommon(titled.SelectMany(t => YearPattern().Matches(t.Replace(" ", "")).Select(m => m.Groups[1].Value)))
                   ?? MostCommon(lines.Take(200).SelectMany(l => YearPattern().Matches(l.Text.Replace(" ", "")).Select(m => m.Groups[1].Value)))
                   ?? string.Empty;

        var published = string.Empty;
        foreach (var page in pages.Where(p => p.Page.Glyphs.Count > 0).Take(2).Concat(pages.Where(p => p.Page.Glyphs.Count > 0).TakeLast(1)))
        {
            // The publication date stands on a line of its own (under the cover title or the signature);
            // dates inside sentences are something else (截至2024年12月31日).
            var m = page.Lines.Select(l => DatePattern().Match(l.Text.Replace(" ", ""))).FirstOrDefault(x => x.Success);
            if (m is null) continue;
            published = $"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value):00}-{int.Parse(m.Groups[3].Value):00}";
            break;
        }

        var unit = MostCommon(tables.Where(t => t.Template is not null).Select(t => t.Unit)) ?? "万元";
        return new DocumentMetadata(department, year, kind, published, unit);
    }

    /// <summary>
    /// The department named in a title: "2024年度XX部门决算", "XX2024年度部门决算表", or a cover whose
    /// first line is the department and whose next line is "2024年度部门决算".
    /// </summary>
    private static string? TitleDepartment(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (BareTitle().IsMatch(line) && i > 0)
            {
                // A long name wraps on the cover: everything above the bare title is the name.
                var joined = Clean(string.Concat(lines.Take(i)));
                if (Plausible(joined)) return joined;
                if (Plausible(Clean(lines[i - 1]))) return Clean(lines[i - 1]);
            }
            var m = YearThenDepartment().Match(line);
            if (m.Success && Plausible(Clean(m.Groups[1].Value))) return Clean(m.Groups[1].Value);
            m = DepartmentThenYear().Match(line);
            if (m.Success && Plausible(Clean(m.Groups[1].Value))) return Clean(m.Groups[1].Value);
        }
        return null;
    }

    // Dot leaders and stray punctuation around a printed name (a cover's ".长春市信访局（本级）") are not part of it.
    private static string Clean(string name) => PartPrefix().Replace(name, "").Trim().Trim('.', '。', '·', '、', '，', ',', '…', '_', '-');

    private static bool Plausible(string name) =>
        name.Length >= 2 && name.Length <= 40 && name is not ("部门" or "单位" or "本部门" or "本单位") && !name.Contains("目录") && !name.Contains("部分");

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

    [GeneratedRegex(@"^(20\d{2})年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^20\d{2}年度?(?:部门|单位)?(?:决算|预算)")]
    private static partial Regex BareTitle();

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex PartPrefix();

    [GeneratedRegex(@"^20\d{2}年度?(.+?)(?:部门|单位)?(?:决算|预算)")]
    private static partial Regex YearThenDepartment();

    [GeneratedRegex(@"^(.+?)20\d{2}年度?(?:部门|单位)?(?:决算|预算)")]
    private static partial Regex DepartmentThenYear();
}
