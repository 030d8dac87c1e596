namespace Extractor.Pdf;

/// <summary>
/// A painted (or clipping) path as the ruling extractor sees it, already in page space.
/// Built from PdfPig's <c>PdfPath</c> by <see cref="PdfPageReader"/>, or by hand in tests.
/// </summary>
public sealed record PathShape(
    IReadOnlyList<PathFigure> Figures,
    bool IsStroked,
    bool IsFilled,
    bool IsClipping = false,
    bool IsVisible = true);

/// <summary>
/// One subpath: its straight pieces as a polyline. <paramref name="Closed"/> means the figure ends
/// with a close command, which draws the edge back to the first point (a rectangle's fourth side).
/// </summary>
public sealed record PathFigure(IReadOnlyList<(double X, double Y)> Points, bool Closed)
{
    public static PathFigure Rectangle(double left, double top, double right, double bottom) =>
        new([(left, top), (right, top), (right, bottom), (left, bottom)], Closed: true);

    public static PathFigure Line(double x1, double y1, double x2, double y2) =>
        new([(x1, y1), (x2, y2)], Closed: false);
}
