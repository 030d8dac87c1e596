using System.Diagnostics;
using System.Globalization;

namespace Extractor.Batch;

/// <summary>How much memory a process holds now: its resident set.</summary>
public static class ProcessMemory
{
    /// <summary>
    /// The resident set of <paramref name="process"/> in bytes: on Linux read from <c>/proc/PID/statm</c> (a few
    /// microseconds, no allocation worth the name); elsewhere the working set .NET reports.
    /// </summary>
    public static long ResidentBytes(Process process)
    {
        if (OperatingSystem.IsLinux())
        {
            var statm = File.ReadAllText($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/statm");
            var fields = statm.Split(' ', 3);
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        process.Refresh();
        return process.WorkingSet64;
    }
}
