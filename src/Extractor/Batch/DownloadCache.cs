using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extractor.Output;

namespace Extractor.Batch;

/// <summary>
/// Downloaded PDFs on disk, by URL: <c>&lt;sha256 of the URL&gt;.pdf</c> and beside it
/// <c>&lt;sha256 of the URL&gt;.json</c> (<c>url</c>, <c>sha256</c> of the content, <c>bytes</c>). A
/// file is downloaded under a temporary name and renamed into place only when whole and checked,
/// and the record is written after it, so a crash never leaves a half file that looks cached; an
/// entry whose content no longer matches its SHA-256 is dropped and downloaded again.
/// </summary>
public sealed class DownloadCache
{
    public DownloadCache(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public static string KeyOf(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    public string PathOf(string url) => Path.Combine(Directory, KeyOf(url) + ".pdf");

    private string RecordOf(string url) => Path.Combine(Directory, KeyOf(url) + ".json");

    /// <summary>A temporary file for a download of <paramref name="url"/> in progress (<c>.&lt;key&gt;.&lt;guid&gt;.part</c>).</summary>
    public string NewPartPath(string url) => Path.Combine(Directory, $".{KeyOf(url)}.{Guid.NewGuid():N}.part");

    public CachedFile? TryGet(string url)
    {
        var record = RecordOf(url);
        var path = PathOf(url);
        if (!File.Exists(record) || !File.Exists(path)) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(record));
            var root = json.RootElement;
            var sha = root.GetProperty("sha256").GetString() ?? "";
            var length = root.GetProperty("bytes").GetInt64();
            if (root.GetProperty("url").GetString() != url || new FileInfo(path).Length != length) return Drop(url);
            using var stream = File.OpenRead(path);
            if (Convert.ToHexStringLower(SHA256.HashData(stream)) != sha) return Drop(url);
            return new CachedFile(url, path, sha, length);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return Drop(url);
        }
    }

    /// <summary>Moves a whole, checked download into the cache.</summary>
    public CachedFile Commit(string url, string partPath, string sha256, long length)
    {
        var path = PathOf(url);
        // The old record goes first: a reader never pairs it with the new content.
        File.Delete(RecordOf(url));
        File.Move(partPath, path, overwrite: true);
        AtomicFile.Write(RecordOf(url), stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("url", url);
            json.WriteString("sha256", sha256);
            json.WriteNumber("bytes", length);
            json.WriteString("downloaded", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
        });
        return new CachedFile(url, path, sha256, length);
    }

    /// <summary>Removes downloads a killed process left unfinished (parts older than <paramref name="age"/>, so another process sharing the cache keeps its own).</summary>
    public void RemoveStaleParts(TimeSpan age)
    {
        foreach (var part in System.IO.Directory.EnumerateFiles(Directory, ".*.part"))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(part) >= age) File.Delete(part);
            }
            catch (IOException)
            {
                // Another process may be finishing it.
            }
        }
    }

    private CachedFile? Drop(string url)
    {
        File.Delete(RecordOf(url));
        File.Delete(PathOf(url));
        return null;
    }
}
