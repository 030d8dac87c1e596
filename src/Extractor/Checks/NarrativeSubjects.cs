using System.Text.RegularExpressions;
using Extractor.Rows;

namespace Extractor.Checks;

/// <summary>
/// A table figure the narrative speaks of: which table, the key of the check id (<c>basic</c>, <c>class</c>,
/// <c>total_budget</c>), the code for a 类/项, the printed value in 万元, what rounding allows for it, and where it is.
/// <see cref="Value"/> is null when the table is absent (the check is then skipped). <see cref="Alternates"/> are
/// other tables' figures the same words may mean (总支出: 总计 or 本年支出合计).
/// </summary>
public sealed record TableFigure(string Table, string Key, string? Code, string Description, decimal? Value, decimal Tolerance, int Page)
{
    public IReadOnlyList<decimal> Alternates { get; init; } = [];

    /// <summary>The canonical column the figure is read from, when it is one cell.</summary>
    public string? Column { get; init; }

    /// <summary>The printed cells the figure is read from (one, or the two a sum is made of), role <see cref="CellRole.Figure"/>.</summary>
    public IReadOnlyList<CheckCell> Cells { get; init; } = [];

    /// <summary>The row the figure is read from, when it is one cell: with <see cref="Column"/>, the fact it is.</summary>
    public TableRow? Row { get; init; }

    /// <summary>The figure as a fact of facts.csv (table, section, code, name, column), when it is one printed cell.</summary>
    public CheckFigure? AsFact() => Row is { } row && Column is { } column && Value is { } value
        ? new CheckFigure(Table, row.Section, row.Code, row.Name, column, value, Page)
        : null;

    /// <summary>The figure's cells with the status of the check that reads them.</summary>
    public IReadOnlyList<CheckCell> CellsWith(string status) => Cells.Select(c => c with { Status = status }).ToList();

    public string IdPart(string suffix = "") => Code is null ? $"{Table}.{Key}{suffix}" : $"{Table}.{Key}{suffix}.{Code}";
}

/// <summary>
/// Finds the table figure a narrative subject names, given the section it is in. Conservative by design: a subject
/// is resolved only when its words name one figure of the template (a total, a source of income, a 类 by its exact
/// name, a 项 by its 类/款/项 names, a “三公” column); anything else is left unchecked rather than guessed.
/// </summary>
public sealed partial class NarrativeSubjects
{
    private readonly DocumentTables _tables;

    public NarrativeSubjects(DocumentTables tables) => _tables = tables;

    private static readonly (string Name, string Key)[] IncomeLines =
    [
        ("一般公共预算财政拨款收入", "general_income"),
        ("政府性基金预算财政拨款收入", "fund_income"),
        ("国有资本经营预算财政拨款收入", "state_capital_income"),
        ("财政拨款收入", "appropriation_income"),
        ("上级补助收入", "superior_grant_income"),
        ("事业收入", "service_income"),
        ("经营收入", "business_income"),
        ("附属单位上缴收入", "affiliate_income"),
        ("其他收入", "other_income"),
    ];

    private static readonly (string Word, string Column)[] ThreePublicColumns =
    [
        ("公务用车购置及运行", "公务用车购置及运行维护费"),
        ("因公出国", "因公出国（境）费"),
        ("公务用车购置", "公务用车购置费"),
        ("购置公务用车", "公务用车购置费"),
        ("公务用车运行", "公务用车运行费"),
        ("公务车运行", "公务用车运行费"),
        ("公务接待", "公务接待费"),
    ];

    /// <summary>
    /// The figure <paramref name="subject"/> names. <paramref name="item"/> is the 类（类）…款（款）…项（项） of the
    /// paragraph, when the sentence's own words do not name the item.
    /// </summary>
    public TableFigure? Resolve(string subject, AmountRole role, NarrativeScope scope, string? item = null)
    {
        if (scope == NarrativeScope.None) return null;
        var n = Names.Normalize(subject);

        // “三公” 经费 (GK09): budget or outturn.
        var threePublic = ThreePublic(n, role, scope);
        if (threePublic is not null || n.Contains("三公", StringComparison.Ordinal) || scope == NarrativeScope.ThreePublic) return threePublic;
        if (role == AmountRole.Budget) return null; // other budgets are not printed in the tables

        var triple = Triple().Match(subject);
        if (triple.Success) return Item(triple, scope);
        if (n.Length == 0 || NarrativeStatementReader.IsGeneric(n))
        {
            if (item is not null && Triple().Match(item) is { Success: true } m) return Item(m, scope);
            if (scope == NarrativeScope.GovernmentFund && n is "收入" or "支出") return Gk07Total(n == "收入" ? "本年收入" : "小计", n == "收入" ? "income" : "total");
            return null;
        }

        if (n.EndsWith("人员经费", StringComparison.Ordinal) && n.Length <= 12) return SectionTotal("人员经费", "personnel");
        if (n.EndsWith("公用经费", StringComparison.Ordinal) && n.Length <= 12 && !n.Contains("日常", StringComparison.Ordinal)) return SectionTotal("公用经费", "public");

        var appropriation = n.Contains("财政拨款", StringComparison.Ordinal);
        if (n.Contains("总计", StringComparison.Ordinal) || n.Contains("总决算", StringComparison.Ordinal) || n is "总收入" or "总支出" or "收支总额")
        {
            var expenditureOnly = n.Contains("支出", StringComparison.Ordinal) && !n.Contains('收');
            var table = appropriation || (scope == NarrativeScope.Appropriation && !n.Contains("部门", StringComparison.Ordinal)) ? "GK04" : "GK01";
            var figure = SummaryLine(table, expenditureOnly ? "expenditure" : "income", grand: true, "grand_total");
            if (figure is not null && n is "总收入" or "总支出")
            {
                var subtotal = SummaryLine(table, expenditureOnly ? "expenditure" : "income", grand: false, "grand_total");
                if (subtotal?.Value is { } v) figure = figure with { Alternates = [v] };
            }
            return figure;
        }
        var summaryScope = scope is NarrativeScope.Department or NarrativeScope.Appropriation;
        if (!summaryScope && n is "本年收入" or "年度收入" or "本年支出" or "年度支出")
        {
            return item is not null && Triple().Match(item) is { Success: true } im ? Item(im, scope) : null;
        }
        if (n.EndsWith("收入合计", StringComparison.Ordinal) || n is "本年收入" or "年度收入")
        {
            return SummaryLine(appropriation ? "GK04" : "GK01", "income", grand: false, "income_total");
        }
        if (n.EndsWith("支出合计", StringComparison.Ordinal) || n is "本年支出" or "年度支出")
        {
            if (n.Contains("一般公共预算", StringComparison.Ordinal)) return Total("GK05", "小计", "total");
            return SummaryLine(appropriation ? "GK04" : "GK01", "expenditure", grand: false, "expenditure_total");
        }
        if (n.Contains("年初结转和结余", StringComparison.Ordinal) || n.Contains("年初结转结余", StringComparison.Ordinal) || n.Contains("年初财政拨款结转和结余", StringComparison.Ordinal))
        {
            if (scope == NarrativeScope.GovernmentFund || n.Contains("政府性基金", StringComparison.Ordinal)) return Gk07Total("年初结转和结余", "carryover_begin");
            return BalanceLine(appropriation || scope == NarrativeScope.Appropriation ? "GK04" : "GK01", "income", "年初", "carryover_begin");
        }
        if (n.Contains("年末结转和结余", StringComparison.Ordinal) || n.Contains("年末结转结余", StringComparison.Ordinal) || n.Contains("年末财政拨款结转和结余", StringComparison.Ordinal))
        {
            if (scope == NarrativeScope.GovernmentFund || n.Contains("政府性基金", StringComparison.Ordinal)) return Gk07Total("年末结转和结余", "carryover_end");
            return BalanceLine(appropriation || scope == NarrativeScope.Appropriation ? "GK04" : "GK01", "expenditure", "年末", "carryover_end");
        }

        // Sources of income.
        foreach (var (name, key) in IncomeLines)
        {
            if (n != name) continue;
            if (scope is not (NarrativeScope.Department or NarrativeScope.Appropriation)) return null;
            if (name == "财政拨款收入") return Total("GK02", "财政拨款收入", key);
            return IncomeLine(scope == NarrativeScope.Appropriation && name.Contains("财政拨款", StringComparison.Ordinal) ? "GK04" : "GK01", name, key);
        }

        if (n.Contains("一般公共预算", StringComparison.Ordinal) && n.EndsWith("支出", StringComparison.Ordinal))
        {
            if (n.EndsWith("基本支出", StringComparison.Ordinal)) return Total("GK05", "基本支出", "basic");
            if (n.EndsWith("项目支出", StringComparison.Ordinal)) return Total("GK05", "项目支出", "project");
            if (n.EndsWith("财政拨款支出", StringComparison.Ordinal) || n.EndsWith("预算支出", StringComparison.Ordinal)) return Total("GK05", "小计", "total");
            return null;
        }
        if (n.EndsWith("政府性基金预算财政拨款支出", StringComparison.Ordinal)) return Gk07Total("小计", "total");
        if (n.EndsWith("国有资本经营预算财政拨款支出", StringComparison.Ordinal)) return Total("GK08", "合计", "total");
        if (n is "财政拨款支出" or "财政拨款支出决算")
        {
            var gk04 = SummaryLine("GK04", "expenditure", grand: false, "expenditure_total");
            var gk05 = Total("GK05", "小计", "total");
            if (scope == NarrativeScope.GeneralBudget && gk05 is not null)
            {
                return gk04?.Value is { } v4 ? gk05 with { Alternates = [v4] } : gk05;
            }
            return gk04 is not null && gk05?.Value is { } v5 ? gk04 with { Alternates = [v5] } : gk04;
        }

        foreach (var (word, column, key) in new[] { ("基本支出", "基本支出", "basic"), ("项目支出", "项目支出", "project") })
        {
            if (n != word && n != "财政拨款" + word) continue;
            return scope switch
            {
                NarrativeScope.Department when !appropriation => Total("GK03", column, key),
                NarrativeScope.GeneralBudget or NarrativeScope.BasicExpenditure => Total("GK05", column, key),
                NarrativeScope.GovernmentFund => Gk07Total(column, key),
                _ => null,
            };
        }
        if (scope == NarrativeScope.Department && n is "上缴上级支出" or "经营支出" or "对附属单位补助支出")
        {
            return Total("GK03", n, _tables["GK03"]?.Template?.ColumnKeys?.GetValueOrDefault(n) ?? n);
        }

        // A 类 by its exact name.
        if (FunctionClasses.CodeOf(n) is not null || FunctionClasses.Core(n).Length > 0)
        {
            var cls = Class(n, scope);
            if (cls is not null) return cls;
        }
        return null;
    }

    private TableFigure? ThreePublic(string n, AmountRole role, NarrativeScope scope)
    {
        var section = role == AmountRole.Budget ? "预算数" : "决算数";
        var suffix = role == AmountRole.Budget ? "_budget" : "";
        string? column = null;
        foreach (var (word, col) in ThreePublicColumns)
        {
            if (n.Contains(word, StringComparison.Ordinal)) { column = col; break; }
        }
        if (column is null && scope == NarrativeScope.ThreePublic && (n.EndsWith("会议费", StringComparison.Ordinal) || n.EndsWith("培训费", StringComparison.Ordinal)))
        {
            column = n.EndsWith("会议费", StringComparison.Ordinal) ? "会议费" : "培训费";
        }
        if (column is null && n.Contains("三公", StringComparison.Ordinal)) column = "合计";
        if (column is null || (scope != NarrativeScope.ThreePublic && !n.Contains("三公", StringComparison.Ordinal))) return null;
        if (role == AmountRole.Change) return null;

        var table = _tables["GK09"];
        var key = column switch
        {
            "会议费" => "meeting",
            "培训费" => "training",
            _ => _tables["GK09"]?.Template?.ColumnKeys?.GetValueOrDefault(column) ?? TemplateKey("GK09", column),
        };
        if (table is null) return new TableFigure("GK09", key + suffix, null, $"GK09 {section} {column}", null, 0, 0);
        var row = table.Rows.FirstOrDefault(r => r.Section == section);
        var actualColumn = table.HasColumn(column) ? column : table.AmountColumns.FirstOrDefault(c => c.EndsWith(column, StringComparison.Ordinal));
        if (actualColumn is null)
        {
            // 公务用车购置及运行维护费 without a 小计 column: 购置费 + 运行费.
            if (column == "公务用车购置及运行维护费" && row is not null && table.HasColumn("公务用车购置费") && table.HasColumn("公务用车运行费"))
            {
                var sum = table.Value(row, "公务用车购置费") + table.Value(row, "公务用车运行费");
                return new TableFigure("GK09", key + suffix, null, $"GK09 {section} 公务用车购置费 + 公务用车运行费", sum, 2 * table.HalfUnit, table.PageOf(row, "公务用车运行费"))
                {
                    Cells = new[] { table.CellOf(row, "公务用车购置费", CellRole.Figure), table.CellOf(row, "公务用车运行费", CellRole.Figure) }.OfType<CheckCell>().ToList(),
                };
            }
            return null;
        }
        var value = row is null ? 0m : table.Value(row, actualColumn);
        return new TableFigure("GK09", key + suffix, null, $"GK09 {section} {actualColumn}", value, table.HalfUnit, row is null ? table.Table.Source.Pages[0] : table.PageOf(row, actualColumn))
        {
            Column = actualColumn,
            Row = row,
            Cells = row is not null && table.CellOf(row, actualColumn, CellRole.Figure) is { } cell ? [cell] : [],
        };
    }

    private static string TemplateKey(string table, string column) => column switch
    {
        "合计" => "total",
        _ => Names.Normalize(column),
    };

    /// <summary>A column of a classified table's 合计 row.</summary>
    private TableFigure? Total(string tableId, string column, string key)
    {
        var table = _tables[tableId];
        if (table is null) return new TableFigure(tableId, key, null, $"{tableId} 合计 {column}", null, 0, 0);
        var row = table.TotalRow;
        var printed = table.ColumnFor(column);
        if (row is null || printed is null) return null;
        return Figure(table, row, printed, key, null, $"{tableId} {row.Name} {printed}");
    }

    private TableFigure? Gk07Total(string column, string key) => Total("GK07", column, key);

    private TableFigure? SectionTotal(string section, string key)
    {
        var table = _tables["GK06"];
        if (table is null) return new TableFigure("GK06", key, null, $"GK06 {section}合计", null, 0, 0);
        var names = table.Template?.SectionTotals?.FirstOrDefault(s => s.Section == section)?.Names ?? [section + "合计"];
        var row = table.Rows.Where(r => r.Code.Length == 0 && names.Any(n => Names.Same(r.Name, n))).OrderByDescending(r => r.Values.Count).FirstOrDefault();
        if (row is null) return null;
        var column = table.AmountColumns.FirstOrDefault() ?? "决算数";
        return Figure(table, row, column, key, null, $"GK06 {row.Name}");
    }

    /// <summary>A summary table's subtotal (本年收入合计) or grand total (总计) on one side.</summary>
    private TableFigure? SummaryLine(string tableId, string sideKey, bool grand, string key)
    {
        var table = _tables[tableId];
        if (table is null) return new TableFigure(tableId, key, null, $"{tableId} {sideKey}", null, 0, 0);
        var section = table.Template?.Summary?.FirstOrDefault(s => s.Key == sideKey);
        if (section is null) return null;
        var side = SummaryTableChecks.Read(table, section);
        var row = grand ? side.GrandTotal : side.Subtotal;
        if (row is null) return null;
        var columns = SummaryTableChecks.ColumnsOf(table, section.Section);
        if (columns.Count == 0) return null;
        var column = SummaryTableChecks.SideTotalColumn(table, section.Section, columns);
        return Figure(table, row, column, key, null, $"{tableId} {section.Section} {row.Name}" + (columns.Count > 1 ? $" {column}" : ""));
    }

    private TableFigure? BalanceLine(string tableId, string sideKey, string word, string key)
    {
        var table = _tables[tableId];
        if (table is null) return new TableFigure(tableId, key, null, $"{tableId} {word}结转和结余", null, 0, 0);
        var section = table.Template?.Summary?.FirstOrDefault(s => s.Key == sideKey);
        if (section is null) return null;
        var side = SummaryTableChecks.Read(table, section);
        var line = side.BalanceLines.Select(b => b.Line).FirstOrDefault(r => Names.Normalize(r.Name).Contains(word, StringComparison.Ordinal) && r.Name.Contains("结转", StringComparison.Ordinal));
        if (line is null) return null;
        var columns = SummaryTableChecks.ColumnsOf(table, section.Section);
        if (columns.Count == 0) return null;
        var column = SummaryTableChecks.SideTotalColumn(table, section.Section, columns);
        return Figure(table, line, column, key, null, $"{tableId} {line.Name}");
    }

    private TableFigure? IncomeLine(string tableId, string name, string key)
    {
        var table = _tables[tableId];
        if (table is null) return new TableFigure(tableId, key, null, $"{tableId} {name}", null, 0, 0);
        var section = table.Template?.Summary?.FirstOrDefault(s => s.Key == "income");
        if (section is null) return null;
        var side = SummaryTableChecks.Read(table, section);
        var target = Names.Normalize(name);
        var line = side.Items.FirstOrDefault(r => Names.Normalize(r.Name) == target || Names.Normalize(r.Name) + "收入" == target);
        if (line is null)
        {
            // A source the table lists nowhere is 0 there.
            return new TableFigure(tableId, key, null, $"{tableId} {name} (no such line)", 0m, table.HalfUnit, table.Table.Source.Pages[0]);
        }
        var columns = SummaryTableChecks.ColumnsOf(table, section.Section);
        if (columns.Count == 0) return new TableFigure(tableId, key, null, $"{tableId} {line.Name}", 0m, table.HalfUnit, line.Page);
        return Figure(table, line, columns[0], key, null, $"{tableId} {line.Name}");
    }

    /// <summary>A 类 by its name, in the table of the section.</summary>
    private TableFigure? Class(string name, NarrativeScope scope)
    {
        var (tableId, column) = scope switch
        {
            NarrativeScope.Department => ("GK03", "本年支出合计"),
            NarrativeScope.Appropriation => ("GK04", "小计"),
            NarrativeScope.GeneralBudget or NarrativeScope.BasicExpenditure => ("GK05", "小计"),
            NarrativeScope.GovernmentFund => ("GK07", "小计"),
            NarrativeScope.StateCapital => ("GK08", "合计"),
            _ => ("", ""),
        };
        if (tableId.Length == 0) return null;
        var table = _tables[tableId];
        var catalogCode = FunctionClasses.CodeOf(name);
        if (table is null) return catalogCode is null ? null : new TableFigure(tableId, "class", catalogCode, $"{tableId} 类 {catalogCode}", null, 0, 0);

        if (tableId == "GK04")
        {
            var section = table.Template?.Summary?.FirstOrDefault(s => s.Key == "expenditure");
            if (section is null) return null;
            var side = SummaryTableChecks.Read(table, section);
            var core = FunctionClasses.Core(name);
            var line = side.Items.FirstOrDefault(r => FunctionClasses.Core(r.Name) == core)
                ?? (catalogCode is null ? null : side.Items.FirstOrDefault(r => FunctionClasses.CodeOf(r.Name) == catalogCode));
            if (line is null) return catalogCode is null ? null : new TableFigure(tableId, "class", catalogCode, $"GK04 {name} (no such line)", 0m, table.HalfUnit, table.Table.Source.Pages[0]);
            var col = table.HasColumn(column) ? column : SummaryTableChecks.ColumnsOf(table, section.Section).FirstOrDefault() ?? column;
            return Figure(table, line, col, "class", catalogCode ?? FunctionClasses.CodeOf(line.Name), $"GK04 {line.Name} {col}");
        }

        var (code, row) = FunctionClasses.Match(name, table);
        if (code is null) return null;
        column = table.ColumnFor(column) ?? table.AmountColumns.FirstOrDefault() ?? column;
        if (row is null) return new TableFigure(tableId, "class", code, $"{tableId} 类 {code} (not printed)", 0m, table.HalfUnit, table.Table.Source.Pages[0]);
        return Figure(table, row, column, "class", code, $"{tableId} {row.Code} {row.Name} {column}");
    }

    /// <summary>A 项 named by its 类, 款 and 项 names, in the table of the section.</summary>
    private TableFigure? Item(Match triple, NarrativeScope scope)
    {
        var (tableId, column) = scope switch
        {
            NarrativeScope.Department => ("GK03", "本年支出合计"),
            NarrativeScope.GeneralBudget or NarrativeScope.BasicExpenditure or NarrativeScope.Appropriation => ("GK05", "小计"),
            NarrativeScope.GovernmentFund => ("GK07", "小计"),
            NarrativeScope.StateCapital => ("GK08", "合计"),
            _ => ("", ""),
        };
        if (tableId.Length == 0) return null;
        var table = _tables[tableId];
        if (table is null) return null;
        var (classCode, _) = FunctionClasses.Match(triple.Groups["c"].Value, table);
        if (classCode is null) return null;
        var itemCore = Names.Normalize(triple.Groups["x"].Value);
        var sectionCore = Names.Normalize(triple.Groups["k"].Value);
        var candidates = table.RowsAt("项").Where(r => r.Code.StartsWith(classCode, StringComparison.Ordinal) && Names.Normalize(r.Name) == itemCore).ToList();
        if (candidates.Count > 1)
        {
            var sections = table.RowsAt("款").Where(r => r.Code.StartsWith(classCode, StringComparison.Ordinal) && Names.Normalize(r.Name) == sectionCore).Select(r => r.Code).ToList();
            candidates = candidates.Where(c => sections.Any(s => c.Code.StartsWith(s, StringComparison.Ordinal))).ToList();
        }
        if (candidates.Count != 1) return null;
        var row = candidates[0];
        column = table.ColumnFor(column) ?? table.AmountColumns.FirstOrDefault() ?? column;
        return Figure(table, row, column, "item", row.Code, $"{tableId} {row.Code} {row.Name} {column}");
    }

    private static TableFigure Figure(TableView table, TableRow row, string column, string key, string? code, string description) =>
        new(table.Id, key, code, description, table.Value(row, column), table.HalfUnit * table.LeafCount(row, column), table.PageOf(row, column))
        {
            Column = column,
            Row = row,
            Cells = table.CellOf(row, column, CellRole.Figure) is { } cell ? [cell] : [],
        };

    /// <summary>"社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）": a 项 by its 类, 款 and 项 names.</summary>
    [GeneratedRegex(@"(?<c>[^（(）)，。；：、.．\d]+?)[（(]类[）)](?<k>[^（(）)，。；：]+?)[（(]款[）)](?<x>[^（(）)，。；：]+?)[（(]项[）)]")]
    public static partial Regex Triple();
}
