using System.Globalization;

namespace Extractor.Tests.Batch;

/// <summary>
/// The worker processes under this test process, read from /proc (Linux): each one's CPU time and resident set, sampled
/// in the background, to see that a conversion really ran and that its work stopped.
/// </summary>
internal sealed class ProcessTree : IDisposable
{
    private readonly Thread _sampler;
    private volatile bool _stop;

    /// <summary>Per worker process: its largest CPU time (seconds) and resident set (bytes) seen, and when it was last seen.</summary>
    public Dictionary<int, (double Cpu, long Rss, DateTime Seen)> Workers { get; } = [];

    public ProcessTree()
    {
        _sampler = new Thread(() =>
        {
            while (!_stop)
            {
                Sample();
                Thread.Sleep(50);
            }
        }) { IsBackground = true };
        _sampler.Start();
    }

    public void Sample()
    {
        foreach (var pid in WorkerPids())
        {
            if (Read(pid) is not { } now) continue;
            lock (Workers)
            {
                var before = Workers.GetValueOrDefault(pid);
                Workers[pid] = (Math.Max(before.Cpu, now.Cpu), Math.Max(before.Rss, now.Rss), DateTime.UtcNow);
            }
        }
    }

    /// <summary>Whether process <paramref name="pid"/> still exists (and is not a zombie waiting to be reaped).</summary>
    public static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !(ReadStat(pid) is { } stat && stat.State == 'Z');

    /// <summary>A process's CPU time (seconds) and resident set (bytes) now, or null when it is gone.</summary>
    public static (double Cpu, long Rss)? Now(int pid) => IsAlive(pid) ? Read(pid) : null;

    /// <summary>The name of a process's program (its <c>comm</c>), or empty.</summary>
    public static string Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>The descendants of this process whose command line is <c>... Extractor.Cli.dll worker ...</c>.</summary>
    public static IReadOnlyList<int> WorkerPids() => Descendants().Where(pid =>
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return cmdline.Any(a => a.EndsWith("Extractor.Cli.dll", StringComparison.Ordinal)) && cmdline.Contains("worker");
        }
        catch (IOException)
        {
            return false;
        }
    }).ToList();

    /// <summary>The living descendants of this process.</summary>
    public static IReadOnlyList<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (ReadStat(pid) is { } stat) parents[pid] = stat.Parent;
        }
        var self = Environment.ProcessId;
        bool Descends(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var parent) && p > 1; p = parent)
            {
                if (parent == self) return true;
            }
            return false;
        }
        return parents.Keys.Where(Descends).Where(IsAlive).ToList();
    }

    private static (double Cpu, long Rss)? Read(int pid)
    {
        if (ReadStat(pid) is not { } stat) return null;
        return (stat.CpuTicks / 100.0, stat.RssPages * Environment.SystemPageSize);
    }

    private static (char State, int Parent, long CpuTicks, long RssPages)? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: the fields follow the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
            return (fields[0][0], (int)Field(4), Field(14) + Field(15), Field(24));
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _stop = true;
        _sampler.Join();
    }
}
