namespace Extractor.Batch;

/// <summary>
/// One input of a batch: a file path or an <c>http(s)</c> URL, as <c>source</c> in documents.csv,
/// with the extra columns its CSV manifest gave it (region, year, department, source page …).
/// </summary>
public sealed record BatchInput(string Source)
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>Extra manifest columns by name; empty for inputs not listed in a CSV manifest.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;

    public bool IsUrl => IsUrlText(Source);

    internal static bool IsUrlText(string text) =>
        (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(text, UriKind.Absolute, out _);

    public static implicit operator BatchInput(string source) => new(source);
}
