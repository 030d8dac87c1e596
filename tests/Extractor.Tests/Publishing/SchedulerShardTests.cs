using Extractor.Batch;
using Extractor.Output;

namespace Extractor.Tests.Publishing;

/// <summary><c>--shard N</c>: the worker's index from a Kubernetes Indexed Job or a Slurm array, and <c>--format</c> lists.</summary>
public sealed class SchedulerShardTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_kubernetes_indexed_job_gives_its_completion_index()
    {
        Assert.Equal(new ShardSpec(2, 4), ShardSpec.FromScheduler(4, Environment(("JOB_COMPLETION_INDEX", "2")), out _));
    }

    [Fact]
    public void A_slurm_array_gives_its_task_id_counted_from_the_arrays_first()
    {
        Assert.Equal(new ShardSpec(3, 4), ShardSpec.FromScheduler(4, Environment(("SLURM_ARRAY_TASK_ID", "3")), out _));
        Assert.Equal(new ShardSpec(0, 4), ShardSpec.FromScheduler(4, Environment(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "1")), out _));
    }

    [Theory]
    [InlineData("JOB_COMPLETION_INDEX", "4", "outside 0 to 3")]
    [InlineData("SLURM_ARRAY_TASK_ID", "x", "not a whole number")]
    [InlineData("OTHER", "1", "neither is set; give it as --shard I/4")]
    public void Without_a_usable_index_it_says_what_to_do(string variable, string value, string message)
    {
        Assert.Null(ShardSpec.FromScheduler(4, Environment((variable, value)), out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void The_command_line_takes_the_index_from_the_environment()
    {
        var previous = System.Environment.GetEnvironmentVariable("JOB_COMPLETION_INDEX");
        var output = Directory.CreateTempSubdirectory("extractor-scheduled-").FullName;
        try
        {
            System.Environment.SetEnvironmentVariable("JOB_COMPLETION_INDEX", "7");
            var stderr = new StringWriter();
            Assert.Equal(Extractor.Cli.CommandLine.UsageError, Extractor.Cli.CommandLine.Run([Batch.BatchFixtures.SeedCalc, "--out", output, "--shard", "4"], TextWriter.Null, stderr));
            Assert.Contains("JOB_COMPLETION_INDEX gives shard 7, outside 0 to 3", stderr.ToString());
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("JOB_COMPLETION_INDEX", previous);
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("both", OutputFormat.Csv | OutputFormat.Json)]
    [InlineData("csv", OutputFormat.Csv)]
    [InlineData("json", OutputFormat.Json)]
    [InlineData("parquet", OutputFormat.Parquet)]
    [InlineData("csv,parquet", OutputFormat.Csv | OutputFormat.Parquet)]
    [InlineData("xlsx, json", OutputFormat.Xlsx | OutputFormat.Json)]
    [InlineData("all", OutputFormat.Csv | OutputFormat.Json | OutputFormat.Parquet | OutputFormat.Xlsx)]
    public void Format_names_and_lists(string text, OutputFormat expected)
    {
        Assert.True(OutputFormats.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("csv,")]
    [InlineData("pdf")]
    public void Unknown_formats_are_refused(string text) => Assert.False(OutputFormats.TryParse(text, out _));
}
