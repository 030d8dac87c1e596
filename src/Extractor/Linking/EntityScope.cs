using System.Text.RegularExpressions;

namespace Extractor.Linking;

/// <summary>
/// What a disclosure covers: a department (部门预算/部门决算: the 主管部门 and all its units) or one unit (单位预算/单位决算,
/// the department's own office — 本级 — or a unit under it).
/// </summary>
public static partial class EntityScope
{
    public const string Department = "部门";
    public const string Unit = "单位";

    /// <summary>
    /// What the template tables' titles say: Shanghai prints 预算单位…预算总表 / 单位“三公”… in a unit's budget and
    /// 部门…预算总表 in a department's. The majority of the titles that say either decides; empty when none does or they
    /// are even. (部门预算经济分类, the name of a classification, says nothing.)
    /// </summary>
    public static string FromTitles(IEnumerable<string> titles)
    {
        var unit = 0;
        var department = 0;
        foreach (var title in titles)
        {
            var t = title.Replace("部门预算经济分类", "", StringComparison.Ordinal);
            if (UnitTitle().IsMatch(t)) unit++;
            else if (t.Contains("部门", StringComparison.Ordinal)) department++;
        }
        return unit > department ? Unit : department > unit ? Department : string.Empty;
    }

    /// <summary>The <c>entity_kind</c> of documents.csv: 部门预算, 单位预算, 部门决算 or 单位决算 (empty when the kind is unknown).</summary>
    public static string EntityKind(string scope, string kind) => kind switch
    {
        "budget" => (scope.Length == 0 ? Department : scope) + "预算",
        "final" => (scope.Length == 0 ? Department : scope) + "决算",
        _ => string.Empty,
    };

    [GeneratedRegex(@"预算单位|^(\d{4}\s*年度?)?\s*单位|本级")]
    private static partial Regex UnitTitle();
}
