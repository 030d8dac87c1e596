using System.Text.RegularExpressions;
using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// The narrative (情况说明) against the tables and against its own arithmetic, to the precision printed:
/// <list type="bullet">
/// <item>an amount whose words name a table figure = that figure (<c>narrative.GK03.basic</c>, <c>narrative.GK09.total_budget</c>,
/// <c>narrative.GK05.class.207</c>); the figure rounded to the narrative's decimals passes, a difference rounding explains warns;</item>
/// <item>a share "占 P%" = the amount / its base (the total the sentence or its list starts from, or the total named after 占)
/// (<c>narrative.GK03.basic_share</c>, or <c>narrative.share</c> when the item names no table figure);</item>
/// <item>a completion rate "完成年初预算的 R%" = 决算 / 预算 (<c>…_completion</c>), with the budget from GK09 for a “三公” item
/// whose sentence does not print it;</item>
/// <item>a change "较上年减少 D 万元，减少 P%" = D / (this year ∓ D) (<c>…_change</c>); "决算数较预算数减少 D" = |决算 − 预算| (<c>…_gap</c>);</item>
/// <item>"决算数大于/小于/等于预算数" agrees with the two amounts (<c>…_direction</c>).</item>
/// </list>
/// Every check quotes its sentence and gives its page.
/// </summary>
public sealed partial class NarrativeChecks
{
    private readonly NarrativeSubjects _subjects;
    private readonly DocumentTables _tables;
    private readonly NarrativeLedger _ledger;
    private readonly List<CheckResult> _results = [];

    private NarrativeChecks(DocumentTables tables, NarrativeLedger ledger)
    {
        _tables = tables;
        _ledger = ledger;
        _subjects = new NarrativeSubjects(tables);
    }

    public static IReadOnlyList<CheckResult> Run(DocumentTables tables, NarrativeText narrative, string department = "") =>
        Run(tables, new NarrativeLedger(narrative, department, tables.Kind == "budget"), department);

    /// <summary>The checks of the ledger's sentences; the ledger learns what each statement refers to and which checks read it.</summary>
    public static IReadOnlyList<CheckResult> Run(DocumentTables tables, NarrativeLedger ledger, string department = "")
    {
        var checks = new NarrativeChecks(tables, ledger);
        checks.RunAll(ledger.Sentences, department);
        return checks._results;
    }

    private void RunAll(IReadOnlyList<SentenceTokens> sentences, string department)
    {
        AmountToken? head = null;
        var paragraph = -1;
        string? item = null;
        (AmountToken Final, AmountToken Budget, TableFigure? Figure)? pair = null;
        SentenceTokens? previous = null;
        // Figures by token (by reference): a change stated in one sentence may measure an amount of the previous one.
        var figures = new Dictionary<AmountToken, TableFigure?>(ReferenceEqualityComparer.Instance);
        // The amounts of the section so far: a share may name one of them as its base ("占政府采购支出总额的…").
        var sectionAmounts = new List<AmountToken>();

        foreach (var s in sentences)
        {
            if (s.Paragraph.Index != paragraph)
            {
                // An enumeration item ("1、…（项）。年初预算为…") may run over several printed paragraphs: its 项 and its
                // 决算/预算 pair hold until the next item or heading.
                paragraph = s.Paragraph.Index;
                var triple = NarrativeSubjects.Triple().Match(s.Paragraph.Text);
                if (s.Paragraph.IsHeading || s.Paragraph.IsEnumerationItem || triple.Success)
                {
                    pair = null;
                    item = triple.Success ? triple.Value : null;
                }
                if (s.Paragraph.IsHeading)
                {
                    head = null;
                    sectionAmounts.Clear();
                }
            }
            var scope = s.Paragraph.Scope;
            // "收入合计X万元，较上年增加…。其中：财政拨款收入A万元，占P%": a sentence opening with 其中 lists the parts of
            // the amount the sentence before it led with.
            if (OpensWithParts().IsMatch(s.Sentence.Text) && previous?.Amounts.FirstOrDefault(a => a.Role != AmountRole.Change) is { } lead) head = lead;
            TableFigure? FigureOf(AmountToken a)
            {
                if (figures.TryGetValue(a, out var f)) return f;
                var subject = NarrativeSubjectOf(a, s, scope);
                f = _subjects.Resolve(subject, a.Role, scope, item, IsPrior(a));
                // A 类 or 项 listed after the sentence's 基本支出 or 项目支出 total is its part of that column.
                if (f is { Key: "class" or "item" } && s.Amounts.TakeWhile(x => x != a).Select(x => figures.GetValueOrDefault(x))
                        .LastOrDefault(x => x is { Key: "basic" or "project" } && x.Table == f.Table) is { } part)
                {
                    f = _subjects.InColumn(f, part.Key == "basic" ? "基本支出" : "项目支出") ?? f;
                }
                figures[a] = f;
                if (f is not null) _ledger.Refers(a, f);
                return f;
            }

            // Amounts against the tables.
            foreach (var a in s.Amounts)
            {
                if (a.Role == AmountRole.Change) continue;
                var figure = FigureOf(a);
                if (figure is null)
                {
                    if (IsPrior(a)) _ledger.Why(a, "a prior-year figure, which the tables do not print.");
                    continue;
                }
                var check = AmountCheck(s, a, figure);
                _ledger.Read(a, check);
                _results.Add(check);
            }

            // Percentages.
            var consumed = -1;
            foreach (var p in s.Percents)
            {
                switch (p.Kind)
                {
                    case PercentKind.Share:
                        Share(s, p, head, FigureOf, scope, sectionAmounts);
                        break;
                    case PercentKind.Completion:
                    {
                        var final = s.Before(p.Start, a => a.Role is AmountRole.Final or AmountRole.Plain, consumed);
                        var budgets = s.Amounts.Where(a => a.Role == AmountRole.Budget && a.Start >= consumed && a.End <= p.Start).Reverse().ToList();
                        if (final is not null) Completion(s, p, final, budgets, FigureOf(final));
                        else _ledger.Why(p, "a completion rate with no outturn printed before it.");
                        consumed = p.End;
                        break;
                    }
                    case PercentKind.Change:
                        Change(s, p, previous, FigureOf);
                        break;
                }
            }

            // Parts listed after 其中 against the total they are parts of.
            var partsAt = PartsMarker().Match(s.Sentence.Text);
            if (partsAt.Success)
            {
                // The total: the amount before 其中, or when the sentence opens with it, the previous sentence's first outturn.
                var total = partsAt.Index == 0 ? previous?.Amounts.FirstOrDefault(a => a.Role is AmountRole.Plain or AmountRole.Final)
                    : s.Before(partsAt.Index, a => a.Role is AmountRole.Plain or AmountRole.Final);
                if (total is not null) Parts(s, total, s.Amounts.Where(a => a.Start > partsAt.Index).ToList(), FigureOf);
            }

            // Budget gaps ("决算数较预算数减少5.91万元").
            foreach (var d in s.Amounts.Where(a => a.Role == AmountRole.Change && a.AgainstBudget))
            {
                var final = s.Before(d.Start, a => a.Role == AmountRole.Final);
                var budget = s.Before(d.Start, a => a.Role == AmountRole.Budget);
                if (final is not null && budget is not null && d.Direction != 0) Gap(s, d, final, budget, FigureOf(final));
            }

            // The pair a direction statement speaks of, kept for the paragraph: the last budget of a sentence and the first
            // outturn after it ("年初预算为B万元，支出决算为A万元").
            var lastBudget = s.Amounts.LastOrDefault(a => a.Role == AmountRole.Budget);
            var pairedFinal = lastBudget is null ? null : s.Amounts.FirstOrDefault(a => a.Role == AmountRole.Final && a.Start > lastBudget.Start);
            if (lastBudget is not null && pairedFinal is not null) pair = (pairedFinal, lastBudget, FigureOf(pairedFinal));
            var direction = Direction().Match(s.Sentence.Text);
            if (direction.Success)
            {
                var statement = _ledger.Add(StatementKind.Direction, direction.Value, s.Quote, Pages(s.Sentence.PageAt(direction.Index)), scope, scope != NarrativeScope.None);
                if (pair is { } current)
                {
                    // "“三公”经费支出决算数小于预算数": the sentence may name what it speaks of.
                    var before = s.Sentence.Text[..direction.Index];
                    var own = NarrativeStatementReader.CleanSubject(before[(before.LastIndexOfAny(['，', ',', '；', ';', '：', ':', '。']) + 1)..], department);
                    var figure = own.Length > 0 && !NarrativeStatementReader.IsGeneric(own) ? _subjects.Resolve(own, AmountRole.Final, scope, item) : null;
                    var check = DirectionCheck(s, direction, current.Final, current.Budget, figure ?? current.Figure);
                    if (check is not null)
                    {
                        _ledger.Read(statement, check, $"outturn {F(check.Actual ?? 0)} against budget {F(check.Expected ?? 0)}");
                        _ledger.Read(current.Final, check);
                        _ledger.Read(current.Budget, check);
                    }
                }
                else
                {
                    _ledger.Why(statement, "no outturn and budget printed before it in its paragraph to compare.");
                }
            }

            // The total a list of items starts from ("本年支出合计X万元，其中：", "…主要用于以下方面：").
            var first = s.Amounts.FirstOrDefault();
            if (first is not null && HeadMarker().IsMatch(s.Sentence.Text[first.End..])) head = first;
            previous = s;
            sectionAmounts.AddRange(s.Amounts);
        }
    }

    /// <summary>
    /// Whether a budget's amount is last year's ("2025年当年预算执行数为…", "上年预算数…" in a 2026 budget): the tables print
    /// it only in a prior-year column or section.
    /// </summary>
    private bool IsPrior(AmountToken a)
    {
        if (_tables.Kind != "budget" || a.Role == AmountRole.Change) return false;
        if (_tables.Year is { } year && a.RawSubject.Contains($"{year - 1}年", StringComparison.Ordinal)) return true;
        return PriorYearOwn().IsMatch(a.RawSubject);
    }

    /// <summary>
    /// The words an amount stands for: its own, or when they are generic (支出决算为, 实际支出) the sentence's topic;
    /// a bare 收入 does not take a topic about spending, nor a bare 支出 one about income.
    /// </summary>
    private static string NarrativeSubjectOf(AmountToken a, SentenceTokens s, NarrativeScope scope)
    {
        var subject = Names.Normalize(a.Subject);
        if (!NarrativeStatementReader.IsGeneric(subject)) return a.Subject;
        if (scope == NarrativeScope.GovernmentFund && subject is "收入" or "支出") return subject;
        var topic = s.Topic;
        if (NarrativeStatementReader.IsGeneric(topic)) return a.Subject;
        if (subject == "支出" && topic.Contains("收入", StringComparison.Ordinal) && !topic.Contains("支出", StringComparison.Ordinal)) return a.Subject;
        if (subject == "收入" && topic.Contains("支出", StringComparison.Ordinal) && !topic.Contains("收入", StringComparison.Ordinal)) return a.Subject;
        return topic;
    }

    private CheckResult AmountCheck(SentenceTokens s, AmountToken a, TableFigure figure)
    {
        var id = $"narrative.{figure.IdPart()}";
        var pages = Pages(s.Sentence.PageAt(a.Start), s.Sentence.PageAt(a.End - 1), figure.Page);
        if (figure.Value is null)
        {
            return CheckList.Skipped(id, [figure.Table], figure.Unreadable ?? _tables.MissingMessage([figure.Table]), pages, s.Quote);
        }
        var value = figure.Value.Value;
        var candidates = figure.Alternates.Prepend(value).ToList();
        var best = candidates.OrderBy(c => Math.Abs(a.Value - c)).First();
        var difference = a.Value - best;
        var tolerance = Math.Max(a.HalfUnit, figure.Tolerance);
        var status = difference == 0 || Tolerance.Round(best, a.Scale) == a.Value ? CheckStatus.Pass : Tolerance.Status(difference, tolerance);
        var initialBudget = a.Role == AmountRole.Budget && a.RawSubject.Contains("年初预算", StringComparison.Ordinal)
            ? " (The narrative gives the 年初预算; GK09's 预算数 is the full-year budget after adjustments, so they should agree unless the budget was adjusted, which the narrative would then have to say.)"
            : "";
        var message = status switch
        {
            CheckStatus.Pass => $"The narrative states {a.Printed}, as {figure.Description} prints ({F(best)}).",
            CheckStatus.Warn => $"The narrative states {a.Printed}; {figure.Description} prints {F(best)}: a difference of {F(difference)} 万元, within rounding (±{F(tolerance)}).",
            _ => $"The narrative states {a.Printed}; {figure.Description} prints {F(value)}: a difference of {F(a.Value - value)} 万元, more than rounding can explain.{initialBudget}",
        };
        return new CheckResult
        {
            Id = id,
            Tables = [figure.Table],
            Status = status,
            Expected = status == CheckStatus.Fail ? value : best,
            Actual = a.Value,
            Difference = status == CheckStatus.Fail ? a.Value - value : difference,
            Tolerance = tolerance,
            Pages = pages,
            Message = message,
            Quote = s.Quote,
            Cells = figure.CellsWith(status),
        };
    }

    private void Share(SentenceTokens s, PercentToken p, AmountToken? head, Func<AmountToken, TableFigure?> figureOf, NarrativeScope scope, IReadOnlyList<AmountToken> earlier)
    {
        var item = s.Before(p.Start, _ => true, s.Percents.LastOrDefault(q => q.End <= p.Start)?.End ?? -1);
        if (item is null || item.Role == AmountRole.Change)
        {
            _ledger.Why(p, "a share with no amount printed before it in its clause.");
            return;
        }
        var bases = new List<(Amount Amount, string Text, TableFigure? Figure, AmountToken? Token)>();
        var basePhrase = Names.Normalize(p.BasePhrase);
        if (basePhrase.Length > 0)
        {
            // "占本年支出", "占一般公共预算财政拨款支出的": the base is the table figure those words name, else an amount
            // printed before under those words ("政府采购支出总额1967.42万元 … 占政府采购支出总额的92.54%").
            var subject = BaseSubject(p.BasePhrase);
            var baseFigure = _subjects.Resolve(subject, AmountRole.Plain, scope, shareBase: true);
            if (baseFigure?.Value is { } v)
            {
                bases.Add((new Amount(v, baseFigure.Tolerance), baseFigure.Description, baseFigure, null));
                bases.AddRange(baseFigure.Alternates.Select(a => (new Amount(a, baseFigure.Tolerance), $"{baseFigure.Description} (or {F(a)})", (TableFigure?)baseFigure, (AmountToken?)null)));
            }
            else if (earlier.Concat(s.Amounts.Where(a => a.End <= p.Start)).LastOrDefault(a => a != item && a.Role != AmountRole.Change && SameItem(BaseSubject(a.Subject), subject)) is { } named)
            {
                bases.Add((named.Amount, $"{named.Printed} ({Short(named.Subject)})", null, named));
            }
            else
            {
                _ledger.Why(p, baseFigure is not null
                    ? baseFigure.Unreadable ?? $"its base «{p.BasePhrase}» is {baseFigure.Description}, which was not read."
                    : $"its base «{p.BasePhrase}» names no figure of the tables and no amount printed before it.");
                return;
            }
        }
        else
        {
            // "X万元，其中：A a万元，占P%": the base is the amount the list starts from.
            var first = s.Amounts.FirstOrDefault();
            var lead = first is not null && first != item && first.Role != AmountRole.Change && HeadMarker().IsMatch(s.Sentence.Text[first.End..])
                ? first
                : head is not null && head != item ? head : null;
            if (lead is not null)
            {
                bases.Add((lead.Amount, $"{lead.Printed} ({Short(lead.Subject)})", null, lead));
            }
            else
            {
                // "“三公”经费财政拨款支出决算中，因公出国（境）费支出4.69万元，占10.15%": the base is what the lead words name.
                var leadFigure = s.Lead.Length == 0 ? null : _subjects.Resolve(s.Lead, AmountRole.Plain, scope);
                if (leadFigure?.Value is not { } v)
                {
                    _ledger.Why(p, "a share that names no base, with no total before it that a list of parts starts from.");
                    return;
                }
                bases.Add((new Amount(v, leadFigure.Tolerance), leadFigure.Description, leadFigure, null));
            }
        }
        RatioOutcome? outcome = null;
        var chosen = bases[0];
        foreach (var b in bases)
        {
            var o = Tolerance.Ratio(p.Value, p.Scale, item.Amount, b.Amount);
            if (o is null) continue;
            if (outcome is null || Tolerance.Rank(o.Status) < Tolerance.Rank(outcome.Status))
            {
                outcome = o;
                chosen = b;
            }
        }
        if (outcome is null)
        {
            _ledger.Why(p, "its base is 0: there is no share to compute.");
            return;
        }
        var tables = new List<string>();
        var figure = figureOf(item);
        if (figure is not null) tables.Add(figure.Table);
        if (chosen.Figure is not null) tables.Add(chosen.Figure.Table);
        // A share of a table figure by an amount that names none ("资金72万元，占一般公共预算项目支出总额的98.3%") is
        // named after its base: narrative.GK05.project_part_share.
        var id = figure is not null ? $"narrative.{figure.IdPart("_share")}"
            : chosen.Figure is not null ? $"narrative.{chosen.Figure.IdPart("_part_share")}"
            : "narrative.share";
        var cells = (figure?.Cells ?? []).Concat(chosen.Figure?.Cells ?? []).ToList();
        var check = RatioCheck(id, tables, s, p, outcome, $"{Short(item.Subject)} {item.Printed} as a share of {chosen.Text}", cells);
        _ledger.Read(p, check, $"{item.Printed} / {chosen.Text}");
        _ledger.Read(item, check);
        _ledger.Read(chosen.Token, check);
        _results.Add(check);
    }

    /// <summary>Whether two subjects name one item: equal, or one ends with the other ("国家信访局政府采购支出" / "政府采购支出").</summary>
    private static bool SameItem(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2) return false;
        return a == b || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal);
    }

    private void Completion(SentenceTokens s, PercentToken p, AmountToken final, IReadOnlyList<AmountToken> budgets, TableFigure? figure)
    {
        // The budget: the nearest printed before the rate (年初预算, or 调整预算 when both are printed: the rate may be of
        // either), else for a “三公” item the 预算数 GK09 prints.
        var candidates = budgets.Select(b => (Amount: b.Amount, Text: b.Printed, Table: (string?)null, Cell: (CheckCell?)null, Token: (AmountToken?)b)).ToList();
        if (candidates.Count == 0 && figure is { Column: { } column } && figure.Table == _subjects.Set.ThreePublic && !_subjects.Set.IsBudget && _tables[figure.Table] is { } gk09)
        {
            var row = gk09.Rows.FirstOrDefault(r => r.Section == _subjects.Set.ThreePublicBudget);
            if (row is not null && gk09.HasColumn(column))
            {
                var value = gk09.Value(row, column);
                candidates.Add((new Amount(value, gk09.HalfUnit), $"{gk09.Id} {row.Section} {column} {F(value)}", gk09.Id, gk09.CellOf(row, column, CellRole.Figure), null));
            }
        }
        if (candidates.Count == 0)
        {
            _ledger.Why(p, "a completion rate with no budget printed before it, and no table prints one for its item.");
            return;
        }
        RatioOutcome? outcome = null;
        var chosen = candidates.FirstOrDefault();
        foreach (var c in candidates)
        {
            var o = Tolerance.Ratio(p.Value, p.Scale, final.Amount, c.Amount);
            if (o is null) continue;
            if (outcome is null || Tolerance.Rank(o.Status) < Tolerance.Rank(outcome.Status))
            {
                outcome = o;
                chosen = c;
            }
        }
        var what = $"completion {final.Printed} / budget {chosen.Text}";
        var tables = new List<string>();
        var cells = new List<CheckCell>();
        // The table the rate describes prints both figures (GK09 预算数 and 决算数): the rate is held against them, not
        // against the sentence's own budget, which may itself contradict the table ("全年预算为3万元 … 完成全年预算的29%"
        // with GK09 printing 0.87 and 0.87). A 年初预算 may differ from GK09's adjusted 预算数, and is left to its own rate.
        var initialOnly = chosen.Token is { } b && b.RawSubject.Contains("年初", StringComparison.Ordinal);
        if (figure is not null && !initialOnly && _subjects.ThreePublicPair(figure) is { } pair && pair.Final.Value is { } fv && pair.Budget.Value is { } bv)
        {
            var tableOutcome = Tolerance.Ratio(p.Value, p.Scale, new Amount(fv, pair.Final.Tolerance), new Amount(bv, pair.Budget.Tolerance));
            if (tableOutcome is not null)
            {
                var agreesWithSentence = outcome is not null && outcome.Status != CheckStatus.Fail;
                var sentenceNote = tableOutcome.Status == CheckStatus.Fail && agreesWithSentence && chosen.Token is not null
                    ? $" It matches only the sentence's own budget {chosen.Text}, which {pair.Budget.Description} does not print."
                    : string.Empty;
                outcome = tableOutcome;
                what = $"completion {pair.Final.Description} {F(fv)} / {pair.Budget.Description} {F(bv)}";
                tables.Add(figure.Table);
                cells.AddRange(pair.Final.Cells);
                cells.AddRange(pair.Budget.Cells);
                var tableCheck = RatioCheck($"narrative.{figure.IdPart("_completion")}", tables, s, p, outcome, what, cells);
                tableCheck = tableCheck with { Message = tableCheck.Message + sentenceNote };
                _ledger.Read(p, tableCheck, what);
                _ledger.Read(final, tableCheck);
                _ledger.Read(chosen.Token, tableCheck);
                _results.Add(tableCheck);
                return;
            }
        }
        if (outcome is null)
        {
            _ledger.Why(p, "its budget is 0: there is no rate to compute.");
            return;
        }
        if (figure is not null) tables.Add(figure.Table);
        if (chosen.Table is not null) tables.Add(chosen.Table);
        var id = figure is null ? "narrative.completion" : $"narrative.{figure.IdPart("_completion")}";
        cells.AddRange(figure?.Cells ?? []);
        if (chosen.Cell is { } budgetCell) cells.Add(budgetCell);
        var check = RatioCheck(id, tables, s, p, outcome, what, cells);
        _ledger.Read(p, check, what);
        _ledger.Read(final, check);
        _ledger.Read(chosen.Token, check);
        _results.Add(check);
    }

    private void Change(SentenceTokens s, PercentToken p, SentenceTokens? previous, Func<AmountToken, TableFigure?> figureOf)
    {
        var after = s.Percents.LastOrDefault(q => q.End <= p.Start && q.Kind == PercentKind.Change)?.End ?? -1;
        var change = s.Before(p.Start, a => a.Role == AmountRole.Change, after);
        if (change is null || change.Direction == 0 && change.Value != 0)
        {
            _ledger.Why(p, "a rate of change with no change amount (增加/减少 X万元) before it.");
            return;
        }
        var current = s.Before(change.Start, a => a.Role is AmountRole.Plain or AmountRole.Final);
        if (current is null && previous is not null && previous.Paragraph.Index >= s.Paragraph.Index - 1 && ComparedOpening().IsMatch(s.Sentence.Text))
        {
            current = previous.Amounts.LastOrDefault(a => a.Role is AmountRole.Plain or AmountRole.Final);
        }
        if (current is null)
        {
            _ledger.Why(p, "a rate of change with no current amount before its change amount.");
            return;
        }
        var prior = current.Value - change.Direction * change.Value;
        if (prior <= 0)
        {
            _ledger.Why(p, "the prior-year amount it implies is 0 or less: there is no rate to compute.");
            return;
        }
        var priorTolerance = current.HalfUnit + change.HalfUnit;
        var priorText = $"{current.Printed} {(change.Direction > 0 ? "−" : "+")} {change.Printed}";
        var outcome = Tolerance.Ratio(p.Value, p.Scale, change.Amount, new Amount(prior, current.HalfUnit + change.HalfUnit));
        if (outcome is null) return; // prior > 0: cannot happen
        if (outcome.Status == CheckStatus.Fail && PriorYear().IsMatch(current.RawSubject) && current.Value > 0)
        {
            // "较上年的X万元增加D万元": the amount printed is itself last year's.
            var asPrior = Tolerance.Ratio(p.Value, p.Scale, change.Amount, current.Amount);
            if (asPrior is not null && asPrior.Status != CheckStatus.Fail)
            {
                outcome = asPrior;
                prior = current.Value;
                priorTolerance = current.HalfUnit;
                priorText = $"{current.Printed}, the prior year's amount as printed";
            }
        }
        if (outcome.Status == CheckStatus.Fail)
        {
            // The change may be measured from the sentence's first amount rather than the nearest.
            var first = s.Amounts.FirstOrDefault(a => a.Role is AmountRole.Plain or AmountRole.Final);
            if (first is not null && first != current)
            {
                var prior2 = first.Value - change.Direction * change.Value;
                var other = prior2 > 0 ? Tolerance.Ratio(p.Value, p.Scale, change.Amount, new Amount(prior2, first.HalfUnit + change.HalfUnit)) : null;
                if (other is not null && other.Status != CheckStatus.Fail)
                {
                    outcome = other;
                    current = first;
                    prior = prior2;
                    priorTolerance = first.HalfUnit + change.HalfUnit;
                    priorText = $"{first.Printed} {(change.Direction > 0 ? "−" : "+")} {change.Printed}";
                }
            }
        }
        var figure = figureOf(current);
        var id = figure is null ? "narrative.change" : $"narrative.{figure.IdPart("_change")}";
        var verb = change.Direction > 0 ? "+" : change.Direction < 0 ? "−" : "±";
        var what = $"change {verb}{change.Printed} against the prior {F(prior)} (= {priorText})";
        var (basis, year) = ComparedWith(s.Sentence.Text, change.Start);
        var check = RatioCheck(id, figure is null ? [] : [figure.Table], s, p, outcome, what, figure?.Cells ?? []) with
        {
            Figure = figure?.AsFact(),
            Prior = new PriorAmount(prior, priorTolerance, basis, year),
        };
        _ledger.Read(p, check, what);
        _ledger.Read(change, check);
        _ledger.Read(current, check);
        _results.Add(check);
    }

    /// <summary>
    /// "政府采购支出总额1967.42万元，其中：货物支出171.7万元、工程支出3万元、服务支出1792.72万元": parts add up to their total.
    /// A list may name only the main parts, so parts adding up to less are not judged; parts adding up to the total pass
    /// (warn within their rounding), parts adding up to more than it fail. Parts are the amounts of the clause group
    /// after 其中 of the total's own kind (not changes, budgets or last year's figures). Id <c>narrative.&lt;total&gt;_parts</c>
    /// or <c>narrative.parts</c>.
    /// </summary>
    private void Parts(SentenceTokens s, AmountToken total, IReadOnlyList<AmountToken> after, Func<AmountToken, TableFigure?> figureOf)
    {
        // The parts run until the first amount of another kind (a change, a budget, another year's figure, another total).
        var parts = new List<AmountToken>();
        foreach (var a in after)
        {
            if (a.Role is not (AmountRole.Plain or AmountRole.Final) || IsPrior(a) || YearOwn().IsMatch(a.RawSubject) || AnotherTotal().IsMatch(a.Subject)) break;
            parts.Add(a);
        }
        if (parts.Count < 2) return;
        var sum = parts.Sum(p => p.Value);
        var tolerance = total.HalfUnit + parts.Sum(p => p.HalfUnit);
        var difference = sum - total.Value;
        if (difference < -tolerance) return; // a list of the main parts only
        var status = difference == 0 ? CheckStatus.Pass : Tolerance.Status(difference, tolerance);
        var figure = figureOf(total);
        var what = string.Join(" + ", parts.Select(p => p.Printed));
        var check = new CheckResult
        {
            Id = figure is null ? "narrative.parts" : $"narrative.{figure.IdPart("_parts")}",
            // The tables whose figures the total and its parts name (as a share names its item's and its base's).
            Tables = new[] { figure }.Concat(parts.Select(figureOf)).OfType<TableFigure>().Select(f => f.Table).Distinct().ToList(),
            Status = status,
            Expected = total.Value,
            Actual = sum,
            Difference = difference,
            Tolerance = tolerance,
            Pages = Pages(s.Sentence.PageAt(parts[0].Start), s.Sentence.PageAt(parts[^1].End - 1)),
            Message = status switch
            {
                CheckStatus.Pass => $"The parts listed under {total.Printed} add up to it: {what} = {F(sum)}.",
                CheckStatus.Warn => $"The parts listed under {total.Printed} add up to {F(sum)} ({what}): a difference of {F(difference)}, within their rounding (±{F(tolerance)}).",
                _ => $"The parts listed under {total.Printed} add up to {F(sum)} ({what}), more than the total they are parts of.",
            },
            Quote = s.Quote,
            Cells = figure?.CellsWith(status) ?? [],
        };
        _ledger.Read(total, check);
        foreach (var p in parts) _ledger.Read(p, check, $"a part of {total.Printed}");
        _results.Add(check);
    }

    /// <summary>
    /// What the change printed before <paramref name="end"/> is measured against, from the last comparison words before it
    /// ("比上年", "与2023年度相比", "比上年预算数", "较上年执行数"): the basis of <see cref="PriorAmount"/> and the year printed.
    /// </summary>
    internal static (string Basis, int? Year) ComparedWith(string text, int end)
    {
        Match? last = null;
        foreach (Match m in Comparison().Matches(text[..Math.Clamp(end, 0, text.Length)])) last = m;
        if (last is null) return (string.Empty, null);
        int? year = last.Groups["y"].Success ? int.Parse(last.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var against = last.Groups["a"].Value;
        var basis = against.Length == 0 ? "上年"
            : against.Contains("执行", StringComparison.Ordinal) ? "上年执行数"
            : against.Contains("决算", StringComparison.Ordinal) ? "上年决算"
            : "上年预算";
        return (basis, year);
    }

    private void Gap(SentenceTokens s, AmountToken d, AmountToken final, AmountToken budget, TableFigure? figure)
    {
        var expected = final.Value - budget.Value;
        var actual = d.Direction * d.Value;
        var difference = actual - expected;
        var tolerance = d.HalfUnit + final.HalfUnit + budget.HalfUnit;
        var status = difference == 0 || Tolerance.Round(expected, d.Scale) == actual ? CheckStatus.Pass : Tolerance.Status(difference, tolerance);
        var id = figure is null ? "narrative.gap" : $"narrative.{figure.IdPart("_gap")}";
        var check = new CheckResult
        {
            Id = id,
            Tables = figure is null ? [] : [figure.Table],
            Status = status,
            Expected = expected,
            Actual = actual,
            Difference = difference,
            Tolerance = tolerance,
            Pages = Pages(s.Sentence.PageAt(d.Start)),
            Message = status == CheckStatus.Pass
                ? $"The outturn {final.Printed} differs from the budget {budget.Printed} by {d.Printed}, as stated."
                : $"The outturn {final.Printed} differs from the budget {budget.Printed} by {F(expected)}, the narrative says {(d.Direction > 0 ? "+" : "−")}{d.Printed}.",
            Quote = s.Quote,
            Cells = figure?.CellsWith(status) ?? [],
        };
        _ledger.Read(d, check, $"outturn {final.Printed} − budget {budget.Printed}");
        _ledger.Read(final, check);
        _ledger.Read(budget, check);
        _results.Add(check);
    }

    private CheckResult? DirectionCheck(SentenceTokens s, Match direction, AmountToken final, AmountToken budget, TableFigure? figure)
    {
        var word = direction.Groups["w"].Value;
        var sign = Math.Sign(final.Value - budget.Value);
        int? said = word switch
        {
            "大于" or "高于" or "超过" or "多于" or "超出" => 1,
            "小于" or "低于" or "少于" => -1,
            "等于" or "持平" or "相等" or "一致" or "相同" => 0,
            _ => null,
        };
        if (said is null) return null;
        // Where the table the statement describes prints both figures (GK09 预算数 and 决算数), they decide, not the
        // sentence's own budget (unless that is a 年初预算, which GK09's adjusted 预算数 need not equal).
        if (figure is not null && !budget.RawSubject.Contains("年初", StringComparison.Ordinal) && _subjects.ThreePublicPair(figure) is { } pair
            && pair.Final.Value is { } fv && pair.Budget.Value is { } bv)
        {
            var tableSign = Math.Sign(fv - bv);
            var tableStatus = said == tableSign ? CheckStatus.Pass : CheckStatus.Fail;
            var tableCheck = new CheckResult
            {
                Id = $"narrative.{figure.IdPart("_direction")}",
                Tables = [figure.Table],
                Status = tableStatus,
                Expected = bv,
                Actual = fv,
                Difference = fv - bv,
                Pages = Pages(s.Sentence.PageAt(direction.Index), pair.Final.Page),
                Message = tableStatus == CheckStatus.Pass
                    ? $"The narrative says the outturn is {word} the budget: {pair.Final.Description} {F(fv)} against {pair.Budget.Description} {F(bv)}."
                    : $"The narrative says the outturn is {word} the budget, but {pair.Final.Description} prints {F(fv)} against {pair.Budget.Description} {F(bv)}"
                      + (said == sign ? $" (it holds only for the sentence's own budget {budget.Printed})." : "."),
                Quote = s.Quote,
                Cells = [.. pair.Final.CellsWith(tableStatus), .. pair.Budget.CellsWith(tableStatus)],
            };
            _results.Add(tableCheck);
            return tableCheck;
        }
        var status = said == sign ? CheckStatus.Pass : CheckStatus.Fail;
        var id = figure is null ? "narrative.direction" : $"narrative.{figure.IdPart("_direction")}";
        var check = new CheckResult
        {
            Id = id,
            Tables = figure is null ? [] : [figure.Table],
            Status = status,
            Expected = budget.Value,
            Actual = final.Value,
            Difference = final.Value - budget.Value,
            Pages = Pages(s.Sentence.PageAt(direction.Index)),
            Message = status == CheckStatus.Pass
                ? $"The narrative says the outturn is {word} the budget: {final.Printed} against {budget.Printed}."
                : $"The narrative says the outturn is {word} the budget, but it states an outturn of {final.Printed} against a budget of {budget.Printed}.",
            Quote = s.Quote,
            Cells = figure?.CellsWith(status) ?? [],
        };
        _results.Add(check);
        return check;
    }

    private static CheckResult RatioCheck(string id, IReadOnlyList<string> tables, SentenceTokens s, PercentToken p, RatioOutcome outcome, string what, IReadOnlyList<CheckCell> cells)
    {
        var exact = Math.Round(outcome.Exact, 4, MidpointRounding.AwayFromZero);
        var message = outcome.Status switch
        {
            CheckStatus.Pass => $"{p.Printed} is {what}: {F(exact)}%.",
            CheckStatus.Warn when outcome.Truncated => $"{p.Printed} is {what} cut off at the last printed digit rather than rounded: {F(exact)}% (within rounding).",
            CheckStatus.Warn => $"{p.Printed} is within rounding of {what}: {F(exact)}% (the amounts' own rounding allows it).",
            _ => $"{p.Printed} does not match {what}: {F(exact)}%, which rounds to {F(Tolerance.Round(outcome.Exact, p.Scale))}%.",
        };
        return new CheckResult
        {
            Id = id,
            Tables = tables.Distinct().ToList(),
            Status = outcome.Status,
            Expected = exact,
            Actual = p.Value,
            Difference = p.Value - exact,
            Tolerance = Math.Round(outcome.Tolerance, 4, MidpointRounding.AwayFromZero),
            Pages = Pages(s.Sentence.PageAt(p.Start)),
            Message = message,
            Quote = s.Quote,
            Cells = cells.Select(c => c with { Status = outcome.Status }).ToList(),
        };
    }

    /// <summary>
    /// The words after 占 as a subject: "本年支出", "总支出", "全年支出" are the year's total (本年支出合计); a trailing
    /// 总额/总数 adds nothing ("财政拨款支出总额" → 财政拨款支出).
    /// </summary>
    private static string BaseSubject(string phrase)
    {
        var n = Names.Normalize(NarrativeStatementReader.CleanSubject(phrase, ""));
        foreach (var suffix in new[] { "总额", "总数", "总量" })
        {
            if (n.EndsWith(suffix, StringComparison.Ordinal) && n.Length > suffix.Length + 2) n = n[..^suffix.Length];
        }
        return n switch
        {
            "本年支出" or "总支出" or "全年支出" or "年度支出" or "支出" or "全部支出" => "本年支出合计",
            "本年收入" or "总收入" or "全年收入" or "年度收入" or "收入" or "全部收入" => "本年收入合计",
            "财政拨款本年支出" => "财政拨款本年支出合计",
            _ => n,
        };
    }

    private static IReadOnlyList<int> Pages(params int[] pages) => pages.Where(p => p > 0).Distinct().Order().ToList();

    private static string Short(string subject) => subject.Length == 0 ? "the amount" : subject;

    private static string F(decimal value) => SumIdentity.F(value);

    [GeneratedRegex(@"决算数?(?:与|比|较|同|和|跟)?(?:年初|全年|调整后)?预算数?(?<w>持平|相等|一致|相同)|决算数?(?<w>大于|小于|等于|高于|低于|超过|超出|多于|少于)(?:年初|全年|调整后)?预算")]
    private static partial Regex Direction();

    [GeneratedRegex(@"^[，,：:\s]*[^，。；]{0,30}?(其中|主要用于|主要包括|包括|以下方面|具体如下)|^[^，。；]*[：:]\s*$|^[，,\s]*[^，。；]{0,30}?[：:]\s*\d")]
    private static partial Regex HeadMarker();

    [GeneratedRegex(@"^\s*(与|比|较|同比)")]
    private static partial Regex ComparedOpening();

    [GeneratedRegex(@"^\s*(其中|具体如下|具体为)")]
    private static partial Regex OpensWithParts();

    /// <summary>其中 introducing the parts of the amount before it (not "其中一级项目6个").</summary>
    [GeneratedRegex(@"其中[：:，,]")]
    private static partial Regex PartsMarker();

    [GeneratedRegex(@"(合计|总计|总额)$")]
    private static partial Regex AnotherTotal();

    /// <summary>An amount said to be of a year ("2025年…"): a figure of another year than the parts before it.</summary>
    [GeneratedRegex(@"\d{4}\s*年")]
    private static partial Regex YearOwn();

    [GeneratedRegex(@"(上年|上一年|上年度|去年|同期)")]
    private static partial Regex PriorYear();

    /// <summary>Last year named as the amount's own year, not as what it is compared with (比上年, 较上年, 与上年).</summary>
    [GeneratedRegex(@"(?<![比较与同和])(上年|上一年|去年)")]
    private static partial Regex PriorYearOwn();

    [GeneratedRegex(@"同比|(?:比|较|与|同|和)\s*(?:上一?年度?|去年|(?<y>\d{4})\s*年度?)(?:同期)?\s*(?:的)?(?<a>年初预算数?|预算数?|预算安排数?|执行数|决算数?)?")]
    private static partial Regex Comparison();
}
