namespace Extractor.Tests;

/// <summary>Where the repository's fixtures and the shared corpus are, from the test binary's folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepositoryRoot, "fixtures");

    /// <summary>The real disclosures beside the repository (../shared/corpus/real).</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "real"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Extractor.sln not found above " + AppContext.BaseDirectory);
    }
}
