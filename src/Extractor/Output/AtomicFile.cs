using System.Text;

namespace Extractor.Output;

/// <summary>
/// Writes a file under a temporary name beside its target and renames it into place, so a crash
/// or a kill never leaves a half-written file where a reader expects a whole one.
/// </summary>
public static class AtomicFile
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>UTF-8 starting with a byte order mark, for CSV files Excel must open as UTF-8 (<c>--csv-bom</c>).</summary>
    public static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static void Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Writes a file straight to its name: for files inside a folder that is itself built aside and
    /// swapped in whole (<see cref="ReplaceDirectory"/>), where a rename per file adds nothing.
    /// </summary>
    public static void WriteInStagedFolder(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        write(stream);
    }

    public static void WriteTextInStagedFolder(string path, Action<TextWriter> write, Encoding? encoding = null) =>
        WriteInStagedFolder(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding ?? Utf8, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });

    public static void WriteText(string path, Action<TextWriter> write, Encoding? encoding = null) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding ?? Utf8, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });

    /// <summary>
    /// Replaces a whole folder: the caller fills a fresh temporary folder, which is then swapped
    /// in for <paramref name="path"/> (the old one is removed only after the new one is in place).
    /// </summary>
    public static void ReplaceDirectory(string path, Action<string> fill)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var old = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.old");
        try
        {
            Directory.CreateDirectory(temporary);
            fill(temporary);
            if (Directory.Exists(full)) Directory.Move(full, old);
            Directory.Move(temporary, full);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
    }
}
