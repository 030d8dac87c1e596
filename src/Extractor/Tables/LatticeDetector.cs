using Extractor.Pdf;

namespace Extractor.Tables;

public sealed record LatticeOptions
{
    /// <summary>How far apart a horizontal and a vertical line may end and still meet.</summary>
    public double IntersectionTolerance { get; init; } = 2.5;
    /// <summary>Row and column boundaries closer than this are one boundary.</summary>
    public double AnchorTolerance { get; init; } = 2.0;
    /// <summary>Lines shorter than this take no part in a grid.</summary>
    public double MinimumRulingLength { get; init; } = 3.0;
    /// <summary>Share of a cell side that must be drawn for the side to separate two cells.</summary>
    public double EdgeCoverage { get; init; } = 0.5;
}

/// <summary>
/// Finds ruled tables: rulings that cross each other form a cluster; the cluster's line positions
/// give a full rows × columns grid; a grid side that is not drawn joins the two cells it would
/// separate, which is how merged (spanning) cells are found; glyphs go to the cell that holds
/// their centre.
/// </summary>
public sealed class LatticeDetector
{
    public static LatticeDetector Instance { get; } = new(new LatticeOptions());

    private readonly LatticeOptions _options;

    public LatticeDetector(LatticeOptions options) => _options = options;

    public IReadOnlyList<CellGrid> Detect(PageModel page)
    {
        var lines = page.Rulings.Where(r => r.Length >= _options.MinimumRulingLength).ToList();
        var grids = new List<CellGrid>();
        foreach (var cluster in Clusters(lines))
        {
            var grid = BuildGrid(page, cluster);
            if (grid is not null) grids.Add(grid);
        }
        return grids.OrderBy(g => g.Bounds.Top).ThenBy(g => g.Bounds.Left).ToList();
    }

    private IEnumerable<List<RulingLine>> Clusters(List<RulingLine> lines)
    {
        var horizontals = lines.Where(l => l.IsHorizontal).OrderBy(l => l.Position).ToList();
        var verticals = lines.Where(l => !l.IsHorizontal).OrderBy(l => l.Position).ToList();
        var all = horizontals.Concat(verticals).ToList();
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Find(int i) { while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
        var tol = _options.IntersectionTolerance;
        for (var h = 0; h < horizontals.Count; h++)
        {
            var hl = horizontals[h];
            // Verticals are sorted by x: only those within the horizontal's span can cross it.
            var first = LowerBound(verticals, hl.Start - tol);
            for (var v = first; v < verticals.Count && verticals[v].Position <= hl.End + tol; v++)
            {
                var vl = verticals[v];
                if (hl.Position >= vl.Start - tol && hl.Position <= vl.End + tol)
                {
                    var a = Find(h);
                    var b = Find(horizontals.Count + v);
                    if (a != b) parent[a] = b;
                }
            }
        }
        return all.Select((line, i) => (line, root: Find(i)))
            .GroupBy(x => x.root)
            .Select(g => g.Select(x => x.line).ToList())
            .Where(g => g.Count(l => l.IsHorizontal) >= 2 && g.Count(l => !l.IsHorizontal) >= 2);
    }

    private static int LowerBound(List<RulingLine> sorted, double position)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].Position < position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private CellGrid? BuildGrid(PageModel page, List<RulingLine> cluster)
    {
        var horizontals = cluster.Where(l => l.IsHorizontal).ToList();
        var verticals = cluster.Where(l => !l.IsHorizontal).ToList();
        var xs = Anchors(verticals.Select(v => v.Position), horizontals.Select(h => h.Start), horizontals.Select(h => h.End));
        var ys = Anchors(horizontals.Select(h => h.Position), verticals.Select(v => v.Start), verticals.Select(v => v.End));
        var rows = ys.Count - 1;
        var columns = xs.Count - 1;
        if (rows < 2 || columns < 2) return null;

        var tol = _options.AnchorTolerance;
        bool VerticalDrawn(int row, int boundary) =>
            boundary == 0 || boundary == columns ||
            Drawn(verticals, xs[boundary], ys[row], ys[row + 1], tol);
        bool HorizontalDrawn(int boundary, int column) =>
            boundary == 0 || boundary == rows ||
            Drawn(horizontals, ys[boundary], xs[column], xs[column + 1], tol);

        // Union grid positions not separated by a drawn side.
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int Find(int i) { while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[a] = b; }
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            if (c + 1 < columns && !VerticalDrawn(r, c + 1)) Union(r * columns + c, r * columns + c + 1);
            if (r + 1 < rows && !HorizontalDrawn(r + 1, c)) Union(r * columns + c, (r + 1) * columns + c);
        }
        MakeRectangular(parent, rows, columns, Find, Union);

        var spans = new Dictionary<int, (int R0, int C0, int R1, int C1)>();
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            var root = Find(r * columns + c);
            spans[root] = spans.TryGetValue(root, out var s)
                ? (Math.Min(s.R0, r), Math.Min(s.C0, c), Math.Max(s.R1, r), Math.Max(s.C1, c))
                : (r, c, r, c);
        }

        // Which cell each glyph falls in first, then each cell's glyphs in a list of its final size: glyphs are values,
        // and lists grown by doubling would copy every one of them several times.
        var bounds = new Box(xs[0], ys[0], xs[^1], ys[^1]);
        var pageGlyphs = page.Glyphs;
        var rootOf = new int[pageGlyphs.Count];
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < pageGlyphs.Count; i++)
        {
            var glyph = pageGlyphs[i];
            rootOf[i] = -1;
            if (!bounds.Contains(glyph.CenterX, glyph.CenterY)) continue;
            var r = Locate(ys, glyph.CenterY);
            var c = Locate(xs, glyph.CenterX);
            var root = Find(r * columns + c);
            rootOf[i] = root;
        }
        ReassignOverflowingLines(pageGlyphs, rootOf, xs, ys, columns, Find, HorizontalDrawn);
        ReassignCrossingWords(pageGlyphs, rootOf, xs, ys, columns, Find, VerticalDrawn);
        for (var i = 0; i < pageGlyphs.Count; i++)
        {
            if (rootOf[i] >= 0) counts[rootOf[i]] = counts.GetValueOrDefault(rootOf[i]) + 1;
        }
        var glyphsByRoot = new Dictionary<int, List<TextGlyph>>(counts.Count);
        for (var i = 0; i < pageGlyphs.Count; i++)
        {
            var root = rootOf[i];
            if (root < 0) continue;
            if (!glyphsByRoot.TryGetValue(root, out var list)) glyphsByRoot[root] = list = new List<TextGlyph>(counts[root]);
            list.Add(pageGlyphs[i]);
        }

        // Glyphs whose em box crosses the side of their cell by more than a third of their width.
        var crossing = 0;
        var counted = 0;
        foreach (var (root, glyphs) in glyphsByRoot)
        {
            var s = spans[root];
            foreach (var g in glyphs)
            {
                counted++;
                var overhang = Math.Max(0, xs[s.C0] - g.Box.Left) + Math.Max(0, g.Box.Right - xs[s.C1 + 1]);
                if (overhang > g.Box.Width / 3) crossing++;
            }
        }

        var cells = new List<GridCell>(spans.Count);
        foreach (var (root, s) in spans.OrderBy(kv => kv.Value.R0).ThenBy(kv => kv.Value.C0))
        {
            var text = glyphsByRoot.TryGetValue(root, out var glyphs) ? TextLineBuilder.JoinCellTextInPlace(glyphs) : string.Empty;
            var box = new Box(xs[s.C0], ys[s.R0], xs[s.C1 + 1], ys[s.R1 + 1]);
            cells.Add(new GridCell(s.R0, s.C0, s.R1 - s.R0 + 1, s.C1 - s.C0 + 1, box, text));
        }

        var filled = cells.Count(c => !c.IsEmpty);
        if (filled < 2 || filled < 0.05 * cells.Count) return null;
        return new CellGrid(page.Number, "lattice", ys, xs, cells) { Confidence = counted == 0 ? 1.0 : 1.0 - (double)crossing / counted };
    }

    /// <summary>
    /// A header label drawn across row rules belongs to the cell it is centred in as a whole, not line by line. Calc
    /// centres a wrapped label in a row of fixed height too short for it, so its lines (经济分类 / 科目编码, 政府性基金 /
    /// 预算财政拨 / 款) run over the rules above and below — one line may even land wholly in the next row, where it
    /// would be glued to the first body row's code or to the 栏次 number. The lines of one label stand right against
    /// each other, centred (or started) at the same x; a line that crosses a drawn rule, or that overlaps another
    /// line of its cell on another baseline (two lines cannot overlap in one cell), has overflowed. Such a line and the
    /// lines of its label form a block that goes to the cell holding the block's middle. Only the header and the first
    /// body row are looked at: below them every line is a row of its own.
    /// </summary>
    private static void ReassignOverflowingLines(IReadOnlyList<TextGlyph> glyphs, int[] rootOf, List<double> xs, List<double> ys, int columns,
        Func<int, int> find, Func<int, int, bool> horizontalDrawn)
    {
        var rows = ys.Count - 1;
        var lines = new Dictionary<(int Root, long Baseline), List<(int Index, bool Crosses, int Row)>>();
        for (var i = 0; i < glyphs.Count; i++)
        {
            if (rootOf[i] < 0) continue;
            var g = glyphs[i];
            var h = g.Box.Height;
            // Upright glyphs only: their em box ends 0.2 em below the baseline.
            if (h <= 0 || Math.Abs(g.Box.Bottom - 0.2 * g.FontSize - g.Baseline) > 0.1 * Math.Max(g.FontSize, 1)) continue;
            var r = Locate(ys, g.CenterY);
            var c = Locate(xs, g.CenterX);
            var crosses = (r > 0 && g.Box.Top < ys[r] - 0.2 * h && horizontalDrawn(r, c))
                          || (r + 1 < rows && g.Box.Bottom > ys[r + 1] + 0.2 * h && horizontalDrawn(r + 1, c));
            var key = (rootOf[i], (long)Math.Round(g.Baseline / Math.Max(0.3 * h, 0.5)));
            if (!lines.TryGetValue(key, out var line)) lines[key] = line = [];
            line.Add((i, crosses, r));
        }
        // A fragment is a run of one line of one cell: labels side by side in a merged cell are fragments of their own.
        var list = new List<Fragment>();
        foreach (var ((root, _), line) in lines)
        {
            Fragment? current = null;
            foreach (var (i, crosses, r) in line.OrderBy(x => glyphs[x.Index].Box.Left))
            {
                var g = glyphs[i];
                if (current is null || g.Box.Left - current.Box.Right > 0.4 * g.Box.Height)
                {
                    current = new Fragment(root, r, g.Baseline);
                    list.Add(current);
                }
                current.Add(i, g, crosses);
            }
        }
        if (list.Count < 2) return;
        list = list.OrderBy(f => f.Box.Top).ToList();

        // The header zone: down to the first row that prints a figure.
        var firstData = list.Where(f => f.IsFigure).Select(f => f.Row).DefaultIfEmpty(rows - 1).Min();
        var zone = list.Where(f => f.Row <= firstData).ToList();

        // Lines overlapping on different baselines in one cell.
        for (var a = 0; a < zone.Count; a++)
        for (var b = a + 1; b < zone.Count; b++)
        {
            var fa = zone[a];
            var fb = zone[b];
            if (fa.Root != fb.Root) continue;
            var h = Math.Min(fa.Box.Height, fb.Box.Height);
            var xOverlap = Math.Min(fa.Box.Right, fb.Box.Right) - Math.Max(fa.Box.Left, fb.Box.Left);
            var yOverlap = Math.Min(fa.Box.Bottom, fb.Box.Bottom) - Math.Max(fa.Box.Top, fb.Box.Top);
            if (xOverlap > 0 && yOverlap > 0.2 * h && Math.Abs(fa.Baseline - fb.Baseline) > 0.3 * h) fa.Collides = fb.Collides = true;
        }
        if (!zone.Any(f => f.Crosses || f.Collides)) return;

        // The lines of one label: stacked close, centred or started at the same x, neither of them a figure or a number.
        var parent = Enumerable.Range(0, zone.Count).ToArray();
        int Find(int i) { while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
        for (var a = 0; a < zone.Count; a++)
        for (var b = a + 1; b < zone.Count; b++)
        {
            var fa = zone[a];
            var fb = zone[b];
            if (fa.IsNumber || fb.IsNumber) continue;
            var h = Math.Min(fa.Box.Height, fb.Box.Height);
            if (Math.Abs(fa.Baseline - fb.Baseline) < 0.6 * h) continue;
            var gap = fa.Box.Top < fb.Box.Top ? fb.Box.Top - fa.Box.Bottom : fa.Box.Top - fb.Box.Bottom;
            if (gap < -0.15 * h || gap > 0.6 * h) continue;
            var centred = Math.Abs(fa.Box.CenterX - fb.Box.CenterX) < 0.5 * h;
            var started = Math.Abs(fa.Box.Left - fb.Box.Left) < 0.5 * h;
            if (!centred && !started) continue;
            parent[Find(a)] = Find(b);
        }
        foreach (var block in Enumerable.Range(0, zone.Count).GroupBy(Find).Select(g => g.Select(i => zone[i]).ToList()))
        {
            if (block.Count < 2 || !block.Any(f => f.Crosses || f.Collides)) continue;
            var box = block.Select(f => f.Box).Aggregate((a, b) => a.Union(b));
            var target = find(Locate(ys, box.CenterY) * columns + Locate(xs, box.CenterX));
            foreach (var fragment in block)
            foreach (var i in fragment.Glyphs) rootOf[i] = target;
        }
    }

    /// <summary>The glyphs of one cell on one baseline, with whether they cross a drawn row rule or collide with another line.</summary>
    private sealed class Fragment(int root, int row, double baseline)
    {
        public int Root { get; } = root;
        public int Row { get; } = row;
        public double Baseline { get; } = baseline;
        public List<int> Glyphs { get; } = [];
        public Box Box { get; private set; }
        public bool Crosses { get; private set; }
        public bool Collides { get; set; }
        private readonly System.Text.StringBuilder _text = new();

        /// <summary>Digits only (a code, a 行次 or 栏次 number): never a line of a label.</summary>
        public bool IsNumber => _text.Length > 0 && _text.ToString().All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',' or '-');

        /// <summary>An amount as tables print them (with decimals or thousands separators): the body has begun.</summary>
        public bool IsFigure => IsNumber && _text.ToString().Any(ch => ch is '.' or ',') && _text.ToString().Any(char.IsAsciiDigit);

        public void Add(int index, TextGlyph glyph, bool crosses)
        {
            Box = Glyphs.Count == 0 ? glyph.Box : Box.Union(glyph.Box);
            Glyphs.Add(index);
            _text.Append(glyph.Text);
            Crosses |= crosses;
        }
    }

    /// <summary>
    /// A word drawn across a column rule stays whole: Calc clips a code too wide for its column where the rule is, and
    /// the digit cut by the rule (208050|0行政单位离退休) would otherwise join the name in the next cell. A word here is a
    /// run of glyphs of one script (digits or not) on one baseline with no real gap; when one of its glyphs straddles a
    /// drawn column rule, the whole word goes to the cell holding most of it.
    /// </summary>
    private static void ReassignCrossingWords(IReadOnlyList<TextGlyph> glyphs, int[] rootOf, List<double> xs, List<double> ys, int columns,
        Func<int, int> find, Func<int, int, bool> verticalDrawn)
    {
        List<int>? straddling = null;
        for (var i = 0; i < glyphs.Count; i++)
        {
            if (rootOf[i] < 0) continue;
            var g = glyphs[i];
            var w = g.Box.Width;
            if (w <= 0) continue;
            var r = Locate(ys, g.CenterY);
            for (var b = 1; b < xs.Count - 1; b++)
            {
                if (g.Box.Left < xs[b] - 0.2 * w && g.Box.Right > xs[b] + 0.2 * w && verticalDrawn(r, b)) (straddling ??= []).Add(i);
            }
        }
        if (straddling is null) return;

        // Neighbours on the same baseline, left to right, for the words around each straddling glyph.
        var inGrid = Enumerable.Range(0, glyphs.Count).Where(i => rootOf[i] >= 0).ToList();
        foreach (var start in straddling)
        {
            var g = glyphs[start];
            var digits = IsDigitLike(g.Text);
            var line = inGrid.Where(i => Math.Abs(glyphs[i].Baseline - g.Baseline) < 0.2 * g.Box.Height && IsDigitLike(glyphs[i].Text) == digits)
                .OrderBy(i => glyphs[i].Box.Left).ToList();
            var at = line.IndexOf(start);
            if (at < 0) continue;
            int from = at, to = at;
            while (from > 0 && glyphs[line[from]].Box.Left - glyphs[line[from - 1]].Box.Right < 0.25 * g.FontSize) from--;
            while (to < line.Count - 1 && glyphs[line[to + 1]].Box.Left - glyphs[line[to]].Box.Right < 0.25 * g.FontSize) to++;
            var word = line.GetRange(from, to - from + 1);
            if (word.Count < 2) continue;
            var cells = word.Select(i => find(Locate(ys, glyphs[i].CenterY) * columns + Locate(xs, glyphs[i].CenterX))).ToList();
            var target = cells.GroupBy(c => c).OrderByDescending(c => c.Count()).ThenBy(c => cells.IndexOf(c.Key)).First().Key;
            foreach (var i in word) rootOf[i] = target;
        }
    }

    private static bool IsDigitLike(string text) => text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '.' or ',');

    /// <summary>
    /// Joins any group whose bounding rectangle overlaps another group, so every cell is a
    /// rectangle even where a side is missing only part of the way.
    /// </summary>
    private static void MakeRectangular(int[] parent, int rows, int columns, Func<int, int> find, Action<int, int> union)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            var boxes = new Dictionary<int, (int R0, int C0, int R1, int C1)>();
            for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var root = find(r * columns + c);
                boxes[root] = boxes.TryGetValue(root, out var s)
                    ? (Math.Min(s.R0, r), Math.Min(s.C0, c), Math.Max(s.R1, r), Math.Max(s.C1, c))
                    : (r, c, r, c);
            }
            foreach (var (root, s) in boxes)
            {
                for (var r = s.R0; r <= s.R1; r++)
                for (var c = s.C0; c <= s.C1; c++)
                {
                    if (find(r * columns + c) != find(root))
                    {
                        union(root, r * columns + c);
                        changed = true;
                    }
                }
            }
        }
    }

    /// <summary>Whether lines at <paramref name="position"/> draw at least the required share of [from, to].</summary>
    private bool Drawn(List<RulingLine> lines, double position, double from, double to, double tolerance)
    {
        var covered = 0.0;
        foreach (var line in lines)
        {
            if (Math.Abs(line.Position - position) > tolerance) continue;
            var overlap = Math.Min(line.End, to) - Math.Max(line.Start, from);
            if (overlap > 0) covered += overlap;
        }
        return covered >= _options.EdgeCoverage * (to - from);
    }

    /// <summary>
    /// Boundary positions: the lines' own positions, plus the outer ends of the crossing lines
    /// where at least two of them reach beyond the outermost line (a table open on that side).
    /// </summary>
    private List<double> Anchors(IEnumerable<double> positions, IEnumerable<double> starts, IEnumerable<double> ends)
    {
        var values = positions.ToList();
        var tol = _options.AnchorTolerance;
        var min = values.Min();
        var max = values.Max();
        var lowEnds = starts.Where(s => s < min - 3 * tol).ToList();
        if (lowEnds.Count >= 2) values.Add(lowEnds.Min());
        var highEnds = ends.Where(e => e > max + 3 * tol).ToList();
        if (highEnds.Count >= 2) values.Add(highEnds.Max());

        values.Sort();
        var anchors = new List<double>();
        var group = new List<double>();
        foreach (var v in values)
        {
            if (group.Count > 0 && v - group[^1] > tol)
            {
                anchors.Add(group.Average());
                group.Clear();
            }
            group.Add(v);
        }
        if (group.Count > 0) anchors.Add(group.Average());
        return anchors;
    }

    /// <summary>
    /// The row (or column) holding <paramref name="value"/>: the first inner edge above it, less one;
    /// the last row past the last inner edge. Edges ascend, so a binary search finds it.
    /// </summary>
    private static int Locate(List<double> edges, double value)
    {
        int lo = 1, hi = edges.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value < edges[mid]) hi = mid; else lo = mid + 1;
        }
        return lo - 1;
    }
}
