namespace Extractor.Tests.Fixtures;

/// <summary>
/// The bundled fixture PDFs (fixtures/NAME/NAME.pdf) as the extractor reads them, each converted once for all the
/// fixture tests that read it.
/// </summary>
internal static class FixtureDocuments
{
    private static readonly Dictionary<string, DocumentResult> Results = new();

    public static DocumentResult Extract(string fixture)
    {
        lock (Results)
        {
            if (!Results.TryGetValue(fixture, out var result))
            {
                var path = Path.Combine(TestPaths.Fixtures, fixture, fixture + ".pdf");
                result = DocumentExtractor.Default.Extract(File.ReadAllBytes(path), path);
                Results[fixture] = result;
            }
            return result;
        }
    }
}
