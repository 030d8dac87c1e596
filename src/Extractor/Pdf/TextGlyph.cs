namespace Extractor.Pdf;

/// <summary>
/// One glyph as read from the page, its text already normalised (see <see cref="TextNormalizer"/>).
/// <paramref name="Baseline"/> is the y of the glyph's baseline in page space.
/// </summary>
public readonly record struct TextGlyph(string Text, Box Box, double Baseline, double FontSize)
{
    public double CenterX => Box.CenterX;
    public double CenterY => Box.CenterY;
}
