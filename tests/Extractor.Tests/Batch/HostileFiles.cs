using System.Diagnostics;
using Extractor.Batch;

namespace Extractor.Tests.Batch;

/// <summary>
/// The hostile and broken PDFs of <c>tools/hostile/make_hostile.py</c> at its small sizes, made once per test run into a
/// temporary folder (they are generated, not committed: see the script for what each one is).
/// </summary>
internal static class HostileFiles
{
    private static readonly Lazy<string> Folder = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Script => Path.Combine(TestPaths.RepositoryRoot, "tools", "hostile", "make_hostile.py");

    /// <summary>The file <paramref name="name"/> of the set (e.g. <c>bomb.pdf</c>, <c>forged-shard</c>).</summary>
    public static string Get(string name) => Path.Combine(Folder.Value, name);

    /// <summary>How the tests start a worker process: the command line tool beside the test assembly, run by dotnet.</summary>
    public static WorkerCommand Workers { get; } = new(
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
        [Path.Combine(AppContext.BaseDirectory, "Extractor.Cli.dll"), "worker"]);

    private static string Make()
    {
        var folder = Directory.CreateTempSubdirectory("extractor-hostile-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder: left to the system.
            }
        };
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Script, folder, "--small" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"make_hostile.py failed ({process.ExitCode}): {errors.Result}");
        return folder;
    }
}
