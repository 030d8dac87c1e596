using System.Text.RegularExpressions;
using Extractor.Rows;
using Extractor.Arithmetic;

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

    /// <summary>
    /// Why <see cref="Value"/> is null although the table was found (the row or section the words name was not read
    /// from it): the check is then skipped with this reason rather than compared with 0.
    /// </summary>
    public string? Unreadable { get; init; }

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
    private readonly NarrativeTableSet _set;

    public NarrativeSubjects(DocumentTables tables)
    {
        _tables = tables;
        _set = NarrativeTableSet.For(tables.Kind);
    }

    /// <summary>The tables the words are resolved in (GK for final accounts, YS for budgets).</summary>
    public NarrativeTableSet Set => _set;

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

    /// <summary>How budgets name their sources (一般公共预算拨款收入, 财政专户管理资金收入 …): compared by their core.</summary>
    private static readonly (string Core, string Key)[] BudgetIncomeCores =
    [
        ("一般公共预算", "general_income"),
        ("政府性基金预算", "fund_income"),
        ("国有资本经营预算", "state_capital_income"),
        ("财政专户管理", "special_account_income"),
        ("事业单位经营", "business_income"),
        ("事业", "service_income"),
        ("上级补助", "superior_grant_income"),
        ("附属单位上缴", "affiliate_income"),
        ("其他", "other_income"),
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
    /// paragraph, when the sentence's own words do not name the item. <paramref name="prior"/>: the words speak of last
    /// year (a budget's "2025年预算执行数"), which only a table's prior-year column or section prints.
    /// </summary>
    public TableFigure? Resolve(string subject, AmountRole role, NarrativeScope scope, string? item = null, bool prior = false, bool shareBase = false)
    {
        if (scope == NarrativeScope.None) return null;
        var n = Names.Normalize(subject);
        if (scope == NarrativeScope.Other)
        {
            // A section that describes no table (绩效, 政府采购 …): its amounts are of projects, purchases, assets, not figures
            // of the tables ("涉及一般公共预算支出1639.34万元"); only the base a share is stated against may name one
            // ("占一般公共预算项目支出总额的98.3%").
            if (!shareBase || ExplicitScope(n) is not { } named) return null;
            scope = named;
        }
        // A budget's amounts are all budgets: 预算 names the figure, not a second one beside it.
        if (_set.IsBudget && role == AmountRole.Budget) role = AmountRole.Plain;

        // “三公” 经费 (GK09 / YS07): budget or outturn.
        var threePublic = ThreePublic(n, role, scope, prior);
        if (threePublic is not null || n.Contains("三公", StringComparison.Ordinal) || scope == NarrativeScope.ThreePublic) return threePublic;
        if (role == AmountRole.Budget) return null; // a final account's tables print no other budgets
        if (prior) return PriorFigure(subject, n, scope, item);

        var coded = CodedItem(n, scope);
        if (coded is not null) return coded;
        var triple = Triple().Match(subject);
        if (triple.Success) return Item(triple, scope);
        if (n.Length == 0 || NarrativeStatementReader.IsGeneric(n))
        {
            if (item is not null && Triple().Match(item) is { Success: true } m) return Item(m, scope);
            if (scope == NarrativeScope.GovernmentFund && n is "收入" or "支出")
            {
                return n == "收入" ? (_set.IsBudget ? null : Total(_set.Fund, "本年收入", "income")) : Total(_set.Fund, _set.FundTotal, "total");
            }
            return null;
        }

        if (n.EndsWith("人员经费", StringComparison.Ordinal) && n.Length <= 12) return SectionTotal("人员经费", "personnel");
        if (n.EndsWith("公用经费", StringComparison.Ordinal) && n.Length <= 12 && !n.Contains("日常", StringComparison.Ordinal)) return SectionTotal("公用经费", "public");
        if (_set.IsBudget && n is "人员支出" or "日常公用支出") return SectionTotal(n == "人员支出" ? "人员经费" : "公用经费", n == "人员支出" ? "personnel" : "public");

        var appropriation = n.Contains("财政拨款", StringComparison.Ordinal);
        var summary = appropriation ? _set.Appropriation : _set.Summary;
        if (n.Contains("总计", StringComparison.Ordinal) || n.Contains("总决算", StringComparison.Ordinal) || n.Contains("总预算", StringComparison.Ordinal)
            || n is "总收入" or "总支出" or "收支总额")
        {
            var expenditureOnly = n.Contains("支出", StringComparison.Ordinal) && !n.Contains('收');
            var table = appropriation || (scope == NarrativeScope.Appropriation && !n.Contains("部门", StringComparison.Ordinal)) ? _set.Appropriation : _set.Summary;
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
            return SummaryLine(summary, "income", grand: false, "income_total");
        }
        if (n.EndsWith("支出合计", StringComparison.Ordinal) || n is "本年支出" or "年度支出")
        {
            if (n.Contains("一般公共预算", StringComparison.Ordinal)) return Total(_set.General, _set.GeneralTotal, "total");
            return SummaryLine(summary, "expenditure", grand: false, "expenditure_total");
        }
        if (n.Contains("年初结转和结余", StringComparison.Ordinal) || n.Contains("年初结转结余", StringComparison.Ordinal) || n.Contains("年初财政拨款结转和结余", StringComparison.Ordinal))
        {
            if (_set.IsBudget) return null;
            if (scope == NarrativeScope.GovernmentFund || n.Contains("政府性基金", StringComparison.Ordinal)) return Total(_set.Fund, "年初结转和结余", "carryover_begin");
            return BalanceLine(appropriation || scope == NarrativeScope.Appropriation ? _set.Appropriation : _set.Summary, "income", "年初", "carryover_begin");
        }
        if (n.Contains("年末结转和结余", StringComparison.Ordinal) || n.Contains("年末结转结余", StringComparison.Ordinal) || n.Contains("年末财政拨款结转和结余", StringComparison.Ordinal))
        {
            if (_set.IsBudget) return null;
            if (scope == NarrativeScope.GovernmentFund || n.Contains("政府性基金", StringComparison.Ordinal)) return Total(_set.Fund, "年末结转和结余", "carryover_end");
            return BalanceLine(appropriation || scope == NarrativeScope.Appropriation ? _set.Appropriation : _set.Summary, "expenditure", "年末", "carryover_end");
        }

        // Sources of income.
        if (_set.IsBudget)
        {
            var source = BudgetIncome(n, scope);
            if (source is not null || n.EndsWith("收入", StringComparison.Ordinal) && scope is NarrativeScope.Department or NarrativeScope.Appropriation) return source;
        }
        else
        {
            foreach (var (name, key) in IncomeLines)
            {
                if (n != name) continue;
                if (scope is not (NarrativeScope.Department or NarrativeScope.Appropriation)) return null;
                if (name == "财政拨款收入") return Total(_set.Income, "财政拨款收入", key);
                return IncomeLine(scope == NarrativeScope.Appropriation && name.Contains("财政拨款", StringComparison.Ordinal) ? _set.Appropriation : _set.Summary, name, key);
            }
        }

        if (n.Contains("一般公共预算", StringComparison.Ordinal))
        {
            // Only the fund's own words around 支出: "一般公共预算财政拨款基本支出", "一般公共预算当年拨款"; not
            // "一般公共预算机关运行经费预算支出" or "涉及一般公共预算支出" (a part of it).
            return FundCore(n, "一般公共预算") switch
            {
                "支出" or "" => Total(_set.General, _set.GeneralTotal, "total"),
                "基本支出" => Total(_set.General, "基本支出", "basic"),
                "项目支出" => Total(_set.General, "项目支出", "project"),
                _ => null,
            };
        }
        if (n.EndsWith("政府性基金预算财政拨款支出", StringComparison.Ordinal) || _set.IsBudget && n.EndsWith("政府性基金预算支出", StringComparison.Ordinal))
        {
            return Total(_set.Fund, _set.FundTotal, "total");
        }
        if (n.EndsWith("国有资本经营预算财政拨款支出", StringComparison.Ordinal) || _set.IsBudget && n.EndsWith("国有资本经营预算支出", StringComparison.Ordinal))
        {
            return Total(_set.StateCapital, "合计", "total");
        }
        if (n is "财政拨款支出" or "财政拨款支出决算" or "财政拨款支出预算")
        {
            var summaryLine = SummaryLine(_set.Appropriation, "expenditure", grand: false, "expenditure_total");
            var general = Total(_set.General, _set.GeneralTotal, "total");
            if (scope == NarrativeScope.GeneralBudget && general is not null)
            {
                return summaryLine?.Value is { } v4 ? general with { Alternates = [v4] } : general;
            }
            return summaryLine is not null && general?.Value is { } v5 ? summaryLine with { Alternates = [v5] } : summaryLine;
        }

        foreach (var (word, column, key) in new[] { ("基本支出", "基本支出", "basic"), ("项目支出", "项目支出", "project") })
        {
            if (n != word && n != "财政拨款" + word) continue;
            return scope switch
            {
                NarrativeScope.Department when !appropriation => Total(_set.Expenditure, column, key),
                NarrativeScope.GeneralBudget or NarrativeScope.BasicExpenditure => Total(_set.General, column, key),
                NarrativeScope.GovernmentFund => Total(_set.Fund, column, key),
                _ => null,
            };
        }
        if (scope == NarrativeScope.Department && n is "上缴上级支出" or "经营支出" or "对附属单位补助支出" or "事业单位经营支出")
        {
            return Total(_set.Expenditure, n, _tables[_set.Expenditure]?.Template?.ColumnKeys?.GetValueOrDefault(n) ?? n);
        }

        // A 类 by its exact name.
        if (FunctionClasses.CodeOf(n) is not null || FunctionClasses.Core(n).Length > 0)
        {
            var cls = Class(n, scope);
            if (cls is not null) return cls;
        }
        return null;
    }

    /// <summary>
    /// The figure an attachment table's label restates ("基本支出总额 580.66" in a 整体支出绩效自评表): 基本支出 and 项目支出
    /// of the department's spending (GK03 / YS03, or the general budget's GK05 / YS05 where the attachment counts
    /// appropriations only), 人员经费 and 公用经费, the “三公” total. Null for any other label.
    /// </summary>
    public TableFigure? AttachmentFigure(string label)
    {
        var n = Names.Normalize(label);
        foreach (var suffix in new[] { "总额", "合计", "总计" })
        {
            if (n.EndsWith(suffix, StringComparison.Ordinal) && n.Length > suffix.Length + 2) n = n[..^suffix.Length];
        }
        switch (n)
        {
            case "基本支出" or "项目支出":
            {
                var key = n == "基本支出" ? "basic" : "project";
                var all = Total(_set.Expenditure, n, key);
                var general = Total(_set.General, n, key);
                if (all?.Value is null) return general?.Value is null ? all ?? general : general;
                return general?.Value is { } g ? all with { Alternates = [g] } : all;
            }
            case "人员经费" or "公用经费":
                return SectionTotal(n, n == "人员经费" ? "personnel" : "public");
            case "三公经费" or "财政拨款三公经费":
                return ThreePublic("三公经费", AmountRole.Plain, NarrativeScope.ThreePublic, prior: false);
            default:
                return null;
        }
    }

    /// <summary>
    /// The same row's figure in another column (a 类 named among the parts of a 项目支出 total: "项目支出417.41万元 … 其中：
    /// 一般公共服务支出417.41万元" is the 类's 项目支出), or null when the table has no such column.
    /// </summary>
    public TableFigure? InColumn(TableFigure figure, string column)
    {
        if (figure.Code is not { } code || _tables[figure.Table] is not { } table || table.ColumnFor(column) is not { } printed) return null;
        var row = table.Rows.FirstOrDefault(r => r.Code == code);
        if (row is null) return null;
        var key = column switch { "基本支出" => "_basic", "项目支出" => "_project", _ => "" };
        return Figure(table, row, printed, figure.Key + key, code, $"{table.Id} {row.Code} {row.Name} {printed}");
    }

    /// <summary>"一般公共预算财政拨款基本支出" → 基本支出: the words left once the fund and the words every such total has are removed.</summary>
    private static string FundCore(string n, string fund)
    {
        var at = n.IndexOf(fund, StringComparison.Ordinal);
        if (at != 0) return "?"; // words before the fund ("涉及…", "机关运行经费…") name something else
        var core = n[fund.Length..];
        foreach (var word in new[] { "财政拨款", "当年拨款", "拨款", "安排的", "安排", "本年", "当年", "预算", "总额", "合计" }) core = core.Replace(word, "", StringComparison.Ordinal);
        return core;
    }

    /// <summary>The scope words name by themselves, wherever they are printed: “三公”经费, 一般公共预算…支出 ….</summary>
    private static NarrativeScope? ExplicitScope(string n)
    {
        if (n.Contains("三公", StringComparison.Ordinal)) return NarrativeScope.ThreePublic;
        if (!n.EndsWith("支出", StringComparison.Ordinal)) return null;
        if (n.Contains("一般公共预算", StringComparison.Ordinal)) return NarrativeScope.GeneralBudget;
        if (n.Contains("政府性基金预算", StringComparison.Ordinal)) return NarrativeScope.GovernmentFund;
        if (n.Contains("国有资本经营预算", StringComparison.Ordinal)) return NarrativeScope.StateCapital;
        return null;
    }

    /// <summary>The table of spending by function class a section speaks of, and its total column.</summary>
    private (string Table, string Column) ClassifiedTable(NarrativeScope scope) => scope switch
    {
        NarrativeScope.Department => (_set.Expenditure, _set.ExpenditureTotal),
        NarrativeScope.GeneralBudget or NarrativeScope.BasicExpenditure or NarrativeScope.Appropriation => (_set.General, _set.GeneralTotal),
        NarrativeScope.GovernmentFund => (_set.Fund, _set.FundTotal),
        NarrativeScope.StateCapital => (_set.StateCapital, "合计"),
        _ => ("", ""),
    };

    /// <summary>
    /// "2011301-行政运行", "2080505 机关事业单位基本养老保险缴费支出": a row by its printed code, in the table of the section
    /// (its name must agree, so that a number that is not a code is not taken for one).
    /// </summary>
    private TableFigure? CodedItem(string n, NarrativeScope scope)
    {
        var m = CodePrefix().Match(n);
        if (!m.Success) return null;
        var (tableId, column) = ClassifiedTable(scope);
        if (tableId.Length == 0 || _tables[tableId] is not { } table) return null;
        var code = m.Groups["code"].Value;
        var name = m.Groups["name"].Value;
        var row = table.Rows.FirstOrDefault(r => r.Code == code);
        if (row is null) return null;
        var rowName = Names.Normalize(row.Name);
        if (!(rowName == name || rowName.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(rowName, StringComparison.Ordinal))) return null;
        var printed = table.ColumnFor(column) ?? table.AmountColumns.FirstOrDefault() ?? column;
        var key = row.CodeLevel switch { "类" => "class", "款" => "section", _ => "item" };
        return Figure(table, row, printed, key, row.Code, $"{tableId} {row.Code} {row.Name} {printed}");
    }

    /// <summary>A budget's prior-year figure: last year's outturn of a 类/项 or total (YS05 上年执行数), last year's “三公” budget.</summary>
    private TableFigure? PriorFigure(string subject, string n, NarrativeScope scope, string? item)
    {
        if (_set.GeneralPrior is not { } column || scope is not (NarrativeScope.GeneralBudget or NarrativeScope.BasicExpenditure)) return null;
        if (_tables[_set.General] is not { } table || !table.HasColumn(column)) return null;
        var triple = Triple().Match(subject);
        if (!triple.Success && item is not null) triple = Triple().Match(item);
        if (!triple.Success) return null;
        var row = ItemRow(triple, table);
        return row is null ? null : Figure(table, row, column, "item_prior", row.Code, $"{table.Id} {row.Code} {row.Name} {column}");
    }

    /// <summary>A budget's source of income in the summary table (收支总表: 一般公共预算拨款收入 …), by the core of its name.</summary>
    private TableFigure? BudgetIncome(string n, NarrativeScope scope)
    {
        if (scope is not (NarrativeScope.Department or NarrativeScope.Appropriation)) return null;
        var core = IncomeCore(n);
        var entry = BudgetIncomeCores.FirstOrDefault(c => c.Core == core);
        if (entry.Key is null) return null;
        var tableId = _set.Summary;
        if (_tables[tableId] is not { } table) return new TableFigure(tableId, entry.Key, null, $"{tableId} {n}", null, 0, 0);
        var section = SummarySections(table)?.FirstOrDefault(s => s.Key == "income");
        if (section is null) return null;
        var side = SummaryTableChecks.Read(table, section);
        var line = side.Items.FirstOrDefault(r => IncomeCore(Names.Normalize(r.Name)) == core);
        if (line is null) return null; // budgets name their lines too variously for an absent one to mean 0
        var columns = SummaryTableChecks.ColumnsOf(table, section.Section);
        if (columns.Count == 0) return null;
        return Figure(table, line, columns[0], entry.Key, null, $"{tableId} {line.Name}");
    }

    /// <summary>"一般公共预算拨款收入" → 一般公共预算: what is left of a source's name without ordinals and the words every source has.</summary>
    private static string IncomeCore(string n)
    {
        var core = n;
        foreach (var word in new[] { "本年", "财政拨款", "拨款", "收入", "资金", "财政" }) core = core.Replace(word, "", StringComparison.Ordinal);
        return core;
    }

    private static IReadOnlyList<Templates.SummarySection>? SummarySections(TableView table) => table.Template?.Summary ?? table.Template?.SummaryTotals;

    private TableFigure? ThreePublic(string n, AmountRole role, NarrativeScope scope, bool prior)
    {
        var section = prior ? _set.ThreePublicPrior : role == AmountRole.Budget ? _set.ThreePublicBudget : _set.ThreePublicCurrent;
        var suffix = prior ? "_prior" : role == AmountRole.Budget ? "_budget" : "";
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
        if (role == AmountRole.Change || section is null) return null;

        var tableId = _set.ThreePublic;
        var table = _tables[tableId];
        var key = column switch
        {
            "会议费" => "meeting",
            "培训费" => "training",
            _ => TemplateKey(column),
        };
        if (table is null) return new TableFigure(tableId, key + suffix, null, $"{tableId} {section} {column}", null, 0, 0);
        // A final account's GK09 printed without amounts reads as 0 (blank cells are no spending); a budget's YS07 with no
        // row read at all is a table we could not read.
        if (table.Rows.Count == 0 && _set.IsBudget)
        {
            return new TableFigure(tableId, key + suffix, null, $"{tableId} {section} {column}", null, 0, table.Table.Source.Pages[0])
            {
                Unreadable = $"{tableId} was found on page {table.Table.Source.Pages[0]} but no row of amounts was read from it, so this check could not run.",
            };
        }
        // A table printing one row without naming its section prints the year's figure (a budget's 本年预算数).
        var row = table.Rows.FirstOrDefault(r => r.Section == section)
            ?? (section == _set.ThreePublicCurrent && _set.IsBudget ? table.Rows.FirstOrDefault(r => r.Section.Length == 0) : null);
        if (row is null && _set.IsBudget)
        {
            return new TableFigure(tableId, key + suffix, null, $"{tableId} {section} {column}", null, 0, table.Table.Source.Pages[0])
            {
                Unreadable = $"{tableId} prints no {section} row that was read, so this check could not run.",
            };
        }
        var actualColumn = table.HasColumn(column) ? column : table.AmountColumns.FirstOrDefault(c => c.EndsWith(column, StringComparison.Ordinal));
        if (actualColumn is null)
        {
            // 公务用车购置及运行维护费 without a 小计 column: 购置费 + 运行费.
            if (column == "公务用车购置及运行维护费" && row is not null && table.HasColumn("公务用车购置费") && table.HasColumn("公务用车运行费"))
            {
                var sum = table.Value(row, "公务用车购置费") + table.Value(row, "公务用车运行费");
                return new TableFigure(tableId, key + suffix, null, $"{tableId} {section} 公务用车购置费 + 公务用车运行费", sum, 2 * table.HalfUnit, table.PageOf(row, "公务用车运行费"))
                {
                    Cells = new[] { table.CellOf(row, "公务用车购置费", CellRole.Figure), table.CellOf(row, "公务用车运行费", CellRole.Figure) }.OfType<CheckCell>().ToList(),
                };
            }
            return null;
        }
        var value = row is null ? 0m : table.Value(row, actualColumn);
        return new TableFigure(tableId, key + suffix, null, $"{tableId} {section} {actualColumn}", value, table.HalfUnit, row is null ? table.Table.Source.Pages[0] : table.PageOf(row, actualColumn))
        {
            Column = actualColumn,
            Row = row,
            Cells = row is not null && table.CellOf(row, actualColumn, CellRole.Figure) is { } cell ? [cell] : [],
        };
    }

    /// <summary>
    /// The budget and outturn the “三公” table prints for a figure of it (GK09 预算数 / 决算数 in the figure's column), for a
    /// completion rate stated against them; null when the table does not print both.
    /// </summary>
    public (TableFigure Final, TableFigure Budget)? ThreePublicPair(TableFigure final)
    {
        if (_set.IsBudget || final.Table != _set.ThreePublic || final.Column is not { } column || _tables[final.Table] is not { } table) return null;
        var budgetRow = table.Rows.FirstOrDefault(r => r.Section == _set.ThreePublicBudget);
        var finalRow = table.Rows.FirstOrDefault(r => r.Section == _set.ThreePublicCurrent);
        if (budgetRow is null || finalRow is null || !table.HasColumn(column)) return null;
        var budget = new TableFigure(table.Id, final.Key + "_budget", null, $"{table.Id} {_set.ThreePublicBudget} {column}", table.Value(budgetRow, column), table.HalfUnit, table.PageOf(budgetRow, column))
        {
            Column = column,
            Cells = table.CellOf(budgetRow, column, CellRole.Figure) is { } cell ? [cell] : [],
        };
        return (final, budget);
    }

    /// <summary>The check-id key of a “三公” column: the template's key where it has one (total, vehicles …), else the name.</summary>
    private string TemplateKey(string column) =>
        (_tables[_set.ThreePublic]?.Template ?? Templates.TemplateCatalog.Default.Find(_set.ThreePublic))?.ColumnKeys?.GetValueOrDefault(column)
        ?? (column == "合计" ? "total" : Names.Normalize(column));

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

    /// <summary>
    /// 人员经费 / 公用经费 of the basic expenditure: GK06's section totals; in a budget, the 合计 row of YS06 in those
    /// columns, else of YS05.
    /// </summary>
    private TableFigure? SectionTotal(string section, string key)
    {
        if (_set.IsBudget)
        {
            foreach (var id in new[] { _set.Basic, _set.General })
            {
                if (_tables[id] is not { } t || t.TotalRow is not { } total || t.ColumnFor(section) is not { } column || t.Raw(total, column) is null) continue;
                return Figure(t, total, column, key, null, $"{id} {total.Name} {column}");
            }
            return _tables[_set.Basic] is null ? new TableFigure(_set.Basic, key, null, $"{_set.Basic} {section}", null, 0, 0) : null;
        }
        var table = _tables[_set.Basic];
        if (table is null) return new TableFigure(_set.Basic, key, null, $"{_set.Basic} {section}合计", null, 0, 0);
        var names = table.Template?.SectionTotals?.FirstOrDefault(s => s.Section == section)?.Names ?? [section + "合计"];
        var row = table.Rows.Where(r => r.Code.Length == 0 && names.Any(n => Names.Same(r.Name, n))).OrderByDescending(r => r.Values.Count).FirstOrDefault();
        if (row is null) return null;
        var amountColumn = table.AmountColumns.FirstOrDefault() ?? "决算数";
        return Figure(table, row, amountColumn, key, null, $"{table.Id} {row.Name}");
    }

    /// <summary>A summary table's subtotal (本年收入合计) or grand total (总计) on one side.</summary>
    private TableFigure? SummaryLine(string tableId, string sideKey, bool grand, string key)
    {
        var table = _tables[tableId];
        if (table is null) return new TableFigure(tableId, key, null, $"{tableId} {sideKey}", null, 0, 0);
        var section = SummarySections(table)?.FirstOrDefault(s => s.Key == sideKey);
        if (section is null) return null;
        var side = SummaryTableChecks.Read(table, section);
        var row = grand ? side.GrandTotal : side.Subtotal;
        if (row is null) return null;
        var columns = SummaryTableChecks.ColumnsOf(table, section.Section);
        if (columns.Count == 0) return null;
        var column = SummaryTableChecks.SideTotalColumn(table, section.Section, columns);
        var description = $"{tableId} {section.Section} {row.Name}" + (columns.Count > 1 ? $" {column}" : "");
        if (_set.IsBudget && table.Raw(row, column) is null)
        {
            // A budget summary's total line printed blank is a line we misplaced more likely than a total of 0.
            return new TableFigure(tableId, key, null, description, null, 0, row.Page)
            {
                Unreadable = $"{description} was read without an amount (page {row.Page}), so this check could not run.",
            };
        }
        return Figure(table, row, column, key, null, description);
    }

    private TableFigure? BalanceLine(string tableId, string sideKey, string word, string key)
    {
        var table = _tables[tableId];
        if (table is null) return new TableFigure(tableId, key, null, $"{tableId} {word}结转和结余", null, 0, 0);
        var section = SummarySections(table)?.FirstOrDefault(s => s.Key == sideKey);
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
        var section = SummarySections(table)?.FirstOrDefault(s => s.Key == "income");
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
        var (tableId, column) = scope == NarrativeScope.Appropriation ? (_set.Appropriation, "小计") : ClassifiedTable(scope);
        if (tableId.Length == 0) return null;
        var table = _tables[tableId];
        var catalogCode = FunctionClasses.CodeOf(name);
        if (table is null) return catalogCode is null ? null : new TableFigure(tableId, "class", catalogCode, $"{tableId} 类 {catalogCode}", null, 0, 0);

        if (tableId == _set.Appropriation)
        {
            var section = SummarySections(table)?.FirstOrDefault(s => s.Key == "expenditure");
            if (section is null) return null;
            var side = SummaryTableChecks.Read(table, section);
            var core = FunctionClasses.Core(name);
            var line = side.Items.FirstOrDefault(r => FunctionClasses.Core(r.Name) == core)
                ?? (catalogCode is null ? null : side.Items.FirstOrDefault(r => FunctionClasses.CodeOf(r.Name) == catalogCode));
            if (line is null)
            {
                // A budget's summary table may list only some lines: an absent one is unknown there, not 0.
                return catalogCode is null || _set.IsBudget ? null : new TableFigure(tableId, "class", catalogCode, $"{tableId} {name} (no such line)", 0m, table.HalfUnit, table.Table.Source.Pages[0]);
            }
            var columns = SummaryTableChecks.ColumnsOf(table, section.Section);
            var col = table.HasColumn(column) ? column : columns.Count > 0 ? SummaryTableChecks.SideTotalColumn(table, section.Section, columns) : column;
            return Figure(table, line, col, "class", catalogCode ?? FunctionClasses.CodeOf(line.Name), $"{tableId} {line.Name} {col}");
        }

        var (code, row) = FunctionClasses.Match(name, table);
        if (code is null) return null;
        column = table.ColumnFor(column) ?? table.AmountColumns.FirstOrDefault() ?? column;
        if (row is null)
        {
            if (_set.IsBudget && !table.RowsAt("类").Any()) return null; // a table printing no 类 rows says nothing of this one
            return new TableFigure(tableId, "class", code, $"{tableId} 类 {code} (not printed)", 0m, table.HalfUnit, table.Table.Source.Pages[0]);
        }
        return Figure(table, row, column, "class", code, $"{tableId} {row.Code} {row.Name} {column}");
    }

    /// <summary>A 项 named by its 类, 款 and 项 names (or codes), in the table of the section.</summary>
    private TableFigure? Item(Match triple, NarrativeScope scope)
    {
        var (tableId, column) = ClassifiedTable(scope);
        if (tableId.Length == 0) return null;
        var table = _tables[tableId];
        if (table is null) return null;
        var row = ItemRow(triple, table);
        if (row is null) return null;
        column = table.ColumnFor(column) ?? table.AmountColumns.FirstOrDefault() ?? column;
        return Figure(table, row, column, "item", row.Code, $"{tableId} {row.Code} {row.Name} {column}");
    }

    /// <summary>
    /// The 项 row a triple names: by its codes when all three are printed ("公共安全支出（204类）司法（06款）行政运行（01项）"),
    /// else by the 类 and the 项 name (and the 款 name where two 项 share a name).
    /// </summary>
    private static TableRow? ItemRow(Match triple, TableView table)
    {
        var itemCore = Names.Normalize(triple.Groups["x"].Value);
        if (triple.Groups["cc"].Success && triple.Groups["kc"].Success && triple.Groups["xc"].Success)
        {
            var code = triple.Groups["cc"].Value + triple.Groups["kc"].Value + triple.Groups["xc"].Value;
            var byCode = table.Rows.FirstOrDefault(r => r.Code == code);
            if (byCode is not null) return byCode;
        }
        var (classCode, _) = FunctionClasses.Match(triple.Groups["c"].Value, table);
        if (classCode is null) return null;
        var sectionCore = Names.Normalize(triple.Groups["k"].Value);
        var candidates = table.RowsAt("项").Where(r => r.Code.StartsWith(classCode, StringComparison.Ordinal) && Names.Normalize(r.Name) == itemCore).ToList();
        if (candidates.Count > 1)
        {
            var sections = table.RowsAt("款").Where(r => r.Code.StartsWith(classCode, StringComparison.Ordinal) && Names.Normalize(r.Name) == sectionCore).Select(r => r.Code).ToList();
            candidates = candidates.Where(c => sections.Any(s => c.Code.StartsWith(s, StringComparison.Ordinal))).ToList();
        }
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static TableFigure Figure(TableView table, TableRow row, string column, string key, string? code, string description) =>
        new(table.Id, key, code, description, table.Value(row, column), table.HalfUnit * table.LeafCount(row, column), table.PageOf(row, column))
        {
            Column = column,
            Row = row,
            Cells = table.CellOf(row, column, CellRole.Figure) is { } cell ? [cell] : [],
        };

    /// <summary>
    /// "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）", "公共安全支出（204类）司法（06款）行政运行（01项）":
    /// a 项 by its 类, 款 and 项 names, with their codes where printed.
    /// </summary>
    [GeneratedRegex(@"(?<c>[^（(）)，。；：、.．\d]+?)[（(](?<cc>\d{3})?类[）)](?<k>[^（(）)，。；：]+?)[（(](?<kc>\d{2})?款[）)](?<x>[^（(）)，。；：]+?)[（(](?<xc>\d{2})?项[）)]")]
    public static partial Regex Triple();

    /// <summary>"2011301-行政运行" (punctuation removed: 2011301行政运行): a printed function code and its name.</summary>
    [GeneratedRegex(@"^(?<code>\d{3}(?:\d{2}){1,2})(?<name>[^\d].*)$")]
    private static partial Regex CodePrefix();
}
