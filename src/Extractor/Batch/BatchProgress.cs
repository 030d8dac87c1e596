namespace Extractor.Batch;

public enum BatchStage
{
    /// <summary>Inputs being converted (or found already done).</summary>
    Convert,
    /// <summary>Documents with unresolved codes converted again with the batch's codes.</summary>
    BatchCodes,
}

/// <summary>
/// Progress of a batch, reported after each input (in the <see cref="BatchStage.BatchCodes"/>
/// stage, after each document converted again). Reports come one at a time, in order.
/// </summary>
public sealed record BatchProgress(int Done, int Total, int Failed, DocumentOutcome Last)
{
    /// <summary>Inputs skipped so far because an earlier run finished them.</summary>
    public int Resumed { get; init; }

    public BatchStage Stage { get; init; } = BatchStage.Convert;
}
