using System.Collections.Concurrent;

namespace Extractor.Tests.Corpus;

/// <summary>Runs the pipeline once over every real PDF of ../shared/corpus/real and keeps the results for the tests.</summary>
public sealed class CorpusRun
{
    private readonly ConcurrentDictionary<string, Lazy<(DocumentResult? Result, ExtractionException? Error)>> _results = new();

    public static IEnumerable<string> Files() =>
        Directory.Exists(TestPaths.Corpus)
            ? Directory.EnumerateFiles(TestPaths.Corpus, "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];

    public (DocumentResult? Result, ExtractionException? Error) Get(string file) =>
        _results.GetOrAdd(file, f => new Lazy<(DocumentResult?, ExtractionException?)>(() =>
        {
            var path = Path.Combine(TestPaths.Corpus, f);
            try
            {
                return (DocumentExtractor.Default.Extract(File.ReadAllBytes(path), path), null);
            }
            catch (ExtractionException e)
            {
                return (null, e);
            }
        })).Value;
}
