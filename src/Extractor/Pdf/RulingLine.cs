namespace Extractor.Pdf;

public enum RulingOrientation { Horizontal, Vertical }

/// <summary>
/// A horizontal or vertical line drawn on the page. <see cref="Position"/> is its constant
/// coordinate (y for a horizontal line, x for a vertical one); <see cref="Start"/> &lt; <see cref="End"/>
/// span the other coordinate.
/// </summary>
public sealed record RulingLine(RulingOrientation Orientation, double Position, double Start, double End)
{
    public bool IsHorizontal => Orientation == RulingOrientation.Horizontal;
    public double Length => End - Start;

    public static RulingLine Horizontal(double y, double x1, double x2) =>
        new(RulingOrientation.Horizontal, y, Math.Min(x1, x2), Math.Max(x1, x2));

    public static RulingLine Vertical(double x, double y1, double y2) =>
        new(RulingOrientation.Vertical, x, Math.Min(y1, y2), Math.Max(y1, y2));

    /// <summary>True when the span covers [from, to] allowing <paramref name="tolerance"/> at both ends.</summary>
    public bool Covers(double from, double to, double tolerance) =>
        Start <= from + tolerance && End >= to - tolerance;

    public override string ToString() => FormattableString.Invariant(
        $"{(IsHorizontal ? "H" : "V")}@{Position:0.##} [{Start:0.##}..{End:0.##}]");
}
