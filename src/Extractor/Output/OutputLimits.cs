namespace Extractor.Output;

/// <summary>
/// Bounds that keep a document's files in proportion to what a reader can use. A hostile PDF draws 5,000 pages from
/// one small content stream, and a broken one repeats the same warning on every page: written in full, report.html and
/// document.json ran to a hundred times the PDF. Data is never cut (every table row and amount is in document.json and
/// the CSV files); what is bounded is what is drawn or listed for people: pages drawn and rows shown in report.html,
/// warnings listed (with their count), long page lists (as ranges), and the indentation of a very large document.json.
/// Ordinary documents are far inside every bound, so their files are as before.
/// </summary>
public static class OutputLimits
{
    /// <summary>Pages report.html draws (tables' pages first, then the narrative's); the largest real documents draw about 60.</summary>
    public const int MaxPagesDrawn = 200;

    /// <summary>Rows report.html shows per table; the rest are in tables/*.csv and document.json.</summary>
    public const int MaxRowsShown = 2000;

    /// <summary>Warnings listed in document.json, report.md and report.html; the count of all is given beside them.</summary>
    public const int MaxWarningsListed = 500;

    /// <summary>Pages beyond which document.json is written without indentation (half the size: a 5,000-page file's is otherwise tens of megabytes).</summary>
    public const int CompactJsonPages = 500;

    /// <summary>The warnings to list: the first <see cref="MaxWarningsListed"/>.</summary>
    public static IEnumerable<string> ListedWarnings(IReadOnlyList<string> warnings) => warnings.Take(MaxWarningsListed);

    /// <summary>The sentence that follows a list of warnings cut short, or null when all are listed.</summary>
    public static string? WarningsLeftOut(IReadOnlyList<string> warnings) => warnings.Count <= MaxWarningsListed ? null
        : $"… and {warnings.Count - MaxWarningsListed:N0} more warnings ({warnings.Count:N0} in all); only the first {MaxWarningsListed} are listed.";

    /// <summary>
    /// Page numbers for people: as they are (<c>2, 3</c>) when there are up to 10, else runs of consecutive pages as
    /// ranges (<c>1–5000</c>).
    /// </summary>
    public static string Pages(IReadOnlyList<int> pages)
    {
        if (pages.Count <= 10) return string.Join(", ", pages);
        var parts = new List<string>();
        for (var i = 0; i < pages.Count;)
        {
            var j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1) j++;
            parts.Add(j > i ? $"{pages[i]}–{pages[j]}" : pages[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return string.Join(", ", parts);
    }
}
