using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Linking;

/// <summary>
/// A department's or unit's printed name taken apart so that the ways one body's name is printed give one key:
/// <c>武汉市江汉区融媒体中心</c>, <c>江汉区融媒体中心</c> and <c>江汉区融媒体中心（本级）</c> are all <c>江汉区融媒体中心</c>.
/// </summary>
/// <param name="Printed">the name as the document prints it</param>
/// <param name="Key">the lowest administrative division the name gives and the body's own name, with standard abbreviations
/// (中国共产党 → 中共, 委员会 → 委, 人民政府 → 政府, 人民代表大会常务委员会 → 人大常委会), no brackets after it and no spaces</param>
/// <param name="Higher">the divisions above the lowest one that the name prints (<c>武汉市</c> for 武汉市江汉区…), which the
/// key drops: two names with one key and different higher divisions (上海市普陀区…, 舟山市普陀区…) may be two bodies</param>
/// <param name="Scope">what a bracketed or trailing qualifier says the document covers: <see cref="EntityScope.Unit"/> for
/// 本级, 本部, 机关, 单位; <see cref="EntityScope.Department"/> for 汇总, 部门, 合并; else empty</param>
public sealed partial record EntityName(string Printed, string Key, string Higher, string Scope)
{
    /// <summary>Takes a printed name apart; an empty name gives an empty key.</summary>
    public static EntityName Parse(string printed)
    {
        var name = Clean(printed);
        var scope = string.Empty;
        // Qualifiers after the name: "（本级）", "(汇总)", "本级"; an alias in brackets ("（上海市财政科学研究所）") goes too.
        while (true)
        {
            var trailing = TrailingBracket().Match(name);
            if (trailing.Success && trailing.Index > 0)
            {
                if (scope.Length == 0) scope = ScopeOf(trailing.Groups["q"].Value);
                name = name[..trailing.Index];
                continue;
            }
            var bare = TrailingQualifier().Match(name);
            if (bare.Success && bare.Index >= 2)
            {
                if (scope.Length == 0) scope = ScopeOf(bare.Value);
                name = name[..bare.Index];
                continue;
            }
            break;
        }
        name = Abbreviate(name);
        var party = name.StartsWith("中共", StringComparison.Ordinal) ? "中共" : string.Empty;
        var rest = name[party.Length..];
        var divisions = new List<string>();
        while (Division().Match(rest) is { Success: true } d && d.Length < rest.Length)
        {
            divisions.Add(d.Value);
            rest = rest[d.Length..];
        }
        var higher = divisions.Count > 1 ? string.Concat(divisions.Take(divisions.Count - 1)) : string.Empty;
        var key = party + (divisions.Count > 0 ? divisions[^1] : string.Empty) + rest;
        return new EntityName(printed, key, higher, scope);
    }

    /// <summary>
    /// Width-normalised (full-width brackets and digits to ASCII), without whitespace, and without the punctuation a
    /// text layer leaves before or after a name (".长春市信访局").
    /// </summary>
    public static string Clean(string printed)
    {
        var sb = new StringBuilder(printed.Length);
        foreach (var ch in printed)
        {
            if (char.IsWhiteSpace(ch)) continue;
            // Full-width ASCII (（ ） Ａ １) as ASCII; the build runs without ICU, so no Unicode normalisation to lean on.
            sb.Append(ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch);
        }
        var s = sb.ToString();
        var start = 0;
        while (start < s.Length && IsStray(s[start])) start++;
        var end = s.Length;
        while (end > start && IsStray(s[end - 1]) && s[end - 1] != ')') end--;
        return s[start..end];
    }

    private static bool IsStray(char ch) => (char.IsPunctuation(ch) || char.IsSymbol(ch)) && ch is not ('(' or ')');

    private static string Abbreviate(string name) => name
        .Replace("中国共产党", "中共", StringComparison.Ordinal)
        .Replace("人民代表大会常务委员会", "人大常委会", StringComparison.Ordinal)
        .Replace("中国人民政治协商会议", "政协", StringComparison.Ordinal)
        .Replace("委员会", "委", StringComparison.Ordinal)
        .Replace("人民政府", "政府", StringComparison.Ordinal);

    private static string ScopeOf(string qualifier)
    {
        if (UnitWords().IsMatch(qualifier)) return EntityScope.Unit;
        if (DepartmentWords().IsMatch(qualifier)) return EntityScope.Department;
        return string.Empty;
    }

    [GeneratedRegex(@"\((?<q>[^()]*)\)$")]
    private static partial Regex TrailingBracket();

    [GeneratedRegex(@"(本级|本部|机关本级|汇总)$")]
    private static partial Regex TrailingQualifier();

    [GeneratedRegex(@"本级|本部|机关|^单位$")]
    private static partial Regex UnitWords();

    [GeneratedRegex(@"汇总|部门|合并")]
    private static partial Regex DepartmentWords();

    /// <summary>
    /// An administrative division at the start of a name: two to six characters and 省, 自治区, 市, 自治州, 地区, 盟, 区, 县,
    /// 自治县 or 旗 (the shortest that fits, so 城市管理局 is no division: 城 alone is too short).
    /// </summary>
    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,6}?(?:自治区|自治州|自治县|特别行政区|省|市|地区|盟|区|县|旗)")]
    private static partial Regex Division();
}
