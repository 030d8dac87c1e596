using Extractor.Pdf;
using Extractor.Tables;
using Extractor.Templates;

namespace Extractor.Recognition;

/// <summary>
/// Maps a grid's header paths to column roles (code, name, 行次, amount), side-by-side groups,
/// sections and canonical column names of a template.
/// </summary>
public static partial class ColumnMapper
{
    private static readonly HashSet<string> NameHeaders = ["项目", "科目名称", "名称", "项目名称", "科目", "支出项目", "收入项目", "功能分类科目名称", "经济分类科目名称", "功能科目", "经济科目"];

    /// <summary>Headers of a column naming a unit or department: rows keyed by the unit, or a unit over the rows of its codes.</summary>
    private static readonly HashSet<string> UnitHeaders = ["单位名称", "部门名称", "预算单位", "预算单位名称", "单位", "部门", "部门（单位）名称", "单位（部门）名称"];

    /// <summary>
    /// The roles and canonical columns of a grid's columns. With <paramref name="byContent"/> a column's body can
    /// overrule its header (codes under a header that names no code column); without, the header alone decides.
    /// </summary>
    public static IReadOnlyList<ColumnSpec> Map(CellGrid grid, int bodyStart, TableTemplate? template, string? year = null, bool byContent = true)
    {
        var paths = HeaderAnalyzer.HeaderPaths(grid, bodyStart).Select(p => (IReadOnlyList<string>)p.Select(t => YearLabels.Relative(t, year)).ToList()).ToList();
        var sections = template?.Sections.SelectMany(template.SectionLabels).Select(TextNormalizer.MatchKey).ToList() ?? [];
        var roles = new ColumnRole[grid.Columns];
        for (var c = 0; c < grid.Columns; c++)
        {
            roles[c] = RoleOf(paths[c].Select(TextNormalizer.MatchKey).Where(k => !sections.Contains(k)).ToList());
            if (paths[c].Count == 0) roles[c] = HasContent(grid, bodyStart, c) ? ColumnRole.Amount : ColumnRole.Ignore;
        }
        var levels = new string[grid.Columns];
        for (var c = 0; c < grid.Columns; c++) levels[c] = roles[c] == ColumnRole.Code && paths[c].Count > 0 ? LevelOf(TextNormalizer.MatchKey(paths[c][^1])) : string.Empty;
        if (byContent) ColumnContent.ApplyTo(grid, bodyStart, roles, levels);
        if (template is { Sections.Count: > 0 }) FindSectionLabels(grid, bodyStart, roles, template, year);
        var units = new bool[grid.Columns];
        for (var c = 0; c < grid.Columns; c++)
        {
            if (paths[c].Count > 0 && UnitHeaders.Contains(TextNormalizer.MatchKey(paths[c][^1])) && roles[c] is ColumnRole.Name or ColumnRole.Amount)
            {
                roles[c] = ColumnRole.Name;
                units[c] = true;
            }
        }
        IgnoreSecondClassification(roles, units);
        var groups = AssignGroups(roles, units);
        FillMissingNames(grid, bodyStart, roles, groups);

        var columnSections = Enumerable.Range(0, grid.Columns).Select(c => SectionOf(paths[c], template)).ToArray();
        if (template is { Layout: TableLayout.Single, Sections.Count: >= 2 }) InferSections(paths, roles, columnSections, template, sections);

        var specs = new ColumnSpec[grid.Columns];
        var taken = new HashSet<(int Group, string? Section, string Column)>();
        // Exact header matches claim their canonical column first, so a truncated label
        // ("公务用车购") cannot take a column that another header names in full.
        var candidates = new List<(int Column, string? Section, TemplateColumn Target, int Score)>();
        for (var c = 0; c < grid.Columns; c++)
        {
            var section = columnSections[c];
            if (roles[c] != ColumnRole.Amount || template is null) continue;
            var keys = paths[c].Select(TextNormalizer.MatchKey).Where(k => !sections.Contains(k)).ToList();
            foreach (var target in template.Columns)
            {
                if (target.Section is not null && section is not null && target.Section != section) continue;
                var score = BestAliasScore(keys, target);
                if (score > 0) candidates.Add((c, section, target, score));
            }
        }
        var assigned = new Dictionary<int, string>();
        foreach (var candidate in candidates.OrderByDescending(x => x.Score).ThenBy(x => x.Column))
        {
            if (assigned.ContainsKey(candidate.Column)) continue;
            var key = (groups[candidate.Column], candidate.Section, candidate.Target.Name);
            if (!taken.Add(key)) continue;
            assigned[candidate.Column] = candidate.Target.Name;
        }

        for (var c = 0; c < grid.Columns; c++)
        {
            var header = string.Join("/", paths[c].Select(p => TextNormalizer.MatchKey(p)));
            string? column = null;
            if (roles[c] == ColumnRole.Amount)
            {
                column = assigned.TryGetValue(c, out var canonical) ? canonical : OwnHeader(paths[c], template);
            }
            specs[c] = new ColumnSpec(c, roles[c], header, groups[c], columnSections[c], column)
            {
                Level = roles[c] == ColumnRole.Code ? levels[c] : string.Empty,
                Unit = roles[c] == ColumnRole.Name && units[c],
            };
        }
        return specs;
    }

    /// <summary>
    /// Columns whose header does not name their section (a label such as 预算数 printed once over
    /// its block, without rules to show the block): a header repeated once per section belongs to
    /// the sections in order (the first 合计 to 预算数, the second to 决算数); the rest take the
    /// section of the nearest column on their left that has one.
    /// </summary>
    private static void InferSections(IReadOnlyList<IReadOnlyList<string>> paths, ColumnRole[] roles, string?[] sectionOf, TableTemplate template, List<string> sectionKeys)
    {
        var amounts = Enumerable.Range(0, roles.Length).Where(c => roles[c] == ColumnRole.Amount).ToList();
        if (amounts.All(c => sectionOf[c] is not null)) return;
        string Leaf(int c) => paths[c].Select(TextNormalizer.MatchKey).LastOrDefault(k => !sectionKeys.Contains(k)) ?? string.Empty;
        foreach (var group in amounts.GroupBy(Leaf).Where(g => g.Key.Length > 0 && g.Count() == template.Sections.Count))
        {
            var columns = group.ToList();
            for (var i = 0; i < columns.Count; i++) sectionOf[columns[i]] ??= template.Sections[i];
        }
        string? last = null;
        foreach (var c in amounts)
        {
            if (sectionOf[c] is not null) last = sectionOf[c];
            else sectionOf[c] = last;
        }
        var first = amounts.Select(c => sectionOf[c]).FirstOrDefault(s => s is not null);
        foreach (var c in amounts) sectionOf[c] ??= first;
    }

    /// <summary>
    /// A column whose rows name the template's sections (a 年度 column: 2025年, 2026年, 增减变化金额 for 上年预算数,
    /// 本年预算数, 增减) says which section each row's amounts belong to.
    /// </summary>
    private static void FindSectionLabels(CellGrid grid, int bodyStart, ColumnRole[] roles, TableTemplate template, string? year)
    {
        for (var c = 0; c < grid.Columns; c++)
        {
            if (roles[c] is not (ColumnRole.Amount or ColumnRole.Ignore or ColumnRole.Name)) continue;
            int labels = 0, others = 0;
            for (var r = bodyStart; r < grid.Rows; r++)
            {
                var cell = grid.At(r, c);
                if (cell is null || cell.IsEmpty || cell.Column != c || cell.Row != r) continue;
                if (SectionOfLabel(cell.Text, template, year) is not null) labels++; else others++;
            }
            if (labels >= 2 && labels > 2 * others) roles[c] = ColumnRole.Section;
        }
    }

    /// <summary>The template section a row label names (after years are read as 本年 / 上年), or null.</summary>
    public static string? SectionOfLabel(string label, TableTemplate template, string? year)
    {
        var key = TextNormalizer.MatchKey(YearLabels.Relative(label.Replace(" ", ""), year));
        if (key.Length == 0) return null;
        foreach (var section in template.Sections)
        {
            foreach (var alias in template.SectionLabels(section))
            {
                var a = TextNormalizer.MatchKey(alias);
                if (key == a || (a.Length >= 2 && key.StartsWith(a, StringComparison.Ordinal) && key.Length <= a.Length + 3)) return section;
            }
        }
        return null;
    }

    /// <summary>A header outside the template keeps its own text, levels joined by '/'.</summary>
    private static string OwnHeader(IReadOnlyList<string> path, TableTemplate? template)
    {
        var sections = template?.Sections.SelectMany(template.SectionLabels).Select(TextNormalizer.MatchKey).ToList() ?? [];
        var kept = path.Where(p => !sections.Contains(TextNormalizer.MatchKey(p))).Select(p => p.Replace(" ", "")).ToList();
        return kept.Count > 0 ? string.Join("/", kept) : string.Join("/", path.Select(p => p.Replace(" ", "")));
    }

    /// <summary>The level a code column's header names: 类, 款 or 项 for one part of a split code, empty for whole codes.</summary>
    private static string LevelOf(string key) => key is "类" or "款" or "项" ? key : string.Empty;

    private static ColumnRole RoleOf(List<string> keys)
    {
        if (keys.Count == 0) return ColumnRole.Ignore;
        var last = keys[^1];
        if (keys.Any(k => k == "行次" || k == "行号")) return ColumnRole.LineNumber;
        // 类, 款, 项 over split code columns; 类款 or 类款项 where one column holds the whole code under them.
        if (last.Length is > 0 and <= 3 && last.All(ch => ch is '类' or '款' or '项')) return ColumnRole.Code;
        if (NameHeaders.Contains(last) || last.EndsWith("科目名称", StringComparison.Ordinal)) return ColumnRole.Name;
        if (keys.Any(k => (k.Contains("编码") || k.Contains("代码") || k.Contains("编号") || k.EndsWith("分类科目", StringComparison.Ordinal)) && !k.Contains("名称")))
        {
            return ColumnRole.Code;
        }
        return ColumnRole.Amount;
    }

    /// <summary>
    /// A second code and name printed beside the first, before the amounts (部门 and 政府 economic
    /// codes side by side: 30101 基本工资 | 50101 工资奖金津补贴): the row is keyed by the first; the
    /// second is not read.
    /// </summary>
    private static void IgnoreSecondClassification(ColumnRole[] roles, bool[] units)
    {
        var start = 0;
        while (start < roles.Length)
        {
            if (roles[start] == ColumnRole.Amount) { start++; continue; }
            var end = start;
            while (end < roles.Length && roles[end] != ColumnRole.Amount) end++;
            // A unit's name before the codes (预算单位 | 科目编码 | 科目名称) is not a first classification.
            var firstName = Enumerable.Range(start, end - start).FirstOrDefault(c => roles[c] == ColumnRole.Name && !units[c], -1);
            if (firstName >= 0)
            {
                for (var k = firstName + 1; k < end; k++)
                {
                    if (roles[k] != ColumnRole.Code) continue;
                    var name = Array.IndexOf(roles, ColumnRole.Name, k, end - k);
                    if (name < 0) break;
                    for (var m = k; m <= name; m++) if (roles[m] is ColumnRole.Code or ColumnRole.Name) roles[m] = ColumnRole.Ignore;
                    k = name;
                }
            }
            start = end;
        }
    }

    /// <summary>
    /// A new group starts where a code, name or 行次 column follows an amount column: that is how
    /// the second half of GK01 or the next code/name/amount block of GK06 begins.
    /// </summary>
    private static int[] AssignGroups(ColumnRole[] roles, bool[] units)
    {
        var groups = new int[roles.Length];
        var group = 0;
        var seenAmount = false;
        var seenName = false;
        for (var c = 0; c < roles.Length; c++)
        {
            var role = roles[c];
            var opensItem = role is ColumnRole.Code or ColumnRole.Name or ColumnRole.LineNumber or ColumnRole.Section;
            if (opensItem && (seenAmount || (role == ColumnRole.Name && !units[c] && seenName)))
            {
                group++;
                seenAmount = false;
                seenName = false;
            }
            if (role == ColumnRole.Amount) seenAmount = true;
            if (role == ColumnRole.Name && !units[c]) seenName = true;
            groups[c] = group;
        }
        return groups;
    }

    /// <summary>
    /// Where a group has codes but no column headed as a name, the first column after its codes that
    /// holds mostly text is the name.
    /// </summary>
    private static void FillMissingNames(CellGrid grid, int bodyStart, ColumnRole[] roles, int[] groups)
    {
        foreach (var group in groups.Distinct())
        {
            var members = Enumerable.Range(0, roles.Length).Where(c => groups[c] == group).ToList();
            if (members.Any(c => roles[c] == ColumnRole.Name)) continue;
            foreach (var c in members)
            {
                if (roles[c] is ColumnRole.Code or ColumnRole.LineNumber or ColumnRole.Section) continue;
                if (MostlyText(grid, bodyStart, c)) roles[c] = ColumnRole.Name;
                break;
            }
        }
        // Further columns of text only (a procurement list's 专项名称 | 采购品目 | 采购物品名称, a project's 项目单位) are
        // no amounts: they name the rows that print nothing in the first name column.
        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] != ColumnRole.Amount) continue;
            if (!roles.Where((_, k) => groups[k] == groups[c]).Contains(ColumnRole.Name)) continue;
            if (OnlyText(grid, bodyStart, c)) roles[c] = ColumnRole.Name;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-(（]?[\d,]*\d(\.\d+)?[)）]?%?$")]
    private static partial System.Text.RegularExpressions.Regex NumberLike();

    /// <summary>Whether a column's body holds text and not a single amount.</summary>
    private static bool OnlyText(CellGrid grid, int bodyStart, int column)
    {
        var text = 0;
        for (var r = bodyStart; r < grid.Rows; r++)
        {
            var cell = grid.At(r, column);
            if (cell is null || cell.IsEmpty || cell.Column != column) continue;
            if (NumberLike().IsMatch(cell.Text.Replace(" ", ""))) return false;
            if (cell.Text.Any(TextNormalizer.IsCjk)) text++;
        }
        return text >= 2;
    }

    private static bool HasContent(CellGrid grid, int bodyStart, int column)
    {
        for (var r = bodyStart; r < grid.Rows; r++)
        {
            var cell = grid.At(r, column);
            if (cell is not null && cell.Column == column && !cell.IsEmpty) return true;
        }
        return false;
    }

    private static bool MostlyText(CellGrid grid, int bodyStart, int column)
    {
        int text = 0, numbers = 0;
        for (var r = bodyStart; r < grid.Rows; r++)
        {
            var cell = grid.At(r, column);
            if (cell is null || cell.IsEmpty || cell.Column != column) continue;
            if (cell.Text.Any(TextNormalizer.IsCjk)) text++; else numbers++;
        }
        return text > numbers;
    }

    private static string? SectionOf(IReadOnlyList<string> path, TableTemplate? template)
    {
        if (template is null) return null;
        foreach (var segment in path)
        {
            var key = TextNormalizer.MatchKey(segment);
            var match = template.Sections.FirstOrDefault(s => template.SectionLabels(s).Any(l => TextNormalizer.MatchKey(l) == key));
            if (match is not null) return match;
        }
        return null;
    }

    /// <summary>
    /// How well a header path names a template column: the alias's levels must match the end of
    /// the path, exactly (2 points a level) or as a truncated label of at least four characters
    /// (1 point); ties prefer the alias closest in length to what was printed.
    /// </summary>
    internal static int BestAliasScore(IReadOnlyList<string> keys, TemplateColumn target)
    {
        var best = BestAliasScoreOf(keys, target);
        // A label wrapped over several header lines ("附属单位上缴收" over "入", "一般公共" / "预算" /
        // "财政拨款") reads as one label: try its last levels joined.
        for (var n = 2; n <= keys.Count; n++)
        {
            var joined = keys.Take(keys.Count - n).Append(string.Concat(keys.Skip(keys.Count - n))).ToList();
            best = Math.Max(best, BestAliasScoreOf(joined, target));
        }
        return best;
    }

    /// <summary>
    /// Each alias's levels as match keys, made once: aliases come from the templates, a fixed set, and every column of
    /// every table is scored against all of them.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> AliasKeys = new(StringComparer.Ordinal);

    private static int BestAliasScoreOf(IReadOnlyList<string> keys, TemplateColumn target)
    {
        var best = 0;
        foreach (var alias in target.Aliases)
        {
            var parts = AliasKeys.GetOrAdd(alias, static a => a.Split('/').Select(TextNormalizer.MatchKey).ToArray());
            if (parts.Length > keys.Count) continue;
            var score = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                var printed = keys[keys.Count - parts.Length + i];
                var wanted = parts[i];
                if (printed == wanted) score += 200;
                else if (printed.Length >= 4 && wanted.StartsWith(printed, StringComparison.Ordinal)) score += 100 - (wanted.Length - printed.Length);
                else { score = 0; break; }
            }
            best = Math.Max(best, score);
        }
        return best;
    }
}
