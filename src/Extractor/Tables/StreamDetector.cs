using Extractor.Pdf;

namespace Extractor.Tables;

public sealed record StreamOptions
{
    /// <summary>A gap wider than this share of the font size ends a token.</summary>
    public double TokenGap { get; init; } = 0.5;
    /// <summary>Where digits meet CJK text or other digits, a gap wider than this share of the font size ends a token.</summary>
    public double ScriptChangeGap { get; init; } = 0.12;
    /// <summary>Alignment tolerance, as a share of the font size.</summary>
    public double AlignTolerance { get; init; } = 0.9;
    /// <summary>Whether the header's labels anchor the columns; without, the body's aligned runs alone give them.</summary>
    public bool ColumnsFromHeader { get; init; } = true;
    /// <summary>Whether a line holding only the continuation of a name joins the row it belongs to.</summary>
    public bool JoinWrappedLines { get; init; } = true;
}

/// <summary>
/// Rebuilds a table drawn without vertical rules (三线表, or no rules at all) from the alignment
/// of its text: the header's lowest labels and the body's aligned runs (amounts right-aligned,
/// names and codes left-aligned) give the columns; a header label spread over several columns
/// becomes a merged cell; each text line of the body is a row, and a line holding only the
/// continuation of a name joins the row it belongs to.
/// </summary>
public sealed class StreamDetector
{
    public static StreamDetector Instance { get; } = new(new StreamOptions());

    public StreamOptions Options => _options;

    private readonly StreamOptions _options;

    public StreamDetector(StreamOptions options) => _options = options;

    /// <summary>
    /// The table in <paramref name="area"/>, or null when its text does not form one. When the
    /// header is ruled but the body is not, <paramref name="columnEdges"/> gives the columns.
    /// </summary>
    public CellGrid? Detect(PageModel page, Box area, IReadOnlyList<double>? columnEdges = null)
    {
        var glyphs = page.Glyphs.Where(g => area.Contains(g.CenterX, g.CenterY)).ToList();
        if (glyphs.Count == 0) return null;
        var lines = TextLineBuilder.Build(glyphs);
        var tokenLines = lines.Select(Tokenize).Where(l => l.Count > 0).ToList();
        if (tokenLines.Count < 2) return null;

        var firstBody = tokenLines.FindIndex(l => l.Any(t => t.Kind == TokenKind.Amount));
        // The 栏次 row, when printed, closes the header.
        var columnNumbers = tokenLines.FindIndex(l => IsColumnNumberLine(l));
        if (firstBody < 0)
        {
            // A table printed without any amount (an empty 政府性基金 table) is still a table when
            // its header ends in a 栏次 row or its body opens with 合计.
            firstBody = columnNumbers >= 0 ? columnNumbers + 1
                : tokenLines.FindIndex(1, l => l[0].Text.Replace(" ", "") is "合计" or "总计");
            if (firstBody <= 0 || firstBody >= tokenLines.Count) return null;
        }
        var headerEnd = columnNumbers >= 0 && columnNumbers < firstBody ? columnNumbers + 1 : firstBody;
        var header = tokenLines.Take(headerEnd).ToList();
        var body = tokenLines.Skip(headerEnd).ToList();
        if (body.Count == 0) return null;

        var size = Median(glyphs.Select(g => g.FontSize > 0 ? g.FontSize : g.Box.Height));
        var columns = columnEdges is { Count: >= 3 }
            ? columnEdges.Zip(columnEdges.Skip(1), (l, r) => new Column(l, r)).ToList()
            : Columns(header, body, size);
        if (columns.Count < 2) return null;
        var edges = columnEdges is { Count: >= 3 } ? columnEdges.ToList() : Edges(columns, area);

        var rows = new List<List<TextToken>>();
        rows.AddRange(header);
        rows.AddRange(_options.JoinWrappedLines ? MergeWrappedLines(body, columns, size) : body);
        return BuildGrid(page.Number, rows, header.Count, columns, edges, area);
    }

    private List<TextToken> Tokenize(TextLine line)
    {
        var tokens = new List<TextToken>();
        var current = new List<TextGlyph>();
        foreach (var glyph in line.Glyphs)
        {
            if (current.Count > 0)
            {
                var previous = current[^1];
                var size = Math.Max(Math.Max(previous.FontSize, glyph.FontSize), 1);
                var gap = glyph.Box.Left - previous.Box.Right;
                var scriptChange = IsDigitLike(previous.Text) != IsDigitLike(glyph.Text);
                // Digits of one number touch; a gap between two digits is two numbers (486.99 302).
                var digits = IsDigitLike(previous.Text) && IsDigitLike(glyph.Text);
                if (gap > _options.TokenGap * size || ((scriptChange || digits) && gap > _options.ScriptChangeGap * size))
                {
                    tokens.Add(MakeToken(current));
                    current = [];
                }
            }
            current.Add(glyph);
        }
        if (current.Count > 0) tokens.Add(MakeToken(current));
        return tokens;
    }

    private static bool IsDigitLike(string text) => text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '.' or ',' or '-' or '(' or ')');

    private static TextToken MakeToken(List<TextGlyph> glyphs)
    {
        var box = glyphs.Select(g => g.Box).Aggregate((a, b) => a.Union(b));
        var text = TextNormalizer.Normalize(string.Concat(glyphs.Select(g => g.Text)));
        return new TextToken(text, box, TextToken.Classify(text), glyphs);
    }

    private static bool IsColumnNumberLine(List<TextToken> line)
    {
        if (line.Any(t => t.Text.Replace(" ", "") is "栏次" or "栏号")) return true;
        var numbers = line.Where(t => t.Kind == TokenKind.Number).Select(t => int.Parse(t.Text.Replace(" ", ""))).ToList();
        return numbers.Count >= 3 && numbers.Count == line.Count && numbers[0] <= 2 && numbers.SequenceEqual(numbers.Order());
    }

    /// <summary>A column: its extent, and where its header label is centred (its middle when it has no label).</summary>
    private sealed record Column(double Left, double Right)
    {
        public double Center => (Left + Right) / 2;
        public double Label { get; init; } = (Left + Right) / 2;
        /// <summary>The header line the label stands on (lower lines are nearer the body).</summary>
        public int Line { get; init; }
        /// <summary>What the body holds in this column (text for names and codes), when it holds anything.</summary>
        public TokenKind? Holds { get; init; }
    }

    /// <summary>
    /// Columns: the header's lowest labels (a label with no other label under it; the 栏次 numbers
    /// when printed) are the anchors, so columns whose every body cell is blank are still found.
    /// Anchors that one body run spans (a 7-digit code under 类 | 款 | 项) are one column; body runs
    /// beyond the outermost labels add columns of their own. Each column's extent is then what its
    /// runs cover.
    /// Without any header label, the body's aligned runs alone give the columns.
    /// </summary>
    private List<Column> Columns(List<List<TextToken>> header, List<List<TextToken>> body, double size)
    {
        var leaves = new List<(Column Column, int Line)>();
        for (var i = 0; i < header.Count; i++)
        {
            foreach (var token in header[i])
            {
                var hasChild = header.Skip(i + 1).SelectMany(l => l)
                    .Any(t => Overlap(t.Left, t.Right, token.Left, token.Right) > 0.1 * Math.Min(t.Box.Width, token.Box.Width));
                if (!hasChild) leaves.Add((new Column(token.Left, token.Right), i));
            }
        }
        var bodyTokens = body.SelectMany(l => l).ToList();
        if (leaves.Count == 0 || !_options.ColumnsFromHeader) return Clusters(bodyTokens, body.Count, size);

        // Labels stacked in one column (栏次 under 项目) are one anchor; it keeps the lowest line.
        var anchors = new List<(Column Column, int Line)>();
        foreach (var leaf in leaves.OrderBy(l => l.Column.Left))
        {
            var index = anchors.FindIndex(a => Overlap(a.Column.Left, a.Column.Right, leaf.Column.Left, leaf.Column.Right) > 0);
            if (index < 0) anchors.Add(leaf);
            else anchors[index] = (new Column(Math.Min(anchors[index].Column.Left, leaf.Column.Left), Math.Max(anchors[index].Column.Right, leaf.Column.Right)), Math.Max(anchors[index].Line, leaf.Line));
        }
        anchors = anchors.OrderBy(a => a.Column.Center).ToList();

        // A body run spanning several labels (a 7-digit code under 类 | 款 | 项) makes them one column.
        foreach (var token in bodyTokens.Where(t => t.Kind == TokenKind.Code))
        {
            var spanned = anchors.Where(a => token.Left <= a.Column.Center && a.Column.Center <= token.Right).ToList();
            if (spanned.Count < 2) continue;
            var union = (new Column(spanned.Min(a => a.Column.Left), spanned.Max(a => a.Column.Right)), spanned.Max(a => a.Line));
            anchors = anchors.Except(spanned).Append(union).OrderBy(a => a.Item1.Center).ToList();
        }

        // The body's aligned runs are the columns that hold something; a header label adds a column
        // only where no run claims it (a column blank in every row). A run claims the label it
        // aligns under: an amount the last label centred left of its right edge, a name or code the
        // first label centred right of its left edge, a small number the nearest label.
        var labels = anchors.Select(a => a.Column with { Label = a.Column.Center, Line = a.Line }).OrderBy(a => a.Label).ToList();
        var runs = AlignedRuns(bodyTokens, body.Count, size);
        var claimed = new HashSet<int>();
        var columns = new List<Column>();
        foreach (var run in runs)
        {
            var index = Assign(run.Representative, labels);
            var label = labels[index];
            var takesLabel = claimed.Add(index);
            var holds = run.Representative.Kind == TokenKind.Code ? TokenKind.Text : run.Representative.Kind;
            columns.Add(takesLabel
                ? new Column(Math.Min(run.Left, label.Left), Math.Max(run.Right, label.Right)) { Label = label.Label, Line = label.Line, Holds = holds }
                : new Column(run.Left, run.Right) { Line = int.MaxValue, Holds = holds });
        }
        // A label above others, between two lower labels, claimed by no run, spans those columns
        // (收入 over 项目 | 行次 | 金额): it is not a column of its own.
        for (var i = 0; i < labels.Count; i++)
        {
            if (claimed.Contains(i)) continue;
            var upper = i > 0 && i < labels.Count - 1 && labels[i - 1].Line > labels[i].Line && labels[i + 1].Line > labels[i].Line;
            if (!upper) columns.Add(labels[i]);
        }
        return MergeOverlapping(columns.OrderBy(c => c.Left).ToList(), 0.1 * size);
    }

    /// <summary>A group of body runs sharing an alignment: one column's content.</summary>
    private sealed record AlignedRun(double Left, double Right, TextToken Representative);

    private List<AlignedRun> AlignedRuns(List<TextToken> tokens, int lines, double size)
    {
        var tolerance = _options.AlignTolerance * size;
        var clusters = new List<(double Key, TokenKind Kind, List<TextToken> Tokens)>();
        foreach (var token in tokens)
        {
            var key = Anchor(token);
            var family = token.Kind == TokenKind.Code ? TokenKind.Text : token.Kind;
            var index = clusters.FindIndex(c => c.Kind == family && Math.Abs(c.Key - key) <= tolerance);
            if (index < 0) clusters.Add((key, family, [token]));
            else clusters[index].Tokens.Add(token);
        }
        return clusters
            .Where(c => c.Tokens.Count >= 2 || lines <= 2)
            .Select(c => new AlignedRun(c.Tokens.Min(t => t.Left), c.Tokens.Max(t => t.Right),
                c.Tokens.OrderByDescending(t => t.Box.Width).First()))
            .ToList();
    }

    /// <summary>
    /// The column a run belongs to, by where header labels sit (centred over their columns): a
    /// right-aligned amount belongs to the last label centred left of its right edge, a
    /// left-aligned name or code to the first label centred right of its left edge, a small number
    /// to the nearest label.
    /// </summary>
    private static int Assign(TextToken token, IReadOnlyList<Column> columns)
    {
        var labels = columns.Select(c => c.Label).ToList();
        switch (token.Kind)
        {
            case TokenKind.Amount:
            {
                var index = labels.FindLastIndex(l => l <= token.Right + 0.5);
                return index >= 0 ? index : 0;
            }
            case TokenKind.Number:
                return labels.Select((l, i) => (Distance: Math.Abs(l - token.Center), i)).MinBy(x => x.Distance).i;
            default:
            {
                var index = labels.FindIndex(l => l >= token.Left - 0.5);
                return index >= 0 ? index : labels.Count - 1;
            }
        }
    }

    /// <summary>The x a run aligns on: the right edge of an amount, the centre of a small number, else the left edge.</summary>
    private static double Anchor(TextToken token) => token.Kind switch
    {
        TokenKind.Amount => token.Right - 0.5,
        TokenKind.Number => token.Center,
        _ => token.Left + 0.5,
    };

    /// <summary>Columns from the body's aligned runs alone, where the header names none.</summary>
    private List<Column> Clusters(List<TextToken> tokens, int lines, double size) =>
        MergeOverlapping(AlignedRuns(tokens, lines, size).Select(r => new Column(r.Left, r.Right)).ToList(), 0.1 * size);

    private static List<Column> MergeOverlapping(List<Column> columns, double slack)
    {
        var merged = new List<Column>();
        foreach (var column in columns.OrderBy(c => c.Left))
        {
            if (merged.Count > 0 && column.Left < merged[^1].Right - slack)
            {
                merged[^1] = new Column(merged[^1].Left, Math.Max(merged[^1].Right, column.Right));
            }
            else
            {
                merged.Add(column);
            }
        }
        return merged;
    }

    /// <summary>Boundaries halfway between neighbouring columns (their extents, or their centres).</summary>
    private static List<double> Edges(List<Column> columns, Box area, bool byCenter = false)
    {
        var edges = new List<double> { Math.Min(area.Left, columns[0].Left - 1) };
        for (var i = 1; i < columns.Count; i++)
        {
            edges.Add(byCenter || columns[i].Left <= columns[i - 1].Right
                ? (columns[i - 1].Center + columns[i].Center) / 2
                : (columns[i - 1].Right + columns[i].Left) / 2);
        }
        edges.Add(Math.Max(area.Right, columns[^1].Right + 1));
        return edges;
    }

    /// <summary>
    /// A body line holding nothing but text in one column, close under a row, continues that row's
    /// text (a name wrapped in its cell); one close above a row whose cell in that column is empty
    /// begins it. A line that starts an item of its own (一、, a total) is never joined.
    /// </summary>
    private static List<List<TextToken>> MergeWrappedLines(List<List<TextToken>> body, List<Column> columns, double size)
    {
        var rows = new List<List<TextToken>>();
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i];
            if (IsContinuation(line) && rows.Count > 0 && Gap(rows[^1], line) < 0.6 * size
                && SameColumn(rows[^1], line, columns))
            {
                rows[^1] = [.. rows[^1], .. line];
                continue;
            }
            if (IsContinuation(line) && i + 1 < body.Count && Gap(line, body[i + 1]) < 0.6 * size
                && !SameColumn(body[i + 1], line, columns) && body[i + 1].Any(t => t.Kind != TokenKind.Text))
            {
                body[i + 1] = [.. line, .. body[i + 1]];
                continue;
            }
            rows.Add(line);
        }
        return rows;
    }

    private static bool IsContinuation(List<TextToken> line)
    {
        if (line.Count != 1 || line[0].Kind != TokenKind.Text) return false;
        var text = line[0].Text.Replace(" ", "");
        return !(text.EndsWith("合计", StringComparison.Ordinal) || text.EndsWith("总计", StringComparison.Ordinal)
                 || text.StartsWith("其中", StringComparison.Ordinal) || Rows.NameCleaner.Clean(text) != text);
    }

    /// <summary>Whether some token of <paramref name="row"/> sits in the column of the line's only token.</summary>
    private static bool SameColumn(List<TextToken> row, List<TextToken> line, List<Column> columns)
    {
        var column = Assign(line[0], columns);
        return row.Any(t => Assign(t, columns) == column);
    }

    private static double Gap(List<TextToken> upper, List<TextToken> lower) =>
        lower.Min(t => t.Box.Top) - upper.Max(t => t.Box.Bottom);

    private static CellGrid BuildGrid(int page, List<List<TextToken>> rows, int headerRows, List<Column> columns, List<double> edges, Box area)
    {
        var columnCount = edges.Count - 1;
        var cells = new List<GridCell>();
        var rowEdges = new List<double>();
        for (var r = 0; r < rows.Count; r++)
        {
            var top = rows[r].Min(t => t.Box.Top);
            rowEdges.Add(r == 0 ? Math.Min(top, area.Top) : (rows[r - 1].Max(t => t.Box.Bottom) + top) / 2);
        }
        rowEdges.Add(Math.Max(rows[^1].Max(t => t.Box.Bottom), rowEdges[^1] + 1));
        for (var i = 1; i < rowEdges.Count; i++) if (rowEdges[i] <= rowEdges[i - 1]) rowEdges[i] = rowEdges[i - 1] + 0.01;

        for (var r = 0; r < rows.Count; r++)
        {
            var occupied = new string?[columnCount];
            var spans = new List<(int From, int To, List<TextToken> Tokens)>();
            var ordered = rows[r].OrderBy(t => t.Left).ToList();
            for (var k = 0; k < ordered.Count; k++)
            {
                var token = ordered[k];
                int from, to;
                if (r < headerRows)
                {
                    // A header label covers every column whose middle it spans.
                    from = Locate(edges, token.Left + 0.01);
                    to = Locate(edges, token.Right - 0.01);
                    var covered = Enumerable.Range(from, to - from + 1).Where(c => token.Left <= (edges[c] + edges[c + 1]) / 2 && token.Right >= (edges[c] + edges[c + 1]) / 2).ToList();
                    if (covered.Count > 0) { from = covered[0]; to = covered[^1]; }
                    else from = to = Locate(edges, token.Center);
                }
                else
                {
                    from = to = Locate(edges, token.Kind switch
                    {
                        TokenKind.Amount => token.Right - 0.5,
                        TokenKind.Code => token.Left + 0.5,
                        _ => token.Center,
                    });
                    // A label centred across merged cells (公用经费合计) can sit over an amount
                    // column: it belongs to the text column it starts in, or the nearest one it covers.
                    if (token.Kind == TokenKind.Text && columns[from].Holds is TokenKind.Amount or TokenKind.Number)
                    {
                        var covered = Enumerable.Range(Locate(edges, token.Left + 0.5), Locate(edges, token.Right - 0.5) - Locate(edges, token.Left + 0.5) + 1)
                            .Where(c => columns[c].Holds == TokenKind.Text).ToList();
                        if (covered.Count > 0) from = to = covered[0];
                        else if (Enumerable.Range(0, from).LastOrDefault(c => columns[c].Holds == TokenKind.Text, -1) is var left and >= 0
                                 && Enumerable.Range(left + 1, from - left - 1).All(c => columns[c].Holds is not TokenKind.Text)
                                 && !ordered.Any(o => o != token && Locate(edges, o.Center) == left))
                        {
                            // A total's label centred over merged cells of two blocks (公用经费合计) lies wholly over
                            // an amount column: it names the row of the nearest text column on its left.
                            from = to = left;
                        }
                    }
                }
                var existing = spans.FindIndex(s => s.From <= to && from <= s.To);
                if (existing >= 0)
                {
                    var s = spans[existing];
                    spans[existing] = (Math.Min(s.From, from), Math.Max(s.To, to), [.. s.Tokens, token]);
                }
                else
                {
                    spans.Add((from, to, [token]));
                }
            }
            for (var c = 0; c < columnCount; c++)
            {
                var span = spans.FirstOrDefault(s => s.From == c);
                if (span.Tokens is not null)
                {
                    var text = TextLineBuilder.JoinCellText(span.Tokens.SelectMany(t => t.Glyphs));
                    cells.Add(new GridCell(r, c, 1, span.To - span.From + 1, new Box(edges[c], rowEdges[r], edges[span.To + 1], rowEdges[r + 1]), text));
                    c = span.To;
                    continue;
                }
                if (spans.Any(s => s.From < c && c <= s.To)) continue;
                cells.Add(new GridCell(r, c, 1, 1, new Box(edges[c], rowEdges[r], edges[c + 1], rowEdges[r + 1]), string.Empty));
            }
        }
        // Body runs that cross a column boundary are runs the columns do not explain.
        var bodyTokens = rows.Skip(headerRows).SelectMany(r => r).ToList();
        var straddling = bodyTokens.Count(t => Locate(edges, t.Left + 1) != Locate(edges, t.Right - 1));
        var confidence = bodyTokens.Count == 0 ? 0.5 : 1.0 - (double)straddling / bodyTokens.Count;
        return new CellGrid(page, "stream", rowEdges, edges, cells) { Confidence = Math.Round(confidence, 3) };
    }

    private static int Locate(IReadOnlyList<double> edges, double x)
    {
        for (var i = 1; i < edges.Count - 1; i++)
        {
            if (x < edges[i]) return i - 1;
        }
        return edges.Count - 2;
    }

    private static double Overlap(double a1, double a2, double b1, double b2) => Math.Min(a2, b2) - Math.Max(a1, b1);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }
}
