namespace Extractor.Recognition;

/// <summary>
/// Reads years in header labels relative to the document's fiscal year: in a 2026 budget,
/// "2026年预算数" is 本年预算数 and "2025年执行数" 上年执行数, so one template serves every year.
/// </summary>
public static class YearLabels
{
    public static string Relative(string label, string? year)
    {
        if (string.IsNullOrEmpty(year) || !int.TryParse(year, out var y) || label.IndexOf('年') < 0) return label;
        var compact = label.Replace(" ", "");
        foreach (var (text, relative) in new[] { ($"{y}年度", "本年"), ($"{y}年", "本年"), ($"{y - 1}年度", "上年"), ($"{y - 1}年", "上年") })
        {
            compact = compact.Replace(text, relative, StringComparison.Ordinal);
        }
        return compact;
    }
}
