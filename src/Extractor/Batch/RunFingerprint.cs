using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Extractor.Batch;

/// <summary>
/// "The same options" for resuming: the SHA-256 of everything that changes what a document's
/// folder and documents.csv line hold — the extractor's version, the output format, a CSV byte order mark, whether batch
/// codes are used, reproducible times, and <see cref="BatchOptions.ConversionKey"/> (the user
/// catalogs). Parallelism, sharding, time, memory and download limits, and the cache are not part of it.
/// </summary>
public static class RunFingerprint
{
    public static string Version { get; } =
        typeof(DocumentExtractor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DocumentExtractor).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static string Of(BatchOptions options)
    {
        var text = new StringBuilder()
            .Append("extractor-batch/1\n")
            .Append("version=").Append(Version).Append('\n')
            .Append("format=").Append(options.Format).Append('\n')
            .Append("html=").Append(options.Html).Append('\n')
            .Append("annotate=").Append(options.Annotate).Append('\n')
            .Append("batch_codes=").Append(options.BatchCodeEvidence).Append('\n')
            .Append("reproducible=").Append(options.Reproducible).Append('\n')
            .Append("conversion_key=").Append(options.ConversionKey).Append('\n');
        // Added only when set, so that the fingerprints of runs without it stay what they were.
        if (options.CsvBom) text.Append("csv_bom=True\n");
        // Added only when set, so that the fingerprints of runs made before the option existed stay the same.
        if (options.ExcelSafe) text.Append("excel_safe=True\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
