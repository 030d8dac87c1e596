using System.Globalization;

namespace Extractor.Bench;

/// <summary>The process's peak resident set size, from /proc/self/status (Linux).</summary>
public static class PeakMemory
{
    /// <summary>VmHWM in bytes, or 0 where /proc is not there.</summary>
    public static long Read()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return 0;
    }

    /// <summary>
    /// Sets the peak back to the current resident size (writing 5 to /proc/self/clear_refs, Linux 4.0
    /// and later), so that a measurement in this process reports its own peak. False where it cannot.
    /// </summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or 0 where it cannot be read.</summary>
    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }
}
