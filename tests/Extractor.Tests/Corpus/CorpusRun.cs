using System.Collections.Concurrent;

namespace Extractor.Tests.Corpus;

/// <summary>Runs the pipeline once over every real PDF of ../shared/corpus/real and keeps the results for the tests.</summary>
public sealed class CorpusRun
{
    private readonly ConcurrentDictionary<string, Lazy<(DocumentResult? Result, ExtractionException? Error)>> _results = new();

    /// <summary>Stands for the corpus's files when it is not there, so that each theory runs once and says why it cannot.</summary>
    public const string NoCorpus = "(no ../shared/corpus/real)";

    /// <summary>The corpus's PDFs by name; without the corpus, <see cref="NoCorpus"/> alone.</summary>
    public static IEnumerable<string> Files() =>
        Directory.Exists(TestPaths.Corpus)
            ? Directory.EnumerateFiles(TestPaths.Corpus, "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [NoCorpus];

    /// <summary>The file converted (once per run); skips the test, or fails it under CI, when the corpus is not there.</summary>
    public (DocumentResult? Result, ExtractionException? Error) Get(string file) =>
        _results.GetOrAdd(Prerequisites.CorpusFile(file), path => new Lazy<(DocumentResult?, ExtractionException?)>(() =>
        {
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
