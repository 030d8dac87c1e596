namespace Extractor.Pdf;

/// <summary>
/// An axis-aligned rectangle in page space: origin at the top-left corner of the
/// displayed page, x to the right, y downwards, in PDF points.
/// </summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;

    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;

    public Box Union(Box other) => new(
        Math.Min(Left, other.Left), Math.Min(Top, other.Top),
        Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    public override string ToString() => FormattableString.Invariant($"[{Left:0.#},{Top:0.#} - {Right:0.#},{Bottom:0.#}]");
}
