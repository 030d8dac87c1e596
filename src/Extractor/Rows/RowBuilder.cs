using System.Text.RegularExpressions;
using Extractor.Recognition;
using Extractor.Tables;
using Extractor.Templates;

namespace Extractor.Rows;

/// <summary>
/// Reads the body of a recognised table into rows: per column group, the code (类/款/项 columns
/// joined), the name, the 行次 and the amounts; a row of amounts with no label of its own
/// belongs to the label row above it. Blank cells give no value; an amount that cannot be
/// read is reported, never guessed.
/// </summary>
public static partial class RowBuilder
{
    public static ExtractedTable Build(RecognizedTable table, ICollection<string> warnings)
    {
        var rows = new List<TableRow>();
        var groups = table.Columns.Select(c => c.Group).Distinct().Order().ToList();
        foreach (var part in table.Parts)
        {
            var grid = part.Grid;
            var labelRows = new Dictionary<int, (int Index, int GridRow)>();
            for (var r = part.BodyStart; r < grid.Rows; r++)
            {
                if (HeaderAnalyzer.IsColumnNumberRow(grid, r)) continue;
                foreach (var group in groups)
                {
                    var draft = ReadGroup(table, grid, r, group, warnings);
                    if (draft is null) continue;
                    // Rows keyed by year under one unit (2025年 / 2026年 / 增减变化金额) print the unit's name once: a row
                    // that names its own section and no unit continues the unit of the row above it.
                    if (draft.SectionLabelled && draft.NamePrinted.Length == 0 && draft.CodePrinted.Length == 0
                        && labelRows.TryGetValue(group, out var previous) && previous.GridRow == r - 1 && rows[previous.Index].SectionLabelled)
                    {
                        draft = draft with { Name = rows[previous.Index].Name };
                    }
                    var hasLabel = draft.CodePrinted.Length > 0 || draft.NamePrinted.Length > 0 || draft.LineNo.Length > 0 || draft.SectionLabelled;
                    if (!hasLabel && draft.Values.Count > 0 && LabelLeft(labelRows, rows, group, r) is { } leftIndex)
                    {
                        // A total printed across the blocks of a side-by-side table (公用经费合计 centred over the
                        // last two blocks of GK06) has its label in one block and its amount in the next.
                        rows[leftIndex] = rows[leftIndex] with { Values = draft.Values, Group = group };
                        continue;
                    }
                    if (!hasLabel && draft.Values.Count > 0 && LabelAbove(labelRows, rows, group, r) is { } labelIndex)
                    {
                        // Amounts printed on the line below their label (a total whose figures sit
                        // under it) belong to that label.
                        rows[labelIndex] = rows[labelIndex] with { Values = draft.Values };
                        continue;
                    }
                    if (!hasLabel && draft.Values.Count == 0) continue;
                    if (!hasLabel && table.Template is { Layout: not TableLayout.Single })
                    {
                        // A row of amounts we cannot place under a code, a name or a 行次 is kept, never dropped, and said.
                        warnings.Add($"{table.Id} page {grid.Page}: a row with {draft.Values.Count} amount(s) ({string.Join(", ", draft.Values.Take(3).Select(v => v.Value))}) "
                            + "has no code, name or 行次 of its own; it is kept with an empty name.");
                    }
                    rows.Add(draft);
                    labelRows[group] = (rows.Count - 1, r);
                }
            }
        }
        return new ExtractedTable(table, SplitBySection(table.Template, rows));
    }

    /// <summary>
    /// The label row on the grid row just above that is still waiting for its amounts: the same
    /// column group's, else the nearest group to the left (a label printed across two blocks, as
    /// 公用经费合计 over GK06's last two blocks, stands in the first of them).
    /// </summary>
    private static int? LabelAbove(Dictionary<int, (int Index, int GridRow)> labelRows, List<TableRow> rows, int group, int gridRow)
    {
        foreach (var g in labelRows.Keys.Where(g => g <= group).OrderByDescending(g => g))
        {
            var (index, row) = labelRows[g];
            if (row != gridRow - 1) continue;
            if (rows[index].Values.Count == 0) return index;
            if (g == group) return null;
        }
        return null;
    }

    /// <summary>The label-only row read on the same grid row from the nearest column group to the left, if any.</summary>
    private static int? LabelLeft(Dictionary<int, (int Index, int GridRow)> labelRows, List<TableRow> rows, int group, int gridRow)
    {
        foreach (var g in labelRows.Keys.Where(g => g < group).OrderByDescending(g => g))
        {
            var (index, row) = labelRows[g];
            if (row != gridRow) continue;
            var label = rows[index];
            return label.Values.Count == 0 && label.CodePrinted.Length == 0 && label.NamePrinted.Length > 0 ? index : null;
        }
        return null;
    }

    private static TableRow? ReadGroup(RecognizedTable table, CellGrid grid, int row, int group, ICollection<string> warnings)
    {
        var columns = table.Columns.Where(c => c.Group == group).ToList();
        var codeParts = new List<CodePart>();
        GridCell? lastCodeCell = null;
        foreach (var spec in columns.Where(c => c.Role == ColumnRole.Code))
        {
            var cell = grid.At(row, spec.Index);
            if (cell is null || cell.IsEmpty || ReferenceEquals(cell, lastCodeCell)) continue;
            lastCodeCell = cell;
            // A cell spread over several code columns holds a whole code, whatever its header says; so does a cell
            // whose digits are too many for its column's part (2070808 printed under 类 alone).
            var text = cell.Text.Replace(" ", "");
            var level = cell.ColumnSpan == 1 && FitsLevel(text, spec.Level) ? spec.Level : string.Empty;
            codeParts.Add(new CodePart(level, text));
        }
        var codeText = string.Concat(codeParts.Select(p => p.Text));
        // The item's own name first; a unit's name where the row has none (the unit's total above its codes).
        GridCell? nameCell = null;
        var name = string.Empty;
        foreach (var nameSpec in columns.Where(c => c.Role == ColumnRole.Name).OrderBy(c => c.Unit))
        {
            var cell = grid.At(row, nameSpec.Index);
            if (cell is null || cell.IsEmpty || ReferenceEquals(cell, lastCodeCell)) continue;
            if (nameSpec.Unit && cell.Row != row && codeText.Length > 0) continue; // a unit cell merged down over its codes' rows
            nameCell = cell;
            name = cell.Text;
            break;
        }
        // A row that names its own section (年度: 2026年 → 本年预算数).
        var sectionSpec = columns.FirstOrDefault(c => c.Role == ColumnRole.Section);
        var rowSection = sectionSpec is null || table.Template is null ? null
            : ColumnMapper.SectionOfLabel(grid.TextAt(row, sectionSpec.Index), table.Template, table.Year);
        var lineSpec = columns.FirstOrDefault(c => c.Role == ColumnRole.LineNumber);
        var line = lineSpec is null ? string.Empty : grid.TextAt(row, lineSpec.Index).Replace(" ", "");
        if (!SmallInteger().IsMatch(line)) line = string.Empty;

        // A code glued to its name ("2070808广播电视事务"), or a name in the code column (合计).
        var code = string.Empty;
        if (codeText.Length > 0)
        {
            var m = CodeThenName().Match(codeText);
            if (codeText.All(char.IsAsciiDigit)) code = codeText;
            else if (m.Success) { code = m.Groups[1].Value; if (name.Length == 0) name = m.Groups[2].Value; }
            else if (name.Length == 0) name = codeText;
        }
        if (code.Length == 0 && name.Length > 0 && table.Template?.Codes is not null)
        {
            var m = CodeThenName().Match(name.Replace(" ", ""));
            if (m.Success) { code = m.Groups[1].Value; name = m.Groups[2].Value; }
        }

        var values = new List<CellValue>();
        var page = grid.Page;
        foreach (var spec in columns.Where(c => c.Role == ColumnRole.Amount))
        {
            var cell = grid.At(row, spec.Index);
            if (cell is null || cell.IsEmpty || cell.Column != spec.Index) continue;
            var outcome = AmountParser.TryParse(cell.Text, out var value, out var percent);
            if (outcome == AmountParser.Outcome.Value)
            {
                values.Add(new CellValue(spec.Column ?? spec.Header, value, page, cell.Box, spec.Section) { Unit = percent ? "%" : null });
            }
            else if (outcome == AmountParser.Outcome.Unreadable && !ReferenceEquals(cell, nameCell))
            {
                warnings.Add($"{table.Id} page {page}: the amount '{cell.Text}' in column {spec.Column ?? spec.Header} of row '{name}' is not a number; it was left out.");
            }
        }
        if (code.Length == 0 && name.Length == 0 && line.Length == 0 && values.Count == 0 && rowSection is null) return null;
        if (rowSection is not null) values = values.Select(v => v with { Section = rowSection }).ToList();
        return new TableRow
        {
            Section = rowSection ?? GroupSection(table, columns),
            SectionLabelled = rowSection is not null,
            LineNo = line,
            CodePrinted = code,
            NamePrinted = name.Replace(" ", ""),
            Name = NameCleaner.Clean(name),
            Page = page,
            Values = values,
            CodeParts = code.Length > 0 ? codeParts : [],
            Group = group,
        };
    }

    /// <summary>Whether a printed part can be the part of a split code at that level (类: 3 digits, 款 and 项: 2).</summary>
    private static bool FitsLevel(string text, string level) => level switch
    {
        "类" => text.Length <= 3,
        "款" or "项" => text.Length <= 2,
        _ => false,
    };

    private static string GroupSection(RecognizedTable table, List<ColumnSpec> columns)
    {
        // The section over the group's name column first: a spanning label may reach past its block.
        var named = columns.Where(c => c.Role == ColumnRole.Name).Select(c => c.Section).FirstOrDefault(s => s is not null)
                    ?? columns.Select(c => c.Section).FirstOrDefault(s => s is not null);
        if (named is not null) return named;
        var sections = table.Template?.Sections ?? [];
        if (table.Template?.Layout == TableLayout.Summary && sections.Count > 0)
        {
            var group = columns[0].Group;
            return sections[Math.Min(group, sections.Count - 1)];
        }
        return string.Empty;
    }

    private static List<TableRow> SplitBySection(TableTemplate? template, List<TableRow> rows)
    {
        if (template is null) return rows;
        if (template.Layout == TableLayout.Single) rows = Transposed(template, rows);
        var result = new List<TableRow>(rows.Count);
        foreach (var row in rows)
        {
            if (template.SectionByCode.Count > 0)
            {
                result.Add(row with { Section = SectionByCode(template, row) });
                continue;
            }
            if (template.Layout != TableLayout.Single)
            {
                result.Add(row);
                continue;
            }
            if (row.SectionLabelled)
            {
                result.Add(row);
                continue;
            }
            // GK09 prints its sections either as column groups or as row labels (预算数 / 决算数).
            var labelled = template.Sections.FirstOrDefault(s => s == row.Name);
            if (labelled is not null)
            {
                result.Add(row with { Section = labelled, Name = string.Empty });
                continue;
            }
            // One printed row of GK09 holds both sections; each becomes its own row. Amounts under no section's
            // header (a “三公” budget table printing only this year's figures) belong to the template's default section.
            foreach (var section in template.Sections)
            {
                var values = row.Values.Where(v => v.Section == section).ToList();
                if (values.Count > 0) result.Add(row with { Section = section, Values = values });
            }
            var unplaced = row.Values.Where(v => v.Section is null || !template.Sections.Contains(v.Section)).ToList();
            if (unplaced.Count > 0) result.Add(row with { Section = template.DefaultSection ?? string.Empty, Values = unplaced });
        }
        return result;
    }

    /// <summary>
    /// A table of one row of amounts printed the other way round (“三公” as a list: 项目 | 预算数, with 合计, 因公出国
    /// （境）费用, 公务接待费 … down the rows): the rows named like the template's columns become the columns of one
    /// row, each amount keeping the section its own column names (or none).
    /// </summary>
    private static List<TableRow> Transposed(TableTemplate template, List<TableRow> rows)
    {
        string? ColumnOf(TableRow row)
        {
            var keys = new[] { row.Name, NameCleaner.Clean(row.NamePrinted), row.NamePrinted }
                .Select(Pdf.TextNormalizer.MatchKey).Where(k => k.Length > 0).Distinct().ToList();
            if (keys.Count == 0) return null;
            var best = template.Columns
                .Select(c => (c.Name, Score: keys.Max(k => ColumnMapper.BestAliasScore([k], c))))
                .Where(x => x.Score > 0).OrderByDescending(x => x.Score).FirstOrDefault();
            return best.Name;
        }
        var named = rows.Select(r => (Row: r, Column: r.CodePrinted.Length == 0 && r.Values.Count > 0 ? ColumnOf(r) : null)).ToList();
        if (named.Count(n => n.Column is not null) < 2 || named.Select(n => n.Column).OfType<string>().Distinct().Count() < 2) return rows;
        var result = new List<TableRow>();
        var first = named.First(n => n.Column is not null).Row;
        var values = new List<CellValue>();
        foreach (var (row, column) in named)
        {
            if (column is null)
            {
                result.Add(row);
                continue;
            }
            // The amount's own column header may name a section (预算数 | 决算数); else the template's default decides.
            values.AddRange(row.Values.Select(v => v with { Column = column, Section = v.Section }));
        }
        result.Insert(0, first with { Name = string.Empty, NamePrinted = string.Empty, Values = values });
        return result;
    }

    private static string SectionByCode(TableTemplate template, TableRow row)
    {
        if (row.CodePrinted.Length >= 3 && template.SectionByCode.TryGetValue(row.CodePrinted[..3], out var section)) return section;
        if (row.CodePrinted.Length >= 3) return template.DefaultSection ?? row.Section;
        var named = template.Sections.FirstOrDefault(s => row.Name.Contains(s, StringComparison.Ordinal));
        return named ?? (row.Section.Length > 0 ? row.Section : template.DefaultSection ?? string.Empty);
    }

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex SmallInteger();

    [GeneratedRegex(@"^(\d{3,7})\s*([^\d\s].*)$")]
    private static partial Regex CodeThenName();
}
