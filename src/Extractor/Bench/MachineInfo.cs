using System.Globalization;
using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Extractor.Bench;

/// <summary>The machine a benchmark ran on, printed with its figures.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Os, string Runtime, long MemoryBytes, string Gc, string Build)
{
    public static MachineInfo Current()
    {
        var cpu = ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var osText = RuntimeInformation.OSDescription;
        try
        {
            if (File.Exists("/proc/sys/kernel/osrelease")) osText += $", Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}";
        }
        catch (IOException)
        {
        }
        long memory = 0;
        if (ProcField("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], out var kb)) memory = kb * 1024;
        var gc = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "");
        var debug = typeof(MachineInfo).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
        return new MachineInfo(Environment.ProcessorCount, cpu, osText,
            $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})", memory, gc,
            debug ? "Debug (figures not representative: build with -c Release)" : "Release");
    }

    /// <summary>
    /// The type of the file system holding <paramref name="path"/> (ext4, tmpfs, …) from the mount table, or an empty
    /// string where there is none to read: writing costs depend on it.
    /// </summary>
    public static string FileSystemOf(string path)
    {
        try
        {
            if (!File.Exists("/proc/mounts")) return string.Empty;
            var full = Path.GetFullPath(path);
            var best = (Point: "", Type: "");
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length < 3) continue;
                var point = parts[1].Replace("\\040", " ");
                var inside = full == point || full.StartsWith(point.EndsWith('/') ? point : point + "/", StringComparison.Ordinal);
                if (inside && point.Length >= best.Point.Length) best = (point, parts[2]);
            }
            return best.Type;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>The CPUs this process may run on (Linux's Cpus_allowed_list, e.g. "0-3,8"), or null where it cannot be read.</summary>
    public static List<int>? AllowedCpus()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
            return line is null ? null : ParseCpuList(line["Cpus_allowed_list:".Length..]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A Linux CPU list ("0-3,8,10-11") as the CPUs it names, in order; null when it is not one.</summary>
    public static List<int>? ParseCpuList(string text)
    {
        var cpus = new List<int>();
        foreach (var part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length > 2
                || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || last < first)
            {
                return null;
            }
            for (var cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
        }
        return cpus;
    }

    private static string? ProcField(string file, string key, char separator = ':')
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var at = line.IndexOf(separator);
                if (at > 0 && line[..at].Trim() == key) return line[(at + 1)..].Trim();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
