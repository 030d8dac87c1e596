namespace Extractor;

/// <summary>Stable error codes of <c>documents.csv</c>.</summary>
public static class ErrorCodes
{
    public const string NotPdf = "not_pdf";
    public const string Encrypted = "encrypted";
    public const string NoTextLayer = "no_text_layer";
    public const string Corrupt = "corrupt";
    public const string Timeout = "timeout";
    /// <summary>Over a size limit: a stream that decodes to more than its ceiling, a page with too many glyphs or paths, or a conversion over --max-memory.</summary>
    public const string TooLarge = "too_large";
    public const string NotFound = "not_found";
    public const string DownloadFailed = "download_failed";
    public const string Internal = "internal_error";
}

/// <summary>
/// A document that cannot be converted, with a stable code and a sentence a person can act on.
/// Thrown inside the pipeline, turned into a <c>documents.csv</c> row at the document boundary.
/// </summary>
public sealed class ExtractionException(string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
}
