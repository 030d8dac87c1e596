using Extractor.Pdf;

namespace Extractor.Bench;

/// <summary>One PDF of a benchmark corpus and its page count.</summary>
public sealed record BenchDocument(string Path, int Pages);

/// <summary>
/// The documents a benchmark runs over: the distinct PDFs with a text layer, repeated until the
/// corpus has at least the pages asked for. Floor and pipeline both take <see cref="Items"/>, in order.
/// </summary>
public sealed record BenchCorpus
{
    /// <summary>The distinct PDFs, in path order.</summary>
    public required IReadOnlyList<BenchDocument> Distinct { get; init; }

    /// <summary>How many times <see cref="Distinct"/> is run.</summary>
    public required int Repeat { get; init; }

    /// <summary>Inputs left out, each with the reason (no text layer, not a PDF …).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Every document run, in order: <see cref="Distinct"/> <see cref="Repeat"/> times.</summary>
    public IReadOnlyList<BenchDocument> Items => Enumerable.Range(0, Repeat).SelectMany(_ => Distinct).ToList();

    public int Pages => Distinct.Sum(d => d.Pages) * Repeat;

    public int Documents => Distinct.Count * Repeat;

    /// <summary>
    /// The PDFs under <paramref name="inputs"/> (files, or folders searched recursively for *.pdf)
    /// that have a text layer, repeated <paramref name="repeat"/> times or, when it is null, as
    /// often as needed for at least <paramref name="minimumPages"/> pages.
    /// </summary>
    public static BenchCorpus Load(IEnumerable<string> inputs, int minimumPages = 300, int? repeat = null)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*.pdf", SearchOption.AllDirectories)) files.Add(Path.GetFullPath(file));
            }
            else if (File.Exists(input))
            {
                files.Add(Path.GetFullPath(input));
            }
            else
            {
                skipped.Add($"{input}: not found");
            }
        }

        var documents = new List<BenchDocument>();
        foreach (var file in files)
        {
            var pages = PdfFloorReader.TextPages(File.ReadAllBytes(file), out var reason);
            if (pages > 0) documents.Add(new BenchDocument(file, pages));
            else skipped.Add($"{file}: {reason}");
        }
        var total = documents.Sum(d => d.Pages);
        var times = repeat ?? (total == 0 ? 1 : Math.Max(1, (minimumPages + total - 1) / total));
        return new BenchCorpus { Distinct = documents, Repeat = Math.Max(1, times), Skipped = skipped };
    }
}
