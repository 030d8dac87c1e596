using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Pdf;

/// <summary>
/// Opens a PDF and reads every page into a <see cref="PageModel"/>. Bad input becomes an
/// <see cref="ExtractionException"/> with a stable code: not_pdf, encrypted, corrupt, no_text_layer,
/// too_large. What a hostile file can make PdfPig hold is bounded: every stream's decoded size
/// (<see cref="CappedFilterProvider"/>) and each page's glyphs and paths (<see cref="MaxGlyphsPerPage"/>,
/// <see cref="MaxPathsPerPage"/>); nesting deeper than PdfPig's guard (256 levels) is corrupt.
/// </summary>
public sealed class PdfDocumentReader
{
    /// <summary>Glyphs on one page beyond which the page is refused: a dense A4 table page has about 5,000.</summary>
    public const int MaxGlyphsPerPage = 500_000;

    /// <summary>Paths on one page beyond which the page is refused: a ruled table page has a few thousand.</summary>
    public const int MaxPathsPerPage = 500_000;

    public static PdfDocumentReader Instance { get; } = new(RulingExtractor.Instance);

    private readonly RulingExtractor _rulingExtractor;

    public PdfDocumentReader(RulingExtractor rulingExtractor) => _rulingExtractor = rulingExtractor;

    public IReadOnlyList<PageModel> Read(byte[] bytes, CancellationToken cancellationToken = default) => Read(bytes, null, cancellationToken);

    /// <summary>
    /// Reads the pages <paramref name="share"/> hands out (null: every page, in order). A share is one worker's part of
    /// a document read by several (<see cref="ParallelPageReader"/>): its pages are not checked for a text layer, the
    /// caller checks the whole document.
    /// </summary>
    internal IReadOnlyList<PageModel> Read(byte[] bytes, ParallelPageReader.PageShare? share, CancellationToken cancellationToken)
    {
        if (!LooksLikePdf(bytes))
        {
            throw new ExtractionException(ErrorCodes.NotPdf,
                bytes.Length == 0
                    ? "The file is empty (0 bytes); download it again."
                    : "The file is not a PDF (it does not start with %PDF-); check that the link or file is the disclosure itself and not a web page.");
        }

        var filters = new CappedFilterProvider();
        PdfDocument document;
        try
        {
            document = ParseClock.Time(() => PdfDocument.Open(bytes, Options(filters)));
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionException(ErrorCodes.Encrypted,
                "The PDF is password-protected; ask the publisher for an unprotected copy or remove the password first.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            ThrowIfTooLarge(filters, e);
            throw new ExtractionException(ErrorCodes.Corrupt,
                $"The PDF could not be parsed ({Short(e)}); it is probably truncated or damaged, so download it again.", e);
        }

        using (document)
        {
            ThrowIfTooLarge(filters);
            if (document.IsEncrypted && document.NumberOfPages == 0)
            {
                throw new ExtractionException(ErrorCodes.Encrypted,
                    "The PDF is password-protected; ask the publisher for an unprotected copy or remove the password first.");
            }
            if (document.NumberOfPages == 0)
            {
                throw new ExtractionException(ErrorCodes.Corrupt,
                    "The PDF's page tree could not be walked: no page was found (it is damaged, or loops back on itself); download it again, or report the file if it opens in a PDF viewer.");
            }
            var pages = new List<PageModel>(document.NumberOfPages);
            var drawn = false;
            for (var number = share?.Next(document.NumberOfPages) ?? 1; number <= document.NumberOfPages; number = share?.Next(document.NumberOfPages) ?? number + 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var page = ParseClock.Time(() => document.GetPage(number));
                    ThrowIfTooLarge(filters);
                    if (page.Letters.Count > MaxGlyphsPerPage || page.Paths.Count > MaxPathsPerPage)
                    {
                        throw new ExtractionException(ErrorCodes.TooLarge,
                            $"Page {number} draws {page.Letters.Count:N0} glyphs and {page.Paths.Count:N0} paths, more than the {MaxPathsPerPage:N0} a page may have; it is not a disclosure's table page (a map or a generated file), so convert the pages you need apart or report the file.");
                    }
                    drawn |= page.Operations.Count > 0;
                    pages.Add(PdfPageReader.Read(page, _rulingExtractor));
                }
                catch (Exception e) when (e is not OperationCanceledException and not ExtractionException and not OutOfMemoryException)
                {
                    ThrowIfTooLarge(filters, e);
                    throw new ExtractionException(ErrorCodes.Corrupt,
                        $"Page {number} of the PDF could not be read ({Short(e)}); the file is probably damaged, so download it again.", e);
                }
            }
            if (share is null && pages.All(p => p.Glyphs.Count == 0))
            {
                // "No text layer" sends the user to OCR: say it only when the pages were read and draw something else.
                if (!drawn)
                {
                    throw new ExtractionException(ErrorCodes.Corrupt,
                        $"None of the PDF's {pages.Count} page(s) has content that could be read (their dictionaries or content streams are damaged, or nested too deeply); download it again, or report the file if it shows text in a PDF viewer.");
                }
                throw new ExtractionException(ErrorCodes.NoTextLayer,
                    "The PDF has no text layer (its pages are images, e.g. a scan); run OCR on it first, then convert the OCR'd PDF.");
            }
            return pages;
        }
    }

    /// <summary>How every PDF is opened (the benchmark's floor opens them the same way).</summary>
    internal static ParsingOptions Options(CappedFilterProvider? filters = null) =>
        new() { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = filters ?? new CappedFilterProvider() };

    private static void ThrowIfTooLarge(CappedFilterProvider filters, Exception? inner = null)
    {
        if (filters.Exceeded is { } what)
        {
            throw new ExtractionException(ErrorCodes.TooLarge,
                $"The PDF is a decompression bomb or badly damaged: {what}, which no disclosure needs; it was not read further. Check the file's source, or report it.", inner);
        }
    }

    internal static bool LooksLikePdf(byte[] bytes)
    {
        // The header may follow a few junk bytes; readers accept it within the first kilobyte.
        var limit = Math.Min(bytes.Length, 1024) - 5;
        for (var i = 0; i <= limit; i++)
        {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F' && bytes[i + 4] == '-') return true;
        }
        return false;
    }

    private static string Short(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return message.Length > 120 ? message[..120] + "…" : message;
    }
}
