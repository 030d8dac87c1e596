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

    /// <summary>
    /// Removes what a conversion of <paramref name="docId"/> that was killed left in <paramref name="outputDirectory"/>: its
    /// staged folder; and when it was killed between moving the old folder aside and the new one in, puts the old one back.
    /// </summary>
    public static void CleanDocument(string outputDirectory, string docId)
    {
        if (!Directory.Exists(outputDirectory)) return;
        var folder = Path.Combine(outputDirectory, docId);
        foreach (var entry in Directory.EnumerateDirectories(outputDirectory, "." + docId + ".*"))
        {
            var name = Path.GetFileName(entry);
            if (!Leftover().IsMatch(name) || name.Length != docId.Length + 38) continue;
            if (name.EndsWith(".old", StringComparison.Ordinal) && !Directory.Exists(folder)) Directory.Move(entry, folder);
            else Directory.Delete(entry, recursive: true);
        }
    }

    /// <summary>Removes the folder of <paramref name="docId"/>: a document written by a conversion that cannot be trusted.</summary>
    public static void RemoveDocument(string outputDirectory, string docId)
    {
        var folder = Output.DocumentFolder.PathOf(outputDirectory, docId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        CleanDocument(outputDirectory, docId);
    }

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
