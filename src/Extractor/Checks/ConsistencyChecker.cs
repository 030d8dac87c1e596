namespace Extractor.Checks;

/// <summary>
/// Runs the consistency checks of a document: identities within tables, across tables, and
/// against the amounts the narrative states.
/// </summary>
public sealed class ConsistencyChecker
{
    public static ConsistencyChecker Instance { get; } = new();

    public IReadOnlyList<CheckResult> Run(DocumentResult document) => [];
}
