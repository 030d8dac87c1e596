namespace Extractor.Tests;

/// <summary>
/// What some tests need beyond the .NET SDK: Chromium, poppler's pdftoppm, and the real disclosures of
/// ../shared/corpus/real beside the repository. On a developer's machine a test whose prerequisite is missing is
/// skipped, its reason naming what to install; under CI (<c>CI=true</c>, which .ci/run sets) it fails instead, so that
/// CI always runs it.
/// </summary>
internal static class Prerequisites
{
    /// <summary>Missing prerequisites fail rather than skip: set by CI services and by .ci/run.</summary>
    public static bool Required { get; } = Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The Chromium binary: <c>EXTRACTOR_CHROMIUM</c>, else chromium or google-chrome on PATH.</summary>
    public static string Chromium() =>
        (Environment.GetEnvironmentVariable("EXTRACTOR_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : FindProgram("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))
        ?? Missing("Chromium", "apt-get install -y chromium fonts-noto-cjk, or set EXTRACTOR_CHROMIUM to a Chromium binary");

    /// <summary>poppler's pdftoppm on PATH.</summary>
    public static string Pdftoppm() =>
        FindProgram("pdftoppm") ?? Missing("pdftoppm (poppler)", "apt-get install -y poppler-utils");

    /// <summary>Node.js on PATH, with the Frictionless validator installed in tests/validators (npm ci).</summary>
    public static string FrictionlessValidator()
    {
        var node = FindProgram("node", "nodejs") ?? Missing("Node.js (for the Frictionless validator)", "apt-get install -y nodejs npm");
        var folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "validators");
        if (!File.Exists(Path.Combine(folder, "node_modules", "datapackage", "package.json")))
            Missing("the Frictionless validator in tests/validators", $"run 'npm ci --prefix {folder}' (the test project's build does it where npm is)");
        return node;
    }

    /// <summary>The folder of the real disclosures, ../shared/corpus/real.</summary>
    public static string Corpus() =>
        Directory.Exists(TestPaths.Corpus) && Directory.EnumerateFiles(TestPaths.Corpus, "*.pdf").Any()
            ? TestPaths.Corpus
            : Missing($"the real disclosures of ../shared/corpus/real (looked in {TestPaths.Corpus})",
                "clone the repository beside the project's shared folder, so that ../shared/corpus/real holds the PDFs");

    /// <summary>A file of the real corpus; with the corpus there, a missing file is an error, not a reason to skip.</summary>
    public static string CorpusFile(string name)
    {
        var path = Path.Combine(Corpus(), name);
        Assert.True(File.Exists(path), $"{name} is not in {TestPaths.Corpus} (see its SOURCES.md)");
        return path;
    }

    /// <summary>A program on PATH, or null.</summary>
    public static string? FindProgram(params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static string Missing(string what, string install)
    {
        var reason = $"needs {what}, which is missing here: {install}.";
        if (Required) Assert.Fail(reason + " Under CI every test runs, so .ci/run must provide it.");
        Assert.Skip(reason);
        return null!;
    }
}
