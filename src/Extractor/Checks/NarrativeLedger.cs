using System.Runtime.CompilerServices;

using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// The statements of a narrative and what became of each: the sentence reader's tokens (amounts, percentages) and
/// the statements the checks find beyond them (a direction, a list of items, an attachment's labelled amount). The
/// narrative checks share one ledger; each says what a statement refers to and which check read it, and what is left
/// unsaid is listed as unresolved with the reason, never dropped.
/// </summary>
public sealed partial class NarrativeLedger
{
    private sealed class Entry
    {
        public required string Kind { get; init; }
        public required string Printed { get; init; }
        public required string Quote { get; init; }
        public required IReadOnlyList<int> Pages { get; init; }
        public required NarrativeScope Scope { get; init; }
        public required bool Counted { get; init; }
        public required int Order { get; init; }
        public string RefersTo { get; set; } = string.Empty;
        public TableFigure? Figure { get; set; }
        public string? Section { get; init; }
        public string Reason { get; set; } = string.Empty;
        public List<CheckResult> Checks { get; } = [];
    }

    private readonly ConditionalWeakTable<object, Entry> _byToken = new();
    private readonly List<Entry> _entries = [];

    /// <param name="budgetDocument">A budget disclosure, whose amounts are budgets by nature (kind <c>amount</c>, not <c>budget</c>).</param>
    public NarrativeLedger(NarrativeText narrative, string department, bool budgetDocument = false)
    {
        Narrative = narrative;
        BudgetDocument = budgetDocument;
        Sentences = NarrativeStatementReader.Read(narrative, department);
        foreach (var s in Sentences)
        {
            // Statements are counted in the sections about money; a figure elsewhere (概况, 重点工作) counts only once a check reads it.
            var counted = s.Paragraph.Scope != NarrativeScope.None;
            foreach (var a in s.Amounts)
            {
                // "单价100万元(含)以上设备": a threshold, not an amount of anything.
                var threshold = Threshold().IsMatch(s.Sentence.Text.AsSpan(a.End));
                var kind = a.Role switch
                {
                    AmountRole.Budget when !budgetDocument => StatementKind.Budget,
                    AmountRole.Change => StatementKind.Change,
                    _ => StatementKind.Amount,
                };
                Register(a, kind, a.Printed, s, s.Sentence.PageAt(a.Start), counted && !threshold);
            }
            foreach (var p in s.Percents)
            {
                var kind = p.Kind switch
                {
                    PercentKind.Share => StatementKind.Share,
                    PercentKind.Completion => StatementKind.Completion,
                    PercentKind.Change => StatementKind.ChangeRate,
                    _ => StatementKind.Percent,
                };
                Register(p, kind, p.Printed, s, s.Sentence.PageAt(p.Start), counted);
            }
        }
    }

    public NarrativeText Narrative { get; }

    /// <summary>The narrative's sentences with their amounts and percentages, in printed order.</summary>
    public IReadOnlyList<SentenceTokens> Sentences { get; }

    /// <summary>Whether budgets are amounts of the document itself (a budget disclosure) rather than statements beside its outturns.</summary>
    public bool BudgetDocument { get; }

    private void Register(object token, string kind, string printed, SentenceTokens s, int page, bool counted)
    {
        var entry = new Entry
        {
            Kind = kind, Printed = printed, Quote = s.Quote, Pages = page > 0 ? [page] : [], Scope = s.Paragraph.Scope,
            Counted = counted, Order = _entries.Count,
        };
        _entries.Add(entry);
        _byToken.Add(token, entry);
    }

    /// <summary>
    /// A statement beyond the tokens (a direction, a list of items, an attachment's amount); the returned key is passed to
    /// <see cref="Refers"/> and <see cref="Read"/>.
    /// </summary>
    public object Add(string kind, string printed, string quote, IReadOnlyList<int> pages, NarrativeScope scope, bool counted = true, string? section = null)
    {
        var key = new object();
        var entry = new Entry { Kind = kind, Printed = printed, Quote = quote, Pages = pages, Scope = scope, Counted = counted, Order = _entries.Count, Section = section };
        _entries.Add(entry);
        _byToken.Add(key, entry);
        return key;
    }

    /// <summary>The statement was resolved to <paramref name="what"/> (a table figure, or the sentence's own figures).</summary>
    public void Refers(object token, string what)
    {
        if (!_byToken.TryGetValue(token, out var entry) || entry.RefersTo.Length > 0) return;
        entry.RefersTo = what;
    }

    /// <summary>The statement names this table figure.</summary>
    public void Refers(object token, TableFigure figure)
    {
        if (!_byToken.TryGetValue(token, out var entry)) return;
        entry.Figure ??= figure;
        Refers(token, figure.Description);
    }

    /// <summary>The table figure a statement was resolved to, if any.</summary>
    public TableFigure? FigureOf(object token) => _byToken.TryGetValue(token, out var entry) ? entry.Figure : null;

    /// <summary>A check read the statement (as the figure it checks, or as an operand of a ratio or difference).</summary>
    public void Read(object? token, CheckResult check, string? what = null)
    {
        if (token is null || !_byToken.TryGetValue(token, out var entry)) return;
        entry.Checks.Add(check);
        if (what is not null) Refers(token, what);
    }

    /// <summary>Why the statement could not be resolved or checked (the first reason given stands).</summary>
    public void Why(object token, string reason)
    {
        if (_byToken.TryGetValue(token, out var entry) && entry.Reason.Length == 0) entry.Reason = reason;
    }

    /// <summary>
    /// Every statement found, in document order, with the final ids of the checks that read it (<paramref name="finalId"/>:
    /// the id a check got in the document's list, <c>.2</c> … added).
    /// </summary>
    public IReadOnlyList<NarrativeStatement> Statements(Func<CheckResult, string> finalId)
    {
        var result = new List<NarrativeStatement>();
        foreach (var e in _entries.OrderBy(e => e.Order))
        {
            var ran = e.Checks.Where(c => c.Status != CheckStatus.Skipped).ToList();
            if (!e.Counted && ran.Count == 0) continue;
            var status = ran.Count > 0 ? StatementStatus.Checked
                : e.RefersTo.Length > 0 ? StatementStatus.Resolved
                : StatementStatus.Unresolved;
            var reason = status == StatementStatus.Checked ? string.Empty
                : e.Checks.FirstOrDefault(c => c.Status == CheckStatus.Skipped)?.Message ?? (e.Reason.Length > 0 ? e.Reason : DefaultReason(e));
            result.Add(new NarrativeStatement
            {
                Kind = e.Kind,
                Printed = e.Printed,
                Quote = e.Quote,
                Pages = e.Pages,
                Section = e.Section ?? SectionName(e.Scope),
                Status = status,
                RefersTo = e.RefersTo,
                Checks = e.Checks.Select(finalId).Distinct(StringComparer.Ordinal).ToList(),
                Reason = reason,
            });
        }
        return result;
    }

    private string DefaultReason(Entry e) => e.Kind switch
    {
        StatementKind.Budget when !BudgetDocument => "a budget figure: the tables print no budget for it (only the “三公” table does), and no rate in the sentence uses it.",
        StatementKind.Change => "a change against the prior year, which the tables do not print, and no rate in the sentence measures it.",
        StatementKind.Share => "a share whose base (the total it is a share of) was not found among the tables' figures or the amounts before it.",
        StatementKind.Completion => "a completion rate without an outturn and a budget to divide.",
        StatementKind.ChangeRate => "a rate of change without a change amount and a current amount to measure it against.",
        StatementKind.Percent => "a percentage that is not a share, a completion rate or a rate of change.",
        _ when e.Scope == NarrativeScope.Other => "its words name no figure of the tables (a section that describes none of them).",
        _ => "its words name no figure of the tables.",
    };

    public static string SectionName(NarrativeScope scope) => scope switch
    {
        NarrativeScope.Department => "department",
        NarrativeScope.Appropriation => "appropriation",
        NarrativeScope.GeneralBudget => "general_budget",
        NarrativeScope.BasicExpenditure => "basic_expenditure",
        NarrativeScope.GovernmentFund => "government_fund",
        NarrativeScope.StateCapital => "state_capital",
        NarrativeScope.ThreePublic => "three_public",
        NarrativeScope.Other => "other",
        _ => "none",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*([（(]含[）)])?\s*(以上|以下|及以上|及以下)")]
    private static partial System.Text.RegularExpressions.Regex Threshold();
}
