namespace Extractor.Rows;

/// <summary>
/// How one table was read and how far its own arithmetic confirms the reading: the reading kept among those tried
/// (the grid as detected, the same area read by text alignment, columns by header alone …), how many of the table's
/// identities hold under it, how many of the amounts its body prints were read, and, when the evidence says the
/// reading is not to be trusted, why.
/// </summary>
public sealed record TableReading
{
    public const string AsDetected = "as detected";

    /// <summary>The reading kept: <see cref="AsDetected"/> or the name of an alternative.</summary>
    public string Kept { get; init; } = AsDetected;

    /// <summary>Why the kept reading was preferred (empty when no other reading was tried).</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The table's identities (row sums, 类 = Σ 款 = Σ 项, section and side totals) that hold, within rounding.</summary>
    public int IdentitiesHeld { get; init; }

    public int IdentitiesFailed { get; init; }

    /// <summary>The ids of the identities that fail (<c>GK03.hierarchy.total</c> …).</summary>
    public IReadOnlyList<string> FailedIdentities { get; init; } = [];

    /// <summary>Figures the table's body prints (numbers with decimals or thousands separators).</summary>
    public int AmountsPrinted { get; init; }

    /// <summary>Amounts read into the table's rows.</summary>
    public int AmountsRead { get; init; }

    /// <summary>The detector's own confidence in its grid (the share of text inside one cell).</summary>
    public double GridConfidence { get; init; } = 1.0;

    /// <summary>Every reading tried, the kept one included, with how it fared.</summary>
    public IReadOnlyList<ReadingAlternative> Tried { get; init; } = [];

    /// <summary>Why the reading is doubtful, or null when nothing says so.</summary>
    public string? Doubt { get; init; }

    public bool Doubtful => Doubt is not null;

    /// <summary>The share of the table's identities that hold, or null for a table with none to check.</summary>
    public double? IdentityShare => IdentitiesHeld + IdentitiesFailed == 0 ? null : (double)IdentitiesHeld / (IdentitiesHeld + IdentitiesFailed);

    /// <summary>
    /// How much to trust the table, 0 to 1: the weakest of the grid's confidence, the share of identities holding
    /// and the share of printed amounts read; 0 for a table whose printed amounts were not read at all.
    /// </summary>
    public double Confidence
    {
        get
        {
            var confidence = GridConfidence;
            if (IdentityShare is { } share) confidence = Math.Min(confidence, share);
            if (AmountsPrinted > 0) confidence = Math.Min(confidence, Math.Min(1.0, (double)AmountsRead / AmountsPrinted));
            return Math.Round(confidence, 3);
        }
    }
}

/// <summary>One reading of a table that was tried: its name and how its arithmetic came out.</summary>
public sealed record ReadingAlternative(string Name, int IdentitiesHeld, int IdentitiesFailed, int AmountsRead, bool Kept);
