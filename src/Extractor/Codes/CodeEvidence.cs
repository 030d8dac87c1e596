namespace Extractor.Codes;

/// <summary>The <c>code_repair</c> values of the contract, strongest evidence first.</summary>
public static class CodeEvidence
{
    public const string None = "none";
    public const string Document = "document";
    public const string Catalog = "catalog";
    public const string Structure = "structure";
    /// <summary>Codes printed in full by other documents of the same batch and year.</summary>
    public const string Batch = "batch";
    public const string Unresolved = "unresolved";
}
