namespace Extractor.Pdf;

public sealed record RulingExtractorOptions
{
    /// <summary>A segment whose ends differ by at most this much across its direction counts as axis-aligned.</summary>
    public double AxisTolerance { get; init; } = 0.6;
    /// <summary>Filled rectangles no thicker than this are lines (producers draw borders that way).</summary>
    public double ThinRectangleMaximum { get; init; } = 2.0;
    /// <summary>Pieces shorter than this are corner marks or dots, not rulings.</summary>
    public double MinimumLength { get; init; } = 2.0;
    /// <summary>Parallel lines closer than this are one line (double strokes, both sides of a thin rectangle).</summary>
    public double SnapTolerance { get; init; } = 1.5;
    /// <summary>Collinear pieces separated by a gap up to this are joined (dashes, split segments).</summary>
    public double JoinTolerance { get; init; } = 3.0;
}

/// <summary>
/// Turns painted paths into ruling lines: stroked segments and rectangle sides (including the side
/// drawn by a close command), thin filled rectangles as their centre line; clipping paths,
/// invisible paints, curves, oblique segments and tiny marks are ignored; near-axis segments
/// are snapped and collinear pieces merged.
/// </summary>
public sealed class RulingExtractor
{
    public static RulingExtractor Instance { get; } = new(new RulingExtractorOptions());

    private readonly RulingExtractorOptions _options;

    public RulingExtractor(RulingExtractorOptions options) => _options = options;

    public IReadOnlyList<RulingLine> Extract(IEnumerable<PathShape> shapes)
    {
        var raw = new List<RulingLine>();
        foreach (var shape in shapes)
        {
            if (Ignores(shape)) continue;
            foreach (var figure in shape.Figures)
            {
                if (shape.IsStroked)
                {
                    AddStrokedFigure(figure, raw);
                }
                else
                {
                    AddFilledFigure(figure, raw);
                }
            }
        }
        return Merge(raw);
    }

    /// <summary>Whether a shape draws no ruling whatever its figures: a clipping path, invisible paint, or neither stroked nor filled.</summary>
    public static bool Ignores(PathShape shape) => shape.IsClipping || !shape.IsVisible || !(shape.IsStroked || shape.IsFilled);

    private void AddStrokedFigure(PathFigure figure, List<RulingLine> output)
    {
        var points = figure.Points;
        for (var i = 1; i < points.Count; i++)
        {
            AddSegment(points[i - 1], points[i], output);
        }
        if (figure.Closed && points.Count > 2)
        {
            AddSegment(points[^1], points[0], output);
        }
    }

    private void AddFilledFigure(PathFigure figure, List<RulingLine> output)
    {
        var points = figure.Points;
        if (points.Count < 2) return;
        double left = points[0].X, right = left, top = points[0].Y, bottom = top;
        for (var i = 1; i < points.Count; i++)
        {
            var (x, y) = points[i];
            left = Math.Min(left, x);
            right = Math.Max(right, x);
            top = Math.Min(top, y);
            bottom = Math.Max(bottom, y);
        }
        var width = right - left;
        var height = bottom - top;
        var thin = _options.ThinRectangleMaximum;
        if (height <= thin && width > height && width >= _options.MinimumLength)
        {
            output.Add(RulingLine.Horizontal((top + bottom) / 2, left, right));
        }
        else if (width <= thin && height > width && height >= _options.MinimumLength)
        {
            output.Add(RulingLine.Vertical((left + right) / 2, top, bottom));
        }
        // Larger fills are shading, not lines; tiny ones are corner marks.
    }

    private void AddSegment((double X, double Y) a, (double X, double Y) b, List<RulingLine> output)
    {
        var dx = Math.Abs(b.X - a.X);
        var dy = Math.Abs(b.Y - a.Y);
        if (dy <= _options.AxisTolerance && dx >= _options.MinimumLength)
        {
            output.Add(RulingLine.Horizontal((a.Y + b.Y) / 2, a.X, b.X));
        }
        else if (dx <= _options.AxisTolerance && dy >= _options.MinimumLength)
        {
            output.Add(RulingLine.Vertical((a.X + b.X) / 2, a.Y, b.Y));
        }
    }

    /// <summary>
    /// Snaps parallel lines that lie close together and joins collinear pieces: a line merges into
    /// an earlier one only when both its position is within the snap tolerance and its span
    /// overlaps or nearly touches, so unrelated lines elsewhere on the axis never chain two apart.
    /// </summary>
    public IReadOnlyList<RulingLine> Merge(IEnumerable<RulingLine> lines)
    {
        // By orientation, in the order each first appears.
        var groups = new List<(RulingOrientation Orientation, List<RulingLine> Lines)>(2);
        foreach (var line in lines)
        {
            var index = 0;
            while (index < groups.Count && groups[index].Orientation != line.Orientation) index++;
            if (index == groups.Count) groups.Add((line.Orientation, []));
            groups[index].Lines.Add(line);
        }
        var result = new List<RulingLine>();
        foreach (var (orientation, group) in groups)
        {
            StableSort.Sort(group, static (a, b) =>
            {
                var byPosition = a.Position.CompareTo(b.Position);
                return byPosition != 0 ? byPosition : a.Start.CompareTo(b.Start);
            });
            var open = new List<MergedLine>();
            foreach (var line in group)
            {
                for (var i = open.Count - 1; i >= 0; i--)
                {
                    if (line.Position - open[i].Position <= _options.SnapTolerance) continue;
                    result.Add(open[i].ToLine(orientation));
                    open.RemoveAt(i);
                }
                MergedLine? target = null;
                foreach (var m in open)
                {
                    if (line.Start <= m.End + _options.JoinTolerance && m.Start <= line.End + _options.JoinTolerance)
                    {
                        target = m;
                        break;
                    }
                }
                if (target is null) open.Add(new MergedLine(line));
                else target.Add(line);
            }
            foreach (var m in open) result.Add(m.ToLine(orientation));
        }
        return JoinCollinearAll(result);
    }

    /// <summary>A second pass: pieces merged into separate lines at one position may now touch.</summary>
    private List<RulingLine> JoinCollinearAll(List<RulingLine> lines)
    {
        // Grouped by orientation and position to a tenth, groups in the order each first appears.
        var groups = new List<List<RulingLine>>();
        var byKey = new Dictionary<(RulingOrientation, double), List<RulingLine>>();
        foreach (var line in lines)
        {
            var key = (line.Orientation, Math.Round(line.Position, 1));
            if (!byKey.TryGetValue(key, out var group))
            {
                byKey[key] = group = [];
                groups.Add(group);
            }
            group.Add(line);
        }
        var joined = new List<RulingLine>(lines.Count);
        foreach (var group in groups) JoinCollinear(group, joined);
        return joined;
    }

    private sealed class MergedLine(RulingLine first)
    {
        private double _weighted = first.Position * Math.Max(first.Length, 0.1);
        private double _weight = Math.Max(first.Length, 0.1);
        public double Start { get; private set; } = first.Start;
        public double End { get; private set; } = first.End;
        public double Position => _weighted / _weight;

        public void Add(RulingLine line)
        {
            var w = Math.Max(line.Length, 0.1);
            _weighted += line.Position * w;
            _weight += w;
            Start = Math.Min(Start, line.Start);
            End = Math.Max(End, line.End);
        }

        public RulingLine ToLine(RulingOrientation orientation) => new(orientation, Position, Start, End);
    }

    /// <summary>
    /// Lines of one snap cluster: pieces that overlap or nearly touch are joined; each joined line
    /// sits at the length-weighted mean position of its pieces. Pieces far apart along the axis stay apart.
    /// </summary>
    private void JoinCollinear(List<RulingLine> cluster, List<RulingLine> output)
    {
        StableSort.Sort(cluster, static l => l.Start);
        var orientation = cluster[0].Orientation;
        double start = cluster[0].Start, end = cluster[0].End;
        double weighted = cluster[0].Position * Math.Max(cluster[0].Length, 0.1), weight = Math.Max(cluster[0].Length, 0.1);
        for (var i = 1; i < cluster.Count; i++)
        {
            var line = cluster[i];
            if (line.Start <= end + _options.JoinTolerance)
            {
                end = Math.Max(end, line.End);
                var w = Math.Max(line.Length, 0.1);
                weighted += line.Position * w;
                weight += w;
                continue;
            }
            output.Add(new RulingLine(orientation, weighted / weight, start, end));
            start = line.Start;
            end = line.End;
            weight = Math.Max(line.Length, 0.1);
            weighted = line.Position * weight;
        }
        output.Add(new RulingLine(orientation, weighted / weight, start, end));
    }
}
