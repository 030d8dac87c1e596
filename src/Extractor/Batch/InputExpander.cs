namespace Extractor.Batch;

/// <summary>
/// Turns the command line's inputs into the batch's list: a PDF file or URL stays itself, a folder
/// is searched recursively for <c>*.pdf</c> (in ordinal order of path), a <c>.txt</c> or <c>.csv</c>
/// file is a manifest (<see cref="InputManifest"/>) whose entries take its place.
/// </summary>
public static class InputExpander
{
    public static InputList Expand(IEnumerable<string> inputs)
    {
        var items = new List<BatchInput>();
        foreach (var input in inputs) Add(input, items, allowManifest: true);
        return InputList.Of(items);
    }

    internal static void Add(string input, List<BatchInput> items, bool allowManifest, IReadOnlyDictionary<string, string>? fields = null)
    {
        if (BatchInput.IsUrlText(input))
        {
            items.Add(WithFields(new BatchInput(input), fields));
        }
        else if (Directory.Exists(input))
        {
            items.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => WithFields(new BatchInput(f), fields)));
        }
        else if (allowManifest && File.Exists(input) && InputManifest.IsManifest(input))
        {
            items.AddRange(InputManifest.Read(input));
        }
        else
        {
            // A missing file stays in the list: it is reported as not_found, not silently skipped.
            items.Add(WithFields(new BatchInput(input), fields));
        }
    }

    private static BatchInput WithFields(BatchInput input, IReadOnlyDictionary<string, string>? fields) =>
        fields is null ? input : input with { Fields = fields };
}
