using System.Diagnostics;
using Extractor.Checks;
using Extractor.Arithmetic;

namespace Extractor.Tests.Output;

/// <summary>The seed documents the review tests look at, each converted once, and the external programs they use.</summary>
internal static class ReviewFixtures
{
    private static readonly Lazy<(DocumentResult Document, byte[] Bytes)> SeedCalc = new(() => Convert("seed-calc"));
    private static readonly Lazy<(DocumentResult Document, byte[] Bytes)> SeedRotated = new(() => Convert("seed-rotated"));

    /// <summary>fixtures/seed-calc/seed-calc.pdf: two narrative checks on the “三公” budget fail (the narrative's 3万元 against GK09's 0.87).</summary>
    public static DocumentResult Seed => SeedCalc.Value.Document;
    public static byte[] SeedPdf => SeedCalc.Value.Bytes;

    /// <summary>The same with /Rotate 90 on pages 7 (GK06) and 10 (GK09).</summary>
    public static DocumentResult Rotated => SeedRotated.Value.Document;
    public static byte[] RotatedPdf => SeedRotated.Value.Bytes;

    public const string ThreePublicCheck = "narrative.GK09.total_budget";

    public static IReadOnlyList<CheckResult> Failed(DocumentResult document) => document.Checks.Where(c => c.Status == CheckStatus.Fail).ToList();

    private static (DocumentResult, byte[]) Convert(string name)
    {
        var path = Path.Combine(TestPaths.Fixtures, name, name + ".pdf");
        var bytes = File.ReadAllBytes(path);
        return (DocumentExtractor.Default.Extract(bytes, path), bytes);
    }

    /// <summary>Runs a program to its end (at most <paramref name="timeout"/>), returning its exit code and standard error.</summary>
    public static (int ExitCode, string Error) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds} s");
        }
        _ = output.Result;
        return (process.ExitCode, error.Result);
    }

    /// <summary>A fresh temporary folder, removed by the caller.</summary>
    public static string TempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
