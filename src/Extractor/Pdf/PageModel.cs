namespace Extractor.Pdf;

/// <summary>
/// Everything the later stages know of one page: its displayed size, its glyphs
/// (normalised, overprints removed) and its ruling lines. Nothing after this stage sees PdfPig.
/// </summary>
public sealed record PageModel(
    int Number,
    double Width,
    double Height,
    IReadOnlyList<TextGlyph> Glyphs,
    IReadOnlyList<RulingLine> Rulings)
{
    public bool IsLandscape => Width > Height;
}
