namespace Extractor.Batch;

/// <summary>
/// The inputs of a batch in order, and the names of the extra columns their CSV manifests carry
/// (documents.csv gets them as trailing columns, in the order first seen).
/// </summary>
public sealed record InputList(IReadOnlyList<BatchInput> Items, IReadOnlyList<string> ExtraColumns)
{
    public static InputList Of(IEnumerable<BatchInput> items)
    {
        var list = items.ToList();
        var columns = new List<string>();
        foreach (var name in list.SelectMany(i => i.Fields.Keys))
        {
            if (!columns.Contains(name, StringComparer.Ordinal)) columns.Add(name);
        }
        return new InputList(list, columns);
    }

    public int Count => Items.Count;
}
