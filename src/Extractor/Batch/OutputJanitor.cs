using System.Text.RegularExpressions;

namespace Extractor.Batch;

/// <summary>
/// Removes what a killed run left half-done: temporary files and folders of
/// <see cref="Output.AtomicFile"/> (<c>.NAME.GUID.tmp</c>, <c>.NAME.GUID.old</c>) in the output folder
/// and the run state. Done at the start of a run, before anything is written; an output folder is
/// used by one run at a time.
/// </summary>
internal static partial class OutputJanitor
{
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.(tmp|old)$")]
    private static partial Regex Leftover();

    public static int Clean(params string[] directories)
    {
        var removed = 0;
        foreach (var directory in directories.Where(Directory.Exists))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
            {
                if (!Leftover().IsMatch(Path.GetFileName(entry))) continue;
                if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
                removed++;
            }
        }
        return removed;
    }
}
