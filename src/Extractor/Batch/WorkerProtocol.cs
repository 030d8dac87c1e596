using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Extractor.Output;

namespace Extractor.Batch;

/// <summary>
/// What the batch and a worker process say to each other: one JSON object a line, a request on the worker's standard
/// input, its reply on its standard output, in turn. A reply comes once the document's folder is in place.
/// </summary>
internal static class WorkerProtocol
{
    private static readonly WorkerJson Context = new(new JsonSerializerOptions(WorkerJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    public static JsonTypeInfo<WorkerRequest> Request => Context.WorkerRequest;

    public static JsonTypeInfo<WorkerReply> Reply => Context.WorkerReply;

    public static string Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    public static T Read<T>(string line, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(line, type) ?? throw new JsonException("an empty message");
}

internal sealed record WorkerRequest
{
    public required string Path { get; init; }
    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    public IReadOnlyList<string[]>? BatchCodes { get; init; }
    public required string Output { get; init; }
    public required string Format { get; init; }
    public bool Html { get; init; }
    public bool Annotate { get; init; }
    public bool Reproducible { get; init; }
    public bool ExcelSafe { get; init; }
    public bool CsvBom { get; init; }
    public bool BatchCodeEvidence { get; init; }
    public double TimeoutMs { get; init; }
    /// <summary>The memory limit the worker runs under, for its message when it is reached.</summary>
    public long MaxMemoryBytes { get; init; }

    public static WorkerRequest Of(ConversionRequest request, ConversionSettings settings, long maxMemoryBytes) => new()
    {
        MaxMemoryBytes = maxMemoryBytes,
        Path = request.Path, Source = request.Source, Sha256 = request.Sha256, BatchCodes = request.BatchCodes,
        Output = settings.OutputDirectory, Format = settings.Format.ToString(), Html = settings.Html, Annotate = settings.Annotate,
        Reproducible = settings.Reproducible, ExcelSafe = settings.ExcelSafe, BatchCodeEvidence = settings.BatchCodeEvidence,
        TimeoutMs = settings.Timeout.TotalMilliseconds, CsvBom = settings.CsvBom,
    };

    public ConversionRequest ToRequest() => new(Path, Source, Sha256, BatchCodes);

    public ConversionSettings ToSettings() => new(Output, Enum.Parse<OutputFormat>(Format), Html, Annotate, Reproducible, ExcelSafe,
        BatchCodeEvidence, TimeSpan.FromMilliseconds(TimeoutMs), CsvBom);
}

internal sealed record WorkerReply
{
    public required string DocId { get; init; }
    public required string Source { get; init; }
    public required string Status { get; init; }
    public string ErrorCode { get; init; } = string.Empty;
    public string Message { get; init; } = string.Empty;
    public int Pages { get; init; }
    public int TablesFound { get; init; }
    public int ChecksFailed { get; init; }
    public int ChecksWarned { get; init; }
    public string IdentityShare { get; init; } = string.Empty;
    public string ReadingConfidence { get; init; } = string.Empty;
    public int StatementsFound { get; init; }
    public int StatementsResolved { get; init; }
    public int StatementsChecked { get; init; }
    public string Department { get; init; } = string.Empty;
    public string Kind { get; init; } = string.Empty;
    public string Scope { get; init; } = string.Empty;
    public string Year { get; init; } = string.Empty;
    public bool Unresolved { get; init; }
    public IReadOnlyList<string[]>? Codes { get; init; }
    /// <summary>The worker cannot go on (its memory ran out): the batch starts another.</summary>
    public bool Exiting { get; init; }

    public static WorkerReply Of(ConversionResult result, bool exiting = false) => new()
    {
        DocId = result.Outcome.DocId, Source = result.Outcome.Source, Status = result.Outcome.Status, ErrorCode = result.Outcome.ErrorCode,
        Message = result.Outcome.Message, Pages = result.Outcome.Pages, TablesFound = result.Outcome.TablesFound,
        ChecksFailed = result.Outcome.ChecksFailed, ChecksWarned = result.Outcome.ChecksWarned,
        IdentityShare = result.Outcome.IdentityShare, ReadingConfidence = result.Outcome.ReadingConfidence,
        StatementsFound = result.Outcome.Coverage.Found, StatementsResolved = result.Outcome.Coverage.Resolved,
        StatementsChecked = result.Outcome.Coverage.Checked,
        Department = result.Outcome.Department, Kind = result.Outcome.Kind, Scope = result.Outcome.Scope,
        Year = result.Year, Unresolved = result.Unresolved, Codes = result.Codes, Exiting = exiting,
    };

    public ConversionResult ToResult() => new(
        new DocumentOutcome(DocId, Source, Status, ErrorCode, Message, Pages, TablesFound, ChecksFailed, ChecksWarned, 0)
        {
            IdentityShare = IdentityShare, ReadingConfidence = ReadingConfidence,
            Coverage = new Checks.NarrativeCoverage(StatementsFound, StatementsResolved, StatementsChecked),
            Department = Department, Kind = Kind, Scope = Scope,
        },
        Year, Unresolved, Codes);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerReply))]
internal sealed partial class WorkerJson : JsonSerializerContext;
