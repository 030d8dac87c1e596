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
