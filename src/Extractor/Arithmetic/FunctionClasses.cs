namespace Extractor.Arithmetic;

/// <summary>
/// The 类 of the 支出功能分类 (function classification) by name, with the names earlier years printed
/// (医疗卫生与计划生育支出 for 210 …). GK01 and GK04 print their expenditure lines by name only; this finds
/// the 类 code those names stand for so they can be compared with the coded tables (GK03, GK05, GK07, GK08).
/// </summary>
public static class FunctionClasses
{
    private static readonly (string Code, string[] Names)[] Catalog =
    [
        ("201", ["一般公共服务支出"]),
        ("202", ["外交支出"]),
        ("203", ["国防支出"]),
        ("204", ["公共安全支出"]),
        ("205", ["教育支出"]),
        ("206", ["科学技术支出"]),
        ("207", ["文化旅游体育与传媒支出", "文化体育与传媒支出"]),
        ("208", ["社会保障和就业支出"]),
        ("209", ["社会保险基金支出"]),
        ("210", ["卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"]),
        ("211", ["节能环保支出"]),
        ("212", ["城乡社区支出", "城乡社区事务支出"]),
        ("213", ["农林水支出", "农林水事务支出"]),
        ("214", ["交通运输支出"]),
        ("215", ["资源勘探工业信息等支出", "资源勘探信息等支出", "资源勘探电力信息等支出"]),
        ("216", ["商业服务业等支出"]),
        ("217", ["金融支出", "金融监管等事务支出"]),
        ("219", ["援助其他地区支出"]),
        ("220", ["自然资源海洋气象等支出", "国土海洋气象等支出", "国土资源气象等支出"]),
        ("221", ["住房保障支出"]),
        ("222", ["粮油物资储备支出", "粮油物资储备管理事务", "粮油物资管理事务"]),
        ("223", ["国有资本经营预算支出"]),
        ("224", ["灾害防治及应急管理支出"]),
        ("227", ["预备费"]),
        ("229", ["其他支出"]),
        ("230", ["转移性支出"]),
        ("231", ["债务还本支出"]),
        ("232", ["债务付息支出"]),
        ("233", ["债务发行费用支出"]),
        ("234", ["抗疫特别国债安排的支出"]),
    ];

    /// <summary>
    /// The core of a class name: punctuation, the markers 类/（类） and trailing 支出 removed
    /// ("文化旅游体育与传媒支出类支出" and "一般公共服务（类）" → 文化旅游体育与传媒, 一般公共服务).
    /// </summary>
    public static string Core(string name)
    {
        var n = Names.Normalize(name);
        if (n.EndsWith('类')) n = n[..^1];
        n = n.Replace("类支出", "支出", StringComparison.Ordinal);
        while (n.EndsWith("支出", StringComparison.Ordinal) && n.Length > 2) n = n[..^2];
        if (n.EndsWith('类')) n = n[..^1];
        return n;
    }

    /// <summary>The 类 code a printed name stands for, or null.</summary>
    public static string? CodeOf(string name)
    {
        var core = Core(name);
        if (core.Length == 0) return null;
        foreach (var (code, names) in Catalog)
        {
            if (names.Any(n => Core(n) == core)) return code;
        }
        return null;
    }

    /// <summary>The current name of a 类 code, or null.</summary>
    public static string? NameOf(string code) => Catalog.FirstOrDefault(c => c.Code == code).Names?[0];

    /// <summary>
    /// Finds the 类 row of a coded table that a name stands for: a 类 row with the same name core, else the
    /// catalog's code for the name. Returns the code and the row (null when the table does not print that 类).
    /// </summary>
    public static (string? Code, Rows.TableRow? Row) Match(string name, TableView coded)
    {
        var core = Core(name);
        var byName = coded.RowsAt("类").FirstOrDefault(r => Core(r.Name) == core && core.Length > 0);
        if (byName is not null) return (byName.Code, byName);
        var code = CodeOf(name);
        return code is null ? (null, null) : (code, coded.ClassRow(code));
    }
}
