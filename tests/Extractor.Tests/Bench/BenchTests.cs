using Extractor.Bench;
using Extractor.Cli;

namespace Extractor.Tests.Bench;

/// <summary>The benchmark's report, not its figures: no test here depends on how fast the machine is.</summary>
public sealed class BenchTests
{
    private static string Seed => Path.Combine(TestPaths.Fixtures, "seed-calc", "seed-calc.pdf");

    [Fact]
    public void The_corpus_is_repeated_until_it_has_the_pages_asked_for_and_leaves_out_what_is_not_a_text_pdf()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-bench-").FullName;
        try
        {
            File.Copy(Seed, Path.Combine(dir, "seed.pdf"));
            File.WriteAllText(Path.Combine(dir, "page.pdf"), "<html>not a pdf</html>");

            var corpus = BenchCorpus.Load([dir, Path.Combine(dir, "missing.pdf")], minimumPages: 300);

            var seed = Assert.Single(corpus.Distinct);
            Assert.Equal(14, seed.Pages);
            Assert.Equal(22, corpus.Repeat); // 22 × 14 = 308 ≥ 300
            Assert.Equal(308, corpus.Pages);
            Assert.Equal(22, corpus.Documents);
            Assert.Equal(corpus.Documents, corpus.Items.Count);
            Assert.Contains(corpus.Skipped, s => s.Contains("page.pdf") && s.Contains("not a PDF"));
            Assert.Contains(corpus.Skipped, s => s.Contains("missing.pdf") && s.Contains("not found"));
            Assert.Equal(3, BenchCorpus.Load([dir], repeat: 3).Repeat);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_left_out()
    {
        var scan = Batch.BatchFixtures.ImageOnly;
        var corpus = BenchCorpus.Load([scan, Seed]);
        Assert.Equal(Path.GetFullPath(Seed), Assert.Single(corpus.Distinct).Path);
        Assert.Contains(corpus.Skipped, s => s.Contains("image-only-seed.pdf") && s.Contains("no text layer"));
    }

    [Fact]
    public void Floor_and_pipeline_run_over_the_same_pages_and_the_report_has_every_field()
    {
        var work = Directory.CreateTempSubdirectory("extractor-bench-").FullName;
        try
        {
            var corpus = BenchCorpus.Load([Seed], minimumPages: 20);
            Assert.Equal(2, corpus.Repeat);

            var floor = Benchmark.Measure(corpus, BenchMode.Floor, jobs: 1, Path.Combine(work, "floor"), warmup: false);
            var pipeline = Benchmark.Measure(corpus, BenchMode.Pipeline, jobs: 2, Path.Combine(work, "pipeline"));

            // The same documents, in the same order, with the same pages each.
            Assert.Equal([14, 14], floor.PagesPerDocument);
            Assert.Equal(floor.PagesPerDocument, pipeline.PagesPerDocument);
            Assert.Equal(28, floor.Pages);
            Assert.Equal(28, pipeline.Pages);
            Assert.Equal(2, pipeline.Documents);
            Assert.Empty(floor.Failures);
            Assert.Empty(pipeline.Failures);

            Assert.True(floor.Letters > 0);
            Assert.True(floor.PathCommands > 0);
            Assert.Empty(floor.StageMs);
            Assert.Equal(Benchmark.Stages.Order(), pipeline.StageMs.Keys.Order());
            Assert.All(pipeline.StageMs.Values, ms => Assert.True(ms >= 0));
            Assert.True(pipeline.StageMs["parse"] > 0);
            Assert.Equal(2, pipeline.Jobs);
            Assert.Equal(14, pipeline.ColdPages); // the cold pass: each distinct document once
            Assert.Equal(0, floor.ColdPages);
            foreach (var m in new[] { floor, pipeline })
            {
                Assert.True(m.WallMs > 0);
                Assert.True(m.PagesPerSecond > 0);
                Assert.True(m.DocumentsPerSecond > 0);
                Assert.True(m.AllocatedBytes > 0);
                if (OperatingSystem.IsLinux()) Assert.True(m.PeakWorkingSetBytes > 0);
            }

            // Time and allocations per stage: PdfPig's parse and the page model each allocate, and each stage's share is
            // counted once (the stages' allocations add up to no more than the whole pass's).
            Assert.True(pipeline.StageAllocatedBytes["parse"] > 0);
            Assert.True(pipeline.StageAllocatedBytes["page model"] > 0);
            Assert.True(pipeline.StageAllocatedBytes.Values.Sum() <= pipeline.AllocatedBytes);
            Assert.Empty(floor.StageAllocatedBytes);
            Assert.Equal(Environment.ProcessorCount, pipeline.Cores);

            var report = new BenchReport(MachineInfo.Current(), corpus, [floor, pipeline], SeparateProcesses: false)
            {
                OutputFolder = work,
                OutputFileSystem = "tmpfs",
            };
            Assert.True(report.SamePages);
            var text = report.ToText();
            foreach (var field in new[]
            {
                "machine:", "cores", "runtime:", ".NET", "corpus:", "pages/s", "documents/s", "peak MB", "cpu s",
                "floor (PdfPig), 1 job", "pipeline, 2 jobs", "open/parse (PdfPig)", "page model", "detection",
                "recognition", "code repair", "checks", "writing", "same pages: every floor and pipeline run read the same 2 documents, 28 pages",
                "gc s", "alloc KB/page", $"output:   {work} (tmpfs)", "a memory file system", "--work DIR",
            })
            {
                Assert.Contains(field, text);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void A_report_over_different_pages_says_so()
    {
        var corpus = new BenchCorpus { Distinct = [new BenchDocument(Seed, 14)], Repeat = 1 };
        BenchMeasurement Of(BenchMode mode, int pages) => new()
        {
            Mode = mode, Jobs = 1, Documents = 1, Pages = pages, PagesPerDocument = [pages], WallMs = 10,
        };
        var report = new BenchReport(MachineInfo.Current(), corpus, [Of(BenchMode.Floor, 14), Of(BenchMode.Pipeline, 0)], SeparateProcesses: true);
        Assert.False(report.SamePages);
        Assert.Contains("same pages: NO", report.ToText());
    }

    [Fact]
    public void Stage_times_are_kept_to_the_tick_and_written_in_whole_milliseconds()
    {
        var result = DocumentExtractor.Default.Extract(File.ReadAllBytes(Seed), Seed);

        Assert.Equal(result.TimingsMs.Keys.Order(), result.StageTimes.Keys.Order());
        foreach (var (stage, time) in result.StageTimes)
        {
            Assert.Equal((long)time.TotalMilliseconds, result.TimingsMs[stage]);
            Assert.True(result.StageAllocatedBytes[stage] >= 0);
        }
        // Summed whole milliseconds lose up to one per stage; the ticks do not.
        Assert.True(result.StageTimes.Values.Sum(t => t.TotalMilliseconds) >= result.TimingsMs.Values.Sum());
        Assert.True(result.StageAllocatedBytes["read"] > 0);
    }

    [Fact]
    public void The_file_system_of_a_folder_is_read_from_the_mount_table()
    {
        Assert.SkipUnless(File.Exists("/proc/mounts"), "reads the Linux mount table, /proc/mounts, which this system does not have.");
        Assert.NotEqual(string.Empty, MachineInfo.FileSystemOf(Path.GetTempPath()));
        if (Directory.Exists("/proc/self")) Assert.Equal("proc", MachineInfo.FileSystemOf("/proc/self"));
    }

    [Fact]
    public void The_machine_is_described()
    {
        var machine = MachineInfo.Current();
        Assert.Equal(Environment.ProcessorCount, machine.Cores);
        Assert.False(string.IsNullOrWhiteSpace(machine.Cpu));
        Assert.Contains(".NET", machine.Runtime);
        Assert.False(string.IsNullOrWhiteSpace(machine.Os));
    }

    [Fact]
    public void The_bench_command_prints_the_report()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // Two runs of one document, not the default three: the report's shape is what is tested, not the machine.
        var code = CommandLine.Run(["bench", "--in-process", "--corpus", Seed, "--pages", "1", "--jobs", "1", "--runs", "2"], stdout, stderr);
        Assert.True(code == CommandLine.Success, stderr.ToString());
        var text = stdout.ToString();
        Assert.Contains("Extractor benchmark", text);
        Assert.Contains("floor (PdfPig), 1 job", text);
        Assert.Contains("pipeline, 1 job", text);
        Assert.Contains("pipeline / floor, 1 job:", text);
        Assert.Contains("same pages: every floor and pipeline run read the same 1 document, 14 pages", text);
        // Every measurement runs as often as asked and the fastest is kept (three times by default, the help says).
        Assert.Contains("pipeline, 1 job: fastest of 2 runs", text);
        var help = new StringWriter();
        CommandLine.Run(["bench", "--help"], help, new StringWriter());
        Assert.Contains("keep the fastest (default: 3", help.ToString());
    }

    [Theory]
    [InlineData("0-1", new[] { 0, 1 })]
    [InlineData("0-3,8,10-11\n", new[] { 0, 1, 2, 3, 8, 10, 11 })]
    [InlineData("\t5", new[] { 5 })]
    public void The_cpus_a_measurement_may_be_pinned_to_are_read_from_a_cpu_list(string list, int[] expected)
    {
        Assert.Equal(expected, MachineInfo.ParseCpuList(list));
    }

    [Fact]
    public void This_process_may_run_on_the_cpus_linux_lists()
    {
        Assert.SkipUnless(File.Exists("/proc/self/status"), "reads /proc/self/status, which only Linux has.");
        var cpus = MachineInfo.AllowedCpus();
        Assert.NotNull(cpus);
        Assert.NotEmpty(cpus);
        Assert.Equal(cpus.Distinct().Order(), cpus);
    }

    [Theory]
    [InlineData("3-1")]
    [InlineData("a-b")]
    [InlineData("1-2-3")]
    public void A_cpu_list_that_is_not_one_gives_none(string list)
    {
        Assert.Null(MachineInfo.ParseCpuList(list));
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--repeat")]
    [InlineData("--child", "bogus")]
    [InlineData("--frobnicate")]
    public void A_wrong_bench_command_line_exits_2(params string[] args)
    {
        var stderr = new StringWriter();
        Assert.Equal(CommandLine.UsageError, CommandLine.Run(["bench", .. args], new StringWriter(), stderr));
        Assert.StartsWith("extractor: ", stderr.ToString());
    }
}
