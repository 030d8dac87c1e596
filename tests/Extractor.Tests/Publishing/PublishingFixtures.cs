using System.Diagnostics;
using System.Text.Json;
using DuckDB.NET.Data;
using Extractor.Batch;
using Extractor.Output;
using Extractor.Output.Package;
using Extractor.Tests.Batch;
using Extractor.Tests.Output;

namespace Extractor.Tests.Publishing;

/// <summary>
/// One batch converted with every format (<c>--format all</c>) for the publishing tests to read back: the two seed
/// fixtures (one in 元) and a real budget that prints split codes with leading zeros (烟台, 05 under 208).
/// </summary>
public sealed class PublishedBatch : IDisposable
{
    public static string Yantai => Path.Combine(TestPaths.Corpus, "shandong-yantai-czj-2026-dept-budget.pdf");

    public PublishedBatch()
    {
        Assert.True(File.Exists(Yantai), $"the real corpus must be beside the repository: {Yantai} is missing");
        Output = Directory.CreateTempSubdirectory("extractor-published-").FullName;
        Inputs = [BatchFixtures.SeedCalc, Path.Combine(TestPaths.Fixtures, "seed-yuan", "seed-yuan.pdf"), Yantai];
        Outcomes = PublishingFixtures.Convert(Inputs, Output, OutputFormat.All, PackageMetadata.None);
    }

    public string Output { get; }

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<DocumentOutcome> Outcomes { get; }

    public string Folder(string input) => Path.Combine(Output, Outcomes[Inputs.ToList().IndexOf(input)].DocId);

    public void Dispose() => Directory.Delete(Output, recursive: true);
}

internal static class PublishingFixtures
{
    public static IReadOnlyList<DocumentOutcome> Convert(IReadOnlyList<string> inputs, string output, OutputFormat format, PackageMetadata package,
        bool csvBom = false, ShardSpec? shard = null) =>
        new BatchRunner(DocumentExtractor.Default).Run(inputs, new BatchOptions
        {
            OutputDirectory = output, Format = format, Package = package, CsvBom = csvBom, Reproducible = true, MaxParallelism = 2,
            Shard = shard ?? ShardSpec.All,
        });

    public static string ValidatorFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "validators");

    /// <summary>
    /// Validates a datapackage.json with the Frictionless JavaScript libraries (tests/validators): the descriptor against
    /// the Data Package profiles, every CSV resource's rows against its schema, every foreign key.
    /// </summary>
    public static ValidationResult Validate(string descriptor)
    {
        var node = Prerequisites.FrictionlessValidator();
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(ValidatorFolder, "validate-datapackage.js"));
        start.ArgumentList.Add(descriptor);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the validator did not finish in 5 minutes");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        Assert.True(line is not null && line.StartsWith('{'), $"the validator printed no result (exit code {process.ExitCode}): {error.Result}");
        using var json = JsonDocument.Parse(line!);
        var root = json.RootElement;
        var result = new ValidationResult(
            root.GetProperty("valid").GetBoolean(),
            root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList(),
            root.GetProperty("resources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        Assert.Equal(result.Valid ? 0 : 1, process.ExitCode);
        return result;
    }

    /// <summary>An in-memory DuckDB: another Parquet implementation (C++) than the one the extractor writes with.</summary>
    public static DuckDBConnection DuckDb()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public static List<object?[]> Query(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A path as a DuckDB string literal.</summary>
    public static string Sql(string path) => "'" + path.Replace("'", "''") + "'";
}

public sealed record ValidationResult(bool Valid, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, int> Rows);
