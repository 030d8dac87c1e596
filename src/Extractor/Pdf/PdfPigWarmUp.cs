using System.Runtime.CompilerServices;
using UglyToad.PdfPig.Fonts.SystemFonts;

namespace Extractor.Pdf;

/// <summary>
/// What PdfPig builds once per process before it reads a first page: the metrics of the 14 standard fonts, parsed from
/// its resources, and its table of substitutes for fonts a PDF does not embed (SystemFontFinder's static constructor,
/// about 0.13 s). Built on a thread of its own as the program starts, it is ready by the time the first document has
/// been read from disk and opened, instead of holding up its first page.
/// </summary>
public static class PdfPigWarmUp
{
    private static int _started;

    /// <summary>Starts the warm-up once per process; returns at once.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        new Thread(static () =>
        {
            try
            {
                RuntimeHelpers.RunClassConstructor(typeof(SystemFontFinder).TypeHandle);
            }
            catch (TypeInitializationException)
            {
                // The page that needs these fonts gets the same error and reports it with its document.
            }
        }) { IsBackground = true, Name = "PdfPig warm-up" }.Start();
    }
}
