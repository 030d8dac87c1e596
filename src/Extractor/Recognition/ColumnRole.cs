namespace Extractor.Recognition;

/// <summary>
/// What a column holds: an account code (or one part of it), the row's name (an item, a unit, a department), its 行次,
/// the section a row belongs to where the rows say it (年度: 2025年 / 2026年 / 增减变化金额), an amount, or nothing read.
/// </summary>
public enum ColumnRole { Ignore, Code, Name, LineNumber, Amount, Section }

/// <summary>
/// What one grid column holds. <see cref="Group"/> numbers the side-by-side column groups
/// (GK01's 收入 | 支出 halves, GK06's three code/name/amount groups); <see cref="Section"/> is the
/// section its header names, if any; <see cref="Column"/> the canonical column name of an amount
/// column (or its own header text when no template column matches).
/// </summary>
public sealed record ColumnSpec(int Index, ColumnRole Role, string Header, int Group, string? Section, string? Column)
{
    /// <summary>
    /// For a code column holding one part of a split code, its level (<c>类</c>, <c>款</c> or <c>项</c>), from its header
    /// or, where the header does not say, from what the column holds (3 digits, then 2 and 2); empty for whole codes.
    /// </summary>
    public string Level { get; init; } = string.Empty;

    /// <summary>
    /// A name column that names a unit or department (预算单位, 单位名称, 部门名称): the row's name where the row has no
    /// item name of its own (the unit's total row above its codes, or rows keyed by unit).
    /// </summary>
    public bool Unit { get; init; }
}
