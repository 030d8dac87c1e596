using System.Text.RegularExpressions;

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
    private readonly List<CheckResult> _results = [];

    private NarrativeChecks(DocumentTables tables)
    {
        _tables = tables;
        _subjects = new NarrativeSubjects(tables);
    }

    public static IReadOnlyList<CheckResult> Run(DocumentTables tables, NarrativeText narrative, string department = "")
    {
        var checks = new NarrativeChecks(tables);
        checks.RunAll(NarrativeStatementReader.Read(narrative, department), department);
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
                if (s.Paragraph.IsHeading) head = null;
            }
            var scope = s.Paragraph.Scope;
            // "收入合计X万元，较上年增加…。其中：财政拨款收入A万元，占P%": a sentence opening with 其中 lists the parts of
            // the amount the sentence before it led with.
            if (OpensWithParts().IsMatch(s.Sentence.Text) && previous?.Amounts.FirstOrDefault(a => a.Role != AmountRole.Change) is { } lead) head = lead;
            TableFigure? FigureOf(AmountToken a)
            {
                if (figures.TryGetValue(a, out var f)) return f;
                var subject = NarrativeSubjectOf(a, s, scope);
                f = _subjects.Resolve(subject, a.Role, scope, item);
                figures[a] = f;
                return f;
            }

            // Amounts against the tables.
            foreach (var a in s.Amounts)
            {
                if (a.Role == AmountRole.Change) continue;
                var figure = FigureOf(a);
                if (figure is null) continue;
                _results.Add(AmountCheck(s, a, figure));
            }

            // Percentages.
            var consumed = -1;
            foreach (var p in s.Percents)
            {
                switch (p.Kind)
                {
                    case PercentKind.Share:
                        Share(s, p, head, FigureOf, scope);
                        break;
                    case PercentKind.Completion:
                    {
                        var final = s.Before(p.Start, a => a.Role is AmountRole.Final or AmountRole.Plain, consumed);
                        var budgets = s.Amounts.Where(a => a.Role == AmountRole.Budget && a.Start >= consumed && a.End <= p.Start).Reverse().ToList();
                        if (final is not null) Completion(s, p, final, budgets, FigureOf(final));
                        consumed = p.End;
                        break;
                    }
                    case PercentKind.Change:
                        Change(s, p, previous, FigureOf);
                        break;
                }
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
            if (direction.Success && pair is { } current)
            {
                // "“三公”经费支出决算数小于预算数": the sentence may name what it speaks of.
                var before = s.Sentence.Text[..direction.Index];
                var own = NarrativeStatementReader.CleanSubject(before[(before.LastIndexOfAny(['，', ',', '；', ';', '：', ':', '。']) + 1)..], department);
                var figure = own.Length > 0 && !NarrativeStatementReader.IsGeneric(own) ? _subjects.Resolve(own, AmountRole.Final, scope, item) : null;
                DirectionCheck(s, direction, current.Final, current.Budget, figure ?? current.Figure);
            }

            // The total a list of items starts from ("本年支出合计X万元，其中：", "…主要用于以下方面：").
            var first = s.Amounts.FirstOrDefault();
            if (first is not null && HeadMarker().IsMatch(s.Sentence.Text[first.End..])) head = first;
            previous = s;
        }
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
            return CheckList.Skipped(id, [figure.Table], _tables.MissingMessage([figure.Table]), pages, s.Quote);
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

    private void Share(SentenceTokens s, PercentToken p, AmountToken? head, Func<AmountToken, TableFigure?> figureOf, NarrativeScope scope)
    {
        var item = s.Before(p.Start, _ => true, s.Percents.LastOrDefault(q => q.End <= p.Start)?.End ?? -1);
        if (item is null || item.Role == AmountRole.Change) return;
        var bases = new List<(Amount Amount, string Text, string? Table, IReadOnlyList<CheckCell> Cells)>();
        var basePhrase = Names.Normalize(p.BasePhrase);
        if (basePhrase.Length > 0)
        {
            // "占本年支出", "占一般公共预算财政拨款支出的": the base is the table figure those words name.
            var baseFigure = _subjects.Resolve(BaseSubject(p.BasePhrase), AmountRole.Plain, scope);
            if (baseFigure?.Value is not { } v) return;
            bases.Add((new Amount(v, baseFigure.Tolerance), baseFigure.Description, baseFigure.Table, baseFigure.Cells));
            bases.AddRange(baseFigure.Alternates.Select(a => (new Amount(a, baseFigure.Tolerance), $"{baseFigure.Description} (or {F(a)})", (string?)baseFigure.Table, (IReadOnlyList<CheckCell>)[])));
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
                bases.Add((lead.Amount, $"{lead.Printed} ({Short(lead.Subject)})", null, []));
            }
            else
            {
                // "“三公”经费财政拨款支出决算中，因公出国（境）费支出4.69万元，占10.15%": the base is what the lead words name.
                if (s.Lead.Length == 0) return;
                var leadFigure = _subjects.Resolve(s.Lead, AmountRole.Plain, scope);
                if (leadFigure?.Value is not { } v) return;
                bases.Add((new Amount(v, leadFigure.Tolerance), leadFigure.Description, leadFigure.Table, leadFigure.Cells));
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
        if (outcome is null) return;
        var tables = new List<string>();
        var figure = figureOf(item);
        if (figure is not null) tables.Add(figure.Table);
        if (chosen.Table is not null) tables.Add(chosen.Table);
        var id = figure is null ? "narrative.share" : $"narrative.{figure.IdPart("_share")}";
        var cells = (figure?.Cells ?? []).Concat(chosen.Cells).ToList();
        _results.Add(RatioCheck(id, tables, s, p, outcome, $"{Short(item.Subject)} {item.Printed} as a share of {chosen.Text}", cells));
    }

    private void Completion(SentenceTokens s, PercentToken p, AmountToken final, IReadOnlyList<AmountToken> budgets, TableFigure? figure)
    {
        // The budget: the nearest printed before the rate (年初预算, or 调整预算 when both are printed: the rate may be of
        // either), else for a “三公” item the 预算数 GK09 prints.
        var candidates = budgets.Select(b => (Amount: b.Amount, Text: b.Printed, Table: (string?)null, Cell: (CheckCell?)null)).ToList();
        if (candidates.Count == 0 && figure is { Table: "GK09", Column: { } column } && _tables["GK09"] is { } gk09)
        {
            var row = gk09.Rows.FirstOrDefault(r => r.Section == "预算数");
            if (row is null || !gk09.HasColumn(column)) return;
            var value = gk09.Value(row, column);
            candidates.Add((new Amount(value, gk09.HalfUnit), $"GK09 预算数 {column} {F(value)}", "GK09", gk09.CellOf(row, column, CellRole.Figure)));
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
        if (outcome is null) return;
        var tables = new List<string>();
        if (figure is not null) tables.Add(figure.Table);
        if (chosen.Table is not null) tables.Add(chosen.Table);
        var id = figure is null ? "narrative.completion" : $"narrative.{figure.IdPart("_completion")}";
        var cells = (figure?.Cells ?? []).Concat(chosen.Cell is { } budgetCell ? [budgetCell] : []).ToList();
        _results.Add(RatioCheck(id, tables, s, p, outcome, $"completion {final.Printed} / budget {chosen.Text}", cells));
    }

    private void Change(SentenceTokens s, PercentToken p, SentenceTokens? previous, Func<AmountToken, TableFigure?> figureOf)
    {
        var after = s.Percents.LastOrDefault(q => q.End <= p.Start && q.Kind == PercentKind.Change)?.End ?? -1;
        var change = s.Before(p.Start, a => a.Role == AmountRole.Change, after);
        if (change is null || change.Direction == 0 && change.Value != 0) return;
        var current = s.Before(change.Start, a => a.Role is AmountRole.Plain or AmountRole.Final);
        if (current is null && previous is not null && previous.Paragraph.Index >= s.Paragraph.Index - 1 && ComparedOpening().IsMatch(s.Sentence.Text))
        {
            current = previous.Amounts.LastOrDefault(a => a.Role is AmountRole.Plain or AmountRole.Final);
        }
        if (current is null) return;
        var prior = current.Value - change.Direction * change.Value;
        if (prior <= 0) return;
        var priorTolerance = current.HalfUnit + change.HalfUnit;
        var priorText = $"{current.Printed} {(change.Direction > 0 ? "−" : "+")} {change.Printed}";
        var outcome = Tolerance.Ratio(p.Value, p.Scale, change.Amount, new Amount(prior, current.HalfUnit + change.HalfUnit));
        if (outcome is null) return;
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
        var (basis, year) = ComparedWith(s.Sentence.Text, change.Start);
        _results.Add(RatioCheck(id, figure is null ? [] : [figure.Table], s, p, outcome,
            $"change {verb}{change.Printed} against the prior {F(prior)} (= {priorText})", figure?.Cells ?? []) with
        {
            Figure = figure?.AsFact(),
            Prior = new PriorAmount(prior, priorTolerance, basis, year),
        });
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
        _results.Add(new CheckResult
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
        });
    }

    private void DirectionCheck(SentenceTokens s, Match direction, AmountToken final, AmountToken budget, TableFigure? figure)
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
        if (said is null) return;
        var status = said == sign ? CheckStatus.Pass : CheckStatus.Fail;
        var id = figure is null ? "narrative.direction" : $"narrative.{figure.IdPart("_direction")}";
        _results.Add(new CheckResult
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
        });
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

    [GeneratedRegex(@"(上年|上一年|上年度|去年|同期)")]
    private static partial Regex PriorYear();

    [GeneratedRegex(@"同比|(?:比|较|与|同|和)\s*(?:上一?年度?|去年|(?<y>\d{4})\s*年度?)(?:同期)?\s*(?:的)?(?<a>年初预算数?|预算数?|预算安排数?|执行数|决算数?)?")]
    private static partial Regex Comparison();
}
