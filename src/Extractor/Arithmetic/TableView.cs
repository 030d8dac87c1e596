using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Arithmetic;

/// <summary>
/// Read access to one extracted table for the checks: amounts in 万元 (a blank cell reads as absent,
/// and as 0 in sums), the printed precision, names compared without punctuation, code prefixes.
/// </summary>
public sealed class TableView
{
    private readonly HashSet<string> _columns;

    public TableView(ExtractedTable table)
    {
        Table = table;
        Factor = Tolerance.UnitFactor(table.Source.Unit) ?? 1m;
        var values = table.Rows.SelectMany(r => r.Values).Select(v => v.Value).ToList();
        Scale = values.Count == 0 ? 2 : values.Max(v => v.Scale);
        // In 万元, a figure printed with Scale decimals in a finer unit (元: four more digits) …
        var scaleInWan = Scale + DigitsOf(Factor);
        if (Factor < 1m && values.Count > 0)
        {
            // … unless the figures themselves were converted from 万元 (every 元 amount a multiple of 100): then
            // they carry only the precision they had in 万元, and rounding is what it was there.
            var significant = values.Max(v => Significant(v * Factor));
            scaleInWan = Math.Min(scaleInWan, Math.Max(significant, 2));
        }
        HalfUnit = Tolerance.HalfUnit(scaleInWan);
        _columns = table.ColumnNames.Concat(table.Rows.SelectMany(r => r.Values).Select(v => v.Column)).ToHashSet(StringComparer.Ordinal);
    }

    public ExtractedTable Table { get; }
    public string Id => Table.Id;
    public TableTemplate? Template => Table.Source.Template;
    public IReadOnlyList<TableRow> Rows => Table.Rows;

    /// <summary>How many 万元 one printed unit is.</summary>
    public decimal Factor { get; }

    /// <summary>The largest number of decimals the table prints (2 for 万元 tables).</summary>
    public int Scale { get; }

    /// <summary>Half a unit of the table's last printed digit, in 万元: what one printed amount may be off by.</summary>
    public decimal HalfUnit { get; }

    /// <summary>How many decimal digits a unit factor adds (元 → 万元: 0.0001 → 4).</summary>
    private static int DigitsOf(decimal factor)
    {
        var digits = 0;
        while (factor < 1m && factor > 0m && digits < 12)
        {
            factor *= 10m;
            digits++;
        }
        return digits;
    }

    /// <summary>The decimals a value needs once trailing zeros are dropped (652.660000 → 2).</summary>
    private static int Significant(decimal value) => (value / 1.0000000000000000000000000000m).Scale;

    public bool HasColumn(string column) => _columns.Contains(column);

    /// <summary>
    /// The printed column holding a canonical column: itself, or for a total column (合计, 小计, a row identity's total)
    /// that recognition left under its own header, the one unmapped column whose header ends with 合计 or 小计
    /// (GK05 printed as 本年支出合计 | 基本支出 | 项目支出). Null when there is none.
    /// </summary>
    public string? ColumnFor(string canonical)
    {
        if (HasColumn(canonical)) return canonical;
        var isTotal = canonical is "合计" or "小计" || Template?.RowIdentities?.Any(i => i.Total == canonical) == true;
        if (!isTotal) return null;
        var known = Template?.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var candidates = AmountColumns.Where(c => !known.Contains(c) && (c.EndsWith("合计", StringComparison.Ordinal) || c.EndsWith("小计", StringComparison.Ordinal))).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>The canonical columns that carry amounts, in printed order.</summary>
    public IReadOnlyList<string> AmountColumns =>
        Table.ColumnNames.Concat(Table.Rows.SelectMany(r => r.Values).Select(v => v.Column)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The amount printed in a cell, in 万元, or null when the cell is blank.</summary>
    public decimal? Raw(TableRow row, string column)
    {
        foreach (var v in row.Values)
        {
            if (v.Column != column) continue;
            if (Factor == 1m) return v.Value;
            // Converted from another unit: drop the trailing zeros the conversion adds, keep two decimals at least.
            var wan = v.Value * Factor / 1.0000000000000000000000000000m;
            return wan.Scale < 2 ? wan + 0.00m : wan;
        }
        return null;
    }

    /// <summary>The amount of a cell in 万元, 0 when blank.</summary>
    public decimal Value(TableRow row, string column) => Raw(row, column) ?? 0m;

    public int PageOf(TableRow row, string column) => row.Values.FirstOrDefault(v => v.Column == column)?.Page ?? row.Page;

    /// <summary>
    /// The cell an amount was read from, for <see cref="CheckResult.Cells"/>, or null when the cell is blank.
    /// <paramref name="role"/> and <paramref name="status"/> may be set later by the check that reads it.
    /// </summary>
    public CheckCell? CellOf(TableRow row, string column, string role = "", string status = "")
    {
        var value = row.Values.FirstOrDefault(v => v.Column == column);
        return value is null ? null : new CheckCell(Id, value.Page, value.Box, column, role, status);
    }

    /// <summary>A term of an identity: the amount of a cell (0 when blank), where it was printed, and its cell.</summary>
    public Term TermOf(TableRow row, string column, string label, int sign = 1) =>
        new(label, Value(row, column), PageOf(row, column), Raw(row, column) is not null, sign, CellOf(row, column));

    public bool HasAnyValue(TableRow row) => row.Values.Count > 0;

    /// <summary>Whether every printed amount of the table is blank or zero.</summary>
    public bool IsEmpty => Rows.All(r => r.Values.All(v => v.Value == 0));

    /// <summary>The grand-total row of a classified table (合计), by the template's total-row names.</summary>
    public TableRow? TotalRow
    {
        get
        {
            var names = Template?.TotalRowNames ?? ["合计", "总计"];
            return Rows.Where(r => r.Code.Length == 0 && names.Any(n => Names.Same(r.Name, n)))
                .OrderByDescending(r => r.Values.Count > 0).FirstOrDefault();
        }
    }

    /// <summary>Rows whose level is <paramref name="level"/> (类, 款, 项).</summary>
    public IEnumerable<TableRow> RowsAt(string level) => Rows.Where(r => r.Code.Length > 0 && r.CodeLevel == level);

    /// <summary>The 类 row with this 3-digit code, if printed.</summary>
    public TableRow? ClassRow(string code) => RowsAt("类").FirstOrDefault(r => r.Code == code);

    /// <summary>The number of leaf rows (rows without printed children) with an amount under a row; 1 for a leaf.</summary>
    public int LeafCount(TableRow row, string column)
    {
        if (row.Code.Length == 0)
        {
            var leaves = Rows.Where(r => r.Code.Length > 0 && IsLeaf(r) && Value(r, column) != 0).Count();
            return Math.Max(1, leaves);
        }
        var under = Rows.Where(r => r != row && r.Code.Length > row.Code.Length && r.Code.StartsWith(row.Code, StringComparison.Ordinal)).ToList();
        if (under.Count == 0) return 1;
        return Math.Max(1, under.Count(r => IsLeaf(r) && Value(r, column) != 0));
    }

    private bool IsLeaf(TableRow row) =>
        !Rows.Any(r => r != row && r.Code.Length > row.Code.Length && r.Code.StartsWith(row.Code, StringComparison.Ordinal));

    /// <summary>A row's key for check ids: its code, else its name.</summary>
    public static string KeyOf(TableRow row) => row.Code.Length > 0 ? row.Code : Names.Normalize(row.Name);

    /// <summary>A row as a reviewer reads it: code and name.</summary>
    public static string Describe(TableRow row)
    {
        var label = row.Code.Length > 0 ? $"{row.Code} {row.Name}" : row.Name;
        if (row.Section.Length > 0 && row.Code.Length == 0) label = $"{row.Section} {label}".Trim();
        return label.Length == 0 ? "(unnamed row)" : label;
    }
}
