using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace Extractor.Pdf;

/// <summary>What PdfPig alone read from one document: the benchmark's floor.</summary>
public readonly record struct FloorCounts(int Pages, long Letters, long PathCommands);

/// <summary>
/// The floor of the benchmark: PdfPig alone opening a PDF the way <see cref="PdfDocumentReader"/>
/// does and reading every page's letters and paths (each letter's text and baseline, each path's
/// commands), with nothing of this project's own work. What the pipeline costs beyond this is ours.
/// </summary>
public static class PdfFloorReader
{
    public static FloorCounts Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes, PdfDocumentReader.Options());
        long letters = 0, commands = 0;
        double sink = 0;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var page = document.GetPage(number);
            foreach (var letter in page.Letters)
            {
                letters++;
                sink += letter.Value.Length + letter.StartBaseLine.X + letter.EndBaseLine.Y + letter.PointSize;
            }
            foreach (var path in page.Paths)
            {
                foreach (var subpath in path)
                {
                    foreach (var command in subpath.Commands)
                    {
                        commands++;
                        if (command is PdfSubpath.Line line) sink += line.To.X;
                    }
                }
            }
        }
        // Keep the reads observable so that none is optimised away.
        if (double.IsNaN(sink)) letters = -letters;
        return new FloorCounts(document.NumberOfPages, letters, commands);
    }

    /// <summary>
    /// The document's page count when PdfPig can open it and some page has text, else 0 with the
    /// reason: the corpus of a benchmark is the documents the pipeline converts.
    /// </summary>
    public static int TextPages(byte[] bytes, out string reason)
    {
        reason = string.Empty;
        if (!PdfDocumentReader.LooksLikePdf(bytes))
        {
            reason = "not a PDF";
            return 0;
        }
        try
        {
            using var document = PdfDocument.Open(bytes, PdfDocumentReader.Options());
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (document.GetPage(number).Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value))) return document.NumberOfPages;
            }
            reason = "no text layer";
            return 0;
        }
        catch (Exception e)
        {
            reason = $"cannot be read ({e.GetType().Name})";
            return 0;
        }
    }
}
