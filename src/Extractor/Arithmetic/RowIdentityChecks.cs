using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Arithmetic;

/// <summary>
/// Within a row: a total column = the sum of its part columns, as the template's <c>rowIdentities</c> say
/// (GK02 本年收入合计, GK03 本年支出合计, GK04/GK05 小计, GK07 小计 and 年末结转和结余, GK08, GK09 合计 and
/// 公务用车购置及运行维护费). A part the table does not print counts as 0, unless it is itself the total of
/// another identity whose parts are printed (GK09 without a 小计 column: 合计 = 出国 + 购置 + 运行 + 接待).
/// Ids: <c>GK02.rows.sum.&lt;code or total&gt;</c>, <c>GK09.total.budget</c>.
/// </summary>
public static class RowIdentityChecks
{
    public static IEnumerable<CheckResult> Run(TableView table)
    {
        var identities = table.Template?.RowIdentities ?? [];
        foreach (var template in identities)
        {
            var totalColumn = table.ColumnFor(template.Total);
            if (totalColumn is null) continue;
            var identity = template with { Total = totalColumn };
            var parts = Expand(template.Parts ?? [], identities, table);
            var minus = identity.Minus ?? [];
            if (identity.RequireAll && (parts.Any(p => !table.HasColumn(p)) || minus.Any(m => !table.HasColumn(m)))) continue;
            if (!parts.Any(table.HasColumn)) continue;

            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                if (identity.Section is not null && row.Section != identity.Section) continue;
                var columns = parts.Concat(minus).Append(identity.Total).ToList();
                if (!columns.Any(c => table.Raw(row, c) is not null)) continue;
                if (parts.Concat(minus).All(c => table.Raw(row, c) is null) && table.Value(row, identity.Total) == 0) continue;

                var total = table.TermOf(row, identity.Total, identity.Total);
                var terms = parts.Select(p => TermOf(table, row, p, 1)).Concat(minus.Select(m => TermOf(table, row, m, -1))).ToList();
                var outcome = SumIdentity.Evaluate(identity.Total, total, terms, table.HalfUnit);
                var key = RowKey(table, row);
                keys[key] = keys.GetValueOrDefault(key) + 1;
                if (keys[key] > 1) key = $"{key}-{keys[key]}";
                var formula = string.Join(" + ", parts.Where(table.HasColumn)) + string.Concat(minus.Select(m => " − " + m));
                yield return SumIdentity.Combine($"{table.Id}.{identity.Id}.{key}", [table.Id],
                    $"{table.Id} {TableView.Describe(row)}: {identity.Total}", formula, [outcome]);
            }
        }
    }

    private static Term TermOf(TableView table, TableRow row, string column, int sign) => table.TermOf(row, column, column, sign);

    /// <summary>Parts the table does not print, replaced by their own parts when another identity defines them.</summary>
    private static List<string> Expand(IReadOnlyList<string> parts, IReadOnlyList<RowIdentity> identities, TableView table)
    {
        var result = new List<string>();
        foreach (var part in parts)
        {
            var definition = identities.FirstOrDefault(i => i.Total == part && i.Minus is null or { Count: 0 });
            if (!table.HasColumn(part) && definition?.Parts is { Count: > 0 } sub && sub.Any(table.HasColumn))
            {
                result.AddRange(sub);
            }
            else
            {
                result.Add(part);
            }
        }
        return result;
    }

    /// <summary>A row's key in check ids: its code, <c>total</c> for the 合计 row, its section key (GK09), else its name.</summary>
    public static string RowKey(TableView table, TableRow row)
    {
        if (row.Code.Length > 0) return row.Code;
        if (table.TotalRow == row || (table.Template?.TotalRowNames ?? []).Any(n => Names.Same(row.Name, n))) return "total";
        if (row.Name.Length == 0 && row.Section.Length > 0)
        {
            return table.Template?.SectionKeys?.GetValueOrDefault(row.Section) ?? row.Section;
        }
        var name = LineKey(table, row);
        if (row.Section.Length > 0 && table.Template?.SectionKeys?.GetValueOrDefault(row.Section) is { } section) return $"{section}.{name}";
        return name.Length > 0 ? name : "row";
    }

    /// <summary>
    /// A named line's key: the 类 code of a line named by its 类 (GK04 支出 lines), <c>total</c> / <c>grand_total</c> for a
    /// summary side's subtotal and 总计, <c>carryover_begin</c> / <c>carryover_end</c> for the 结转和结余 lines, else the name.
    /// </summary>
    private static string LineKey(TableView table, TableRow row)
    {
        var name = Names.Normalize(row.Name);
        if (FunctionClasses.CodeOf(name) is { } code) return code;
        var summary = table.Template?.Summary?.FirstOrDefault(s => s.Section == row.Section);
        if (summary is not null && summary.Subtotal.Any(n => Names.Same(n, name))) return "total";
        if (summary is not null && summary.GrandTotal.Any(n => Names.Same(n, name))) return "grand_total";
        if (name.Contains("结转", StringComparison.Ordinal) && name.Contains("年初", StringComparison.Ordinal)) return "carryover_begin";
        if (name.Contains("结转", StringComparison.Ordinal) && name.Contains("年末", StringComparison.Ordinal)) return "carryover_end";
        return name;
    }
}
