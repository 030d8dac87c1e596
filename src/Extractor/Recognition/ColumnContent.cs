using Extractor.Tables;

namespace Extractor.Recognition;

/// <summary>
/// Column roles from what the body holds, where the header does not say or says something else. Producers head
/// a code column 功能分类科目编码, 类款, 科目编码, 功能科目 or nothing at all, and split codes over 类 | 款 | 项
/// columns headed by a 栏次 row of <c>**</c>; but the codes themselves look the same everywhere: digits only, and
/// either whole codes that nest (207, 20708, 2070808) or parts (a 3-digit 类 followed by 2-digit 款 and 项).
/// </summary>
internal static class ColumnContent
{
    /// <summary>Turns amount and unlabelled columns that hold codes into code columns, with the level of each part.</summary>
    public static void ApplyTo(CellGrid grid, int bodyStart, ColumnRole[] roles, string[] levels)
    {
        var kinds = new CodeContent[grid.Columns];
        for (var c = 0; c < grid.Columns; c++) kinds[c] = Classify(Texts(grid, bodyStart, c));

        for (var c = 0; c < grid.Columns; c++)
        {
            if (roles[c] is ColumnRole.Code or ColumnRole.Name or ColumnRole.LineNumber) continue;
            if (kinds[c] == CodeContent.Whole)
            {
                roles[c] = ColumnRole.Code;
                levels[c] = string.Empty;
            }
        }

        // Split codes: a column of 3-digit 类 codes followed by one or two columns of 2-digit parts. A column the
        // header already calls a code column keeps its header's level.
        for (var c = 0; c + 1 < grid.Columns; c++)
        {
            var classColumn = kinds[c] == CodeContent.ThreeDigits || (roles[c] == ColumnRole.Code && levels[c] == "类");
            if (!classColumn || kinds[c + 1] != CodeContent.TwoDigits) continue;
            var run = new List<int> { c, c + 1 };
            if (c + 2 < grid.Columns && kinds[c + 2] == CodeContent.TwoDigits) run.Add(c + 2);
            string[] names = ["类", "款", "项"];
            for (var k = 0; k < run.Count; k++)
            {
                if (roles[run[k]] == ColumnRole.Code && levels[run[k]].Length > 0) continue;
                if (roles[run[k]] is ColumnRole.Name or ColumnRole.LineNumber) break;
                roles[run[k]] = ColumnRole.Code;
                levels[run[k]] = names[k];
            }
            c += run.Count - 1;
        }
    }

    internal enum CodeContent { None, Whole, ThreeDigits, TwoDigits }

    /// <summary>
    /// What a column's body texts are as codes: whole codes that nest (at least half of the longer ones under a
    /// shorter one printed in the same column), 3-digit codes, 2-digit parts, or none of these.
    /// </summary>
    internal static CodeContent Classify(IReadOnlyList<string> texts)
    {
        if (texts.Count < 2) return CodeContent.None;
        var digits = texts.Where(t => t.Length is >= 2 and <= 7 && t.All(char.IsAsciiDigit)).ToList();
        if (digits.Count < 0.8 * texts.Count || digits.Count < 2) return CodeContent.None;
        if (digits.All(t => t.Length == 2)) return CodeContent.TwoDigits;
        if (digits.All(t => t.Length == 3)) return CodeContent.ThreeDigits;
        if (digits.Any(t => t.Length < 3)) return CodeContent.None;
        var set = digits.ToHashSet(StringComparer.Ordinal);
        var longer = digits.Where(t => t.Length > 3).ToList();
        var nested = longer.Count(t => Enumerable.Range(3, t.Length - 3).Any(n => set.Contains(t[..n])));
        return longer.Count >= 1 && nested >= Math.Max(1, 0.5 * longer.Count) ? CodeContent.Whole : CodeContent.None;
    }

    /// <summary>The texts of the body cells that start in a column (spaces removed; 栏次 rows left out).</summary>
    private static List<string> Texts(CellGrid grid, int bodyStart, int column)
    {
        var texts = new List<string>();
        for (var r = bodyStart; r < grid.Rows; r++)
        {
            var cell = grid.At(r, column);
            if (cell is null || cell.IsEmpty || cell.Column != column || cell.Row != r) continue;
            if (HeaderAnalyzer.IsColumnNumberRow(grid, r)) continue;
            texts.Add(cell.Text.Replace(" ", ""));
        }
        return texts;
    }
}
