namespace Extractor.Output;

/// <summary>
/// A document's folder is named by its doc_id, and nothing else becomes a path under an output folder: a doc_id read
/// back from disk (documents.csv, a shard's files, the resume ledger) or made from a name on the network is accepted
/// only in the shape <see cref="DocumentExtractor.DocId"/> makes, and its folder only as a direct child of the output
/// folder. A forged <c>../elsewhere</c>, <c>.</c> or absolute path is refused before anything is read or written.
/// </summary>
public static class DocumentFolder
{
    private const int HashDigits = 8;
    private const int MaxName = 100;

    /// <summary>A character a doc_id never holds (it becomes <c>_</c>): white space, controls, and what file systems or shells refuse.</summary>
    internal static bool IsRefused(char ch) =>
        char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '\0';

    /// <summary>Whether <paramref name="text"/> has the shape of a doc_id: a safe name, <c>-</c>, 8 lowercase hex digits.</summary>
    public static bool IsDocId(string? text)
    {
        if (text is null || text.Length < HashDigits + 2 || text.Length > MaxName + HashDigits + 1) return false;
        var dash = text.Length - HashDigits - 1;
        if (text[dash] != '-') return false;
        for (var i = dash + 1; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigitLower(text[i]) && !char.IsAsciiDigit(text[i])) return false;
        }
        if (DocumentExtractor.UnsafeLeading.Contains(text[0])) return false;
        for (var i = 0; i < dash; i++)
        {
            if (IsRefused(text[i])) return false;
        }
        return true;
    }

    /// <summary>The folder of <paramref name="docId"/> in <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">the doc_id is not one the extractor makes, or its folder would not be a direct child of <paramref name="root"/>.</exception>
    public static string PathOf(string root, string docId)
    {
        if (!IsDocId(docId)) throw new InvalidDataException($"'{Printable(docId)}' is not a doc_id the extractor makes (a safe file name, '-' and 8 hex digits)");
        var parent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var folder = Path.GetFullPath(Path.Combine(parent, docId));
        if (!string.Equals(Path.GetDirectoryName(folder), parent, StringComparison.Ordinal) || Path.GetFileName(folder) != docId)
        {
            throw new InvalidDataException($"'{Printable(docId)}' would not be a folder directly inside {parent}");
        }
        return folder;
    }

    /// <summary>A value quoted in a message: control characters shown as '?', at most 80 characters.</summary>
    internal static string Printable(string text)
    {
        var shown = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > 80 ? shown[..80] + "…" : shown;
    }
}
