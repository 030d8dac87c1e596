namespace Extractor.Batch;

/// <summary>A file kept in the download cache: its URL, where it is, its SHA-256 and size.</summary>
public sealed record CachedFile(string Url, string Path, string Sha256, long Length);

/// <summary>
/// What became of one URL: the cached file, or an error code (<c>download_failed</c>, <c>not_pdf</c>)
/// with a sentence a person can act on.
/// </summary>
public sealed record DownloadResult(string Url, CachedFile? File, string ErrorCode, string Message, int Attempts, bool FromCache)
{
    public bool Succeeded => File is not null;

    public static DownloadResult Ok(CachedFile file, int attempts, bool fromCache) => new(file.Url, file, string.Empty, string.Empty, attempts, fromCache);

    public static DownloadResult Failed(string url, string code, string message, int attempts) => new(url, null, code, message, attempts, false);
}

/// <summary>A body that ended before its declared length, or without the <c>%%EOF</c> every PDF ends with.</summary>
public sealed class TruncatedDownloadException(string message) : IOException(message);
