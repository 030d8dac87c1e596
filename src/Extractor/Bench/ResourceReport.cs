using System.Diagnostics;
using System.Globalization;

namespace Extractor.Bench;

/// <summary>
/// What a process used, written at its exit where the benchmark asked for it: a parent cannot read a child's CPU time
/// and peak memory once it has exited, so the bench's whole-process rows start the tool with
/// <see cref="Variable"/> naming a file, and the tool writes "cpu_ms peak_bytes" there as it ends.
/// </summary>
public static class ResourceReport
{
    public const string Variable = "EXTRACTOR_RESOURCE_REPORT";

    /// <summary>Writes this process's CPU time and peak resident set to the file the variable names, if it names one.</summary>
    public static void WriteIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        try
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{cpu:0.###} {PeakMemory.Read()}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The figures are the bench's, not the user's: a conversion never fails for them.
        }
    }

    /// <summary>The CPU time (ms) and peak bytes a report holds; zeros when it is missing or not one.</summary>
    public static (double CpuMs, long PeakBytes) Read(string path)
    {
        try
        {
            var parts = File.ReadAllText(path).Split(' ');
            if (parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var cpu)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var peak))
            {
                return (cpu, peak);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return (0, 0);
    }
}
