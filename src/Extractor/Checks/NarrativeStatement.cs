using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>What a statement of the narrative states (document.json <c>narrative_statements[].kind</c>).</summary>
public static class StatementKind
{
    /// <summary>An amount of an item ("基本支出580.65万元", "支出决算为0.87万元").</summary>
    public const string Amount = "amount";
    /// <summary>A budget ("全年预算为3万元"); a budget document's amounts are <see cref="Amount"/>s.</summary>
    public const string Budget = "budget";
    /// <summary>A change in an amount ("较上年减少1.03万元").</summary>
    public const string Change = "change";
    /// <summary>A share ("占本年支出89%").</summary>
    public const string Share = "share";
    /// <summary>A completion or execution rate ("完成全年预算的29%", "资金执行率为98.3%").</summary>
    public const string Completion = "completion";
    /// <summary>A rate of change ("减少28.9%").</summary>
    public const string ChangeRate = "change_rate";
    /// <summary>Any other percentage.</summary>
    public const string Percent = "percent";
    /// <summary>"决算数大于预算数": which of two amounts is larger.</summary>
    public const string Direction = "direction";
    /// <summary>A list of items an amount is said to consist of ("公用经费44.50万元，主要包括：办公费、印刷费…").</summary>
    public const string Items = "items";
    /// <summary>An amount an attachment table (绩效自评表 …) prints under a label that names a figure of the tables.</summary>
    public const string Attachment = "attachment";
}

/// <summary>How far a statement was taken (document.json <c>narrative_statements[].status</c>).</summary>
public static class StatementStatus
{
    /// <summary>A check held it against the tables or against the sentence's other figures (its status is the check's).</summary>
    public const string Checked = "checked";
    /// <summary>What it refers to was found, but no check could run (the table is absent, or a figure it needs was not read).</summary>
    public const string Resolved = "resolved";
    /// <summary>The reader found it but could not tell what it refers to; <see cref="NarrativeStatement.Reason"/> says why.</summary>
    public const string Unresolved = "unresolved";
}

/// <summary>
/// One statement the narrative (or an attachment table) makes: an amount, a share, a rate, a change, a direction or
/// a list of items, with its sentence, page and section, what it was resolved to and the checks that read it. Every
/// statement the reader finds is listed, checked or not, so that "no failure" can be told apart from "not checked".
/// </summary>
public sealed record NarrativeStatement
{
    public required string Kind { get; init; }
    /// <summary>The figure or list as printed ("3万元", "29%", "办公费、印刷费、…").</summary>
    public required string Printed { get; init; }
    /// <summary>The sentence, as printed (for an attachment: the table and the label).</summary>
    public required string Quote { get; init; }
    public IReadOnlyList<int> Pages { get; init; } = [];
    /// <summary>The section of the narrative it stands in (<c>department</c>, <c>three_public</c>, <c>other</c> …, or <c>attachment</c>).</summary>
    public required string Section { get; init; }
    public required string Status { get; init; }
    /// <summary>The table figure (or the sentence's own figures) it was resolved to; empty when unresolved.</summary>
    public string RefersTo { get; init; } = string.Empty;
    /// <summary>The ids of the checks that read it.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];
    /// <summary>Why it is not checked (unresolved, or resolved but not checkable); empty when checked.</summary>
    public string Reason { get; init; } = string.Empty;
}

/// <summary>How much of a document's narrative was checked: statements found, resolved (incl. checked), checked.</summary>
public sealed record NarrativeCoverage(int Found, int Resolved, int Checked)
{
    public static NarrativeCoverage Of(IReadOnlyList<NarrativeStatement> statements) => new(
        statements.Count,
        statements.Count(s => s.Status != StatementStatus.Unresolved),
        statements.Count(s => s.Status == StatementStatus.Checked));
}
