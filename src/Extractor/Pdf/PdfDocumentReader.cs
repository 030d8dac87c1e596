using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Pdf;

/// <summary>
/// Opens a PDF and reads every page into a <see cref="PageModel"/>. Bad input becomes an
/// <see cref="ExtractionException"/> with a stable code: not_pdf, encrypted, corrupt, no_text_layer.
/// </summary>
public sealed class PdfDocumentReader
{
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

        PdfDocument document;
        try
        {
            document = ParseClock.Time(() => PdfDocument.Open(bytes, Options()));
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionException(ErrorCodes.Encrypted,
                "The PDF is password-protected; ask the publisher for an unprotected copy or remove the password first.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ExtractionException(ErrorCodes.Corrupt,
                $"The PDF could not be parsed ({Short(e)}); it is probably truncated or damaged, so download it again.", e);
        }

        using (document)
        {
            if (document.IsEncrypted && document.NumberOfPages == 0)
            {
                throw new ExtractionException(ErrorCodes.Encrypted,
                    "The PDF is password-protected; ask the publisher for an unprotected copy or remove the password first.");
            }
            var pages = new List<PageModel>(document.NumberOfPages);
            for (var number = share?.Next(document.NumberOfPages) ?? 1; number <= document.NumberOfPages; number = share?.Next(document.NumberOfPages) ?? number + 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var page = ParseClock.Time(() => document.GetPage(number));
                    pages.Add(PdfPageReader.Read(page, _rulingExtractor));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new ExtractionException(ErrorCodes.Corrupt,
                        $"Page {number} of the PDF could not be read ({Short(e)}); the file is probably damaged, so download it again.", e);
                }
            }
            if (share is null && pages.Count > 0 && pages.All(p => p.Glyphs.Count == 0))
            {
                throw new ExtractionException(ErrorCodes.NoTextLayer,
                    "The PDF has no text layer (its pages are images, e.g. a scan); run OCR on it first, then convert the OCR'd PDF.");
            }
            return pages;
        }
    }

    /// <summary>How every PDF is opened (the benchmark's floor opens them the same way).</summary>
    internal static ParsingOptions Options() => new() { UseLenientParsing = true, SkipMissingFonts = true };

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
