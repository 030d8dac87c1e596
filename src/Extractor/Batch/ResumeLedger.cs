using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Extractor.Output;

namespace Extractor.Batch;

/// <summary>
/// What a previous run finished, one JSON file per input in <c>&lt;out&gt;/.extractor/ledger/</c>,
/// named by the SHA-256 of the input's source and written atomically after the document's folder
/// is in place. A rerun skips an input whose entry has the same content SHA-256 and the same
/// options fingerprint, is not failed, and whose folder is still there; anything else (no entry,
/// failed, interrupted before its entry was written, changed file, other options) is converted
/// again.
/// </summary>
public sealed class ResumeLedger
{
    /// <summary>Chinese names as they are, not as \u escapes: the ledger is for people to read too.</summary>
    private static readonly JsonTypeInfo<LedgerEntry> Json = new LedgerJson(new System.Text.Json.JsonSerializerOptions(LedgerJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    }).LedgerEntry;

    public ResumeLedger(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public static string KeyOf(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    /// <summary>Whether <paramref name="fileName"/> is the name the ledger gives an entry: 64 lowercase hex digits and <c>.json</c>.</summary>
    public static bool IsEntryName(string fileName) =>
        fileName.Length == 69 && fileName.EndsWith(".json", StringComparison.Ordinal) && fileName[..64].All(c => char.IsAsciiDigit(c) || char.IsAsciiHexDigitLower(c));

    private string PathOf(string source) => Path.Combine(Directory, KeyOf(source) + ".json");

    public LedgerEntry? TryGet(string source)
    {
        var path = PathOf(source);
        if (!File.Exists(path)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), Json);
            return entry is not null && entry.Source == source ? entry : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public void Put(LedgerEntry entry) =>
        AtomicFile.Write(PathOf(entry.Source), stream => JsonSerializer.Serialize(stream, entry, Json));

    public void Remove(string source) => File.Delete(PathOf(source));

    /// <summary>Every entry file, for merging shard outputs.</summary>
    public IEnumerable<string> Files() => System.IO.Directory.EnumerateFiles(Directory, "*.json");
}

/// <summary>
/// One finished input. <c>Codes</c> are the codes the document prints in full (its batch evidence
/// for the others of its year), so a skipped document still contributes them; <c>BatchBook</c> is
/// the fingerprint of the batch evidence its output was made with (empty: none).
/// </summary>
public sealed record LedgerEntry
{
    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    public required string Options { get; init; }
    public required string DocId { get; init; }
    public required string Status { get; init; }
    public string ErrorCode { get; init; } = string.Empty;
    public string Message { get; init; } = string.Empty;
    public int Pages { get; init; }
    public int TablesFound { get; init; }
    public int ChecksFailed { get; init; }
    public int ChecksWarned { get; init; }
    public long ElapsedMs { get; init; }
    public string IdentityShare { get; init; } = string.Empty;
    public string ReadingConfidence { get; init; } = string.Empty;
    public int StatementsFound { get; init; }
    public int StatementsResolved { get; init; }
    public int StatementsChecked { get; init; }
    public string Year { get; init; } = string.Empty;
    public bool Unresolved { get; init; }
    public string BatchBook { get; init; } = string.Empty;
    public IReadOnlyList<string[]> Codes { get; init; } = [];
    public string Department { get; init; } = string.Empty;
    public string Kind { get; init; } = string.Empty;
    public string Scope { get; init; } = string.Empty;

    public DocumentOutcome ToOutcome(string source) =>
        new(DocId, source, Status, ErrorCode, Message, Pages, TablesFound, ChecksFailed, ChecksWarned, ElapsedMs)
        {
            Resumed = true,
            IdentityShare = IdentityShare,
            ReadingConfidence = ReadingConfidence,
            Coverage = new Checks.NarrativeCoverage(StatementsFound, StatementsResolved, StatementsChecked),
            Department = Department, Kind = Kind, Scope = Scope,
        };

    public static LedgerEntry Of(DocumentOutcome outcome, string sha256, string options) => new()
    {
        Source = outcome.Source,
        Sha256 = sha256,
        Options = options,
        DocId = outcome.DocId,
        Status = outcome.Status,
        ErrorCode = outcome.ErrorCode,
        Message = outcome.Message,
        Pages = outcome.Pages,
        TablesFound = outcome.TablesFound,
        ChecksFailed = outcome.ChecksFailed,
        ChecksWarned = outcome.ChecksWarned,
        ElapsedMs = outcome.ElapsedMs,
        IdentityShare = outcome.IdentityShare,
        ReadingConfidence = outcome.ReadingConfidence,
        StatementsFound = outcome.Coverage.Found,
        StatementsResolved = outcome.Coverage.Resolved,
        StatementsChecked = outcome.Coverage.Checked,
        Department = outcome.Department,
        Kind = outcome.Kind,
        Scope = outcome.Scope,
    };
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(LedgerEntry))]
internal sealed partial class LedgerJson : System.Text.Json.Serialization.JsonSerializerContext;
