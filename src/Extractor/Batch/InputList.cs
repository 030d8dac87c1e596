namespace Extractor.Batch;

/// <summary>
/// The inputs of a batch in order, and the names of the extra columns their CSV manifests carry
/// (documents.csv gets them as trailing columns, in the order first seen). An input listed twice
/// (the same URL, or the same file however its path is written) is kept once, where first listed.
/// </summary>
public sealed record InputList(IReadOnlyList<BatchInput> Items, IReadOnlyList<string> ExtraColumns)
{
    public static InputList Of(IEnumerable<BatchInput> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = items.Where(i => seen.Add(Identity(i.Source))).ToList();
        var columns = new List<string>();
        foreach (var name in list.SelectMany(i => i.Fields.Keys))
        {
            if (!columns.Contains(name, StringComparer.Ordinal)) columns.Add(name);
        }
        return new InputList(list, columns);
    }

    public int Count => Items.Count;

    /// <summary>What makes two inputs the same: a URL as written, a file by its full path.</summary>
    private static string Identity(string source)
    {
        if (BatchInput.IsUrlText(source)) return source;
        try
        {
            return Path.GetFullPath(source);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return source;
        }
    }
}
