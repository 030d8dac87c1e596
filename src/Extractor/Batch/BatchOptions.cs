using Extractor.Output;

namespace Extractor.Batch;

public sealed record BatchOptions
{
    public required string OutputDirectory { get; init; }
    public OutputFormat Format { get; init; } = OutputFormat.Both;
    /// <summary>A document taking longer than this is abandoned and reported as <c>timeout</c>.</summary>
    public TimeSpan PerDocumentTimeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>Progress of a batch, reported after each input.</summary>
public sealed record BatchProgress(int Done, int Total, int Failed, DocumentOutcome Last);
