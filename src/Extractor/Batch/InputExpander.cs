namespace Extractor.Batch;

/// <summary>Turns the command line's inputs into a list of files: folders are searched recursively for PDFs.</summary>
public static class InputExpander
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                // A missing file stays in the list: it is reported as not_found, not silently skipped.
                files.Add(input);
            }
        }
        return files;
    }
}
