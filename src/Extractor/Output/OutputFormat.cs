namespace Extractor.Output;

/// <summary>
/// Which files a conversion writes besides report.md and documents.csv (always written). <c>--format</c> takes one
/// name or a comma list of them: <c>csv</c>, <c>json</c>, <c>parquet</c>, <c>xlsx</c>, <c>both</c> (csv and json, the
/// default, as before) and <c>all</c>.
/// </summary>
[Flags]
public enum OutputFormat
{
    /// <summary>facts.csv and tables/*.csv per document, the batch facts.csv.</summary>
    Csv = 1,
    /// <summary>document.json per document.</summary>
    Json = 2,
    Both = Csv | Json,
    /// <summary>facts.parquet per document, the batch facts.parquet and documents.parquet.</summary>
    Parquet = 4,
    /// <summary>A workbook per document: its tables as printed, its facts and its checks.</summary>
    Xlsx = 8,
    All = Csv | Json | Parquet | Xlsx,
}

public static class OutputFormats
{
    public const string Names = "csv, json, both, parquet, xlsx or all, or a comma list such as csv,parquet";

    /// <summary>Reads <c>--format</c>: one name or a comma list (<c>csv,parquet</c>); false for an unknown or empty name.</summary>
    public static bool TryParse(string text, out OutputFormat format)
    {
        format = 0;
        foreach (var part in text.Split(','))
        {
            OutputFormat? one = part.Trim().ToLowerInvariant() switch
            {
                "csv" => OutputFormat.Csv,
                "json" => OutputFormat.Json,
                "both" => OutputFormat.Both,
                "parquet" => OutputFormat.Parquet,
                "xlsx" => OutputFormat.Xlsx,
                "all" => OutputFormat.All,
                _ => null,
            };
            if (one is null) return false;
            format |= one.Value;
        }
        return format != 0;
    }

    public static bool Has(this OutputFormat format, OutputFormat part) => (format & part) == part;
}
