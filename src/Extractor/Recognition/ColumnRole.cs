namespace Extractor.Recognition;

public enum ColumnRole { Ignore, Code, Name, LineNumber, Amount }

/// <summary>
/// What one grid column holds. <see cref="Group"/> numbers the side-by-side column groups
/// (GK01's 收入 | 支出 halves, GK06's three code/name/amount groups); <see cref="Section"/> is the
/// section its header names, if any; <see cref="Column"/> the canonical column name of an amount
/// column (or its own header text when no template column matches).
/// </summary>
public sealed record ColumnSpec(int Index, ColumnRole Role, string Header, int Group, string? Section, string? Column);
