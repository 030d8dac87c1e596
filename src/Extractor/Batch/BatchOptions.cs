using Extractor.Output;

namespace Extractor.Batch;

public sealed record BatchOptions
{
    public required string OutputDirectory { get; init; }
    public OutputFormat Format { get; init; } = OutputFormat.Both;
    /// <summary>A document taking longer than this is abandoned and reported as <c>timeout</c>.</summary>
    public TimeSpan PerDocumentTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// Repair codes left unresolved with the codes other documents of the batch print in full for
    /// the same year (a second pass over the documents that need it).
    /// </summary>
    public bool BatchCodeEvidence { get; init; } = true;
}

/// <summary>Progress of a batch, reported after each input.</summary>
public sealed record BatchProgress(int Done, int Total, int Failed, DocumentOutcome Last);
