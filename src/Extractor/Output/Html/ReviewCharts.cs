using Extractor.Rows;
using static Extractor.Output.Html.HtmlText;

namespace Extractor.Output.Html;

/// <summary>
/// Small bar charts of the figures a reviewer looks at first, drawn as inline SVG from the extracted rows (so a figure
/// read wrong shows up as a bar out of place): spending by 类 split into 基本支出 and 项目支出 (GK03, else GK05), and
/// the “三公” budget against the outturn (GK09).
/// </summary>
internal static class ReviewCharts
{
    private const double Width = 560;
    private const double LabelWidth = 190;
    private const double ValueWidth = 70;
    private const double Top = 42;

    /// <summary>Spending by 类 from GK03 (else GK05), or null when neither has 类 rows with amounts.</summary>
    public static string? ExpenditureByClass(DocumentResult document)
    {
        foreach (var (id, totalColumns) in new[] { ("GK03", new[] { "本年支出合计", "合计", "小计" }), ("GK05", new[] { "小计", "合计", "本年支出合计" }) })
        {
            var table = document.TemplateTables.FirstOrDefault(t => t.Id == id);
            if (table is null) continue;
            var rows = table.Rows.Where(r => r.CodeLevel == "类" && r.Values.Count > 0).ToList();
            if (rows.Count == 0) continue;
            var bars = rows.Select(r =>
            {
                var basic = Value(r, "基本支出");
                var project = Value(r, "项目支出");
                var total = totalColumns.Select(c => (decimal?)r.Values.FirstOrDefault(v => v.Column == c)?.Value).FirstOrDefault(v => v is not null)
                    ?? basic + project;
                var other = Math.Max(0, total - basic - project);
                return (Label: $"{r.Code} {r.Name}", Total: total, Parts: new[] { basic, project, other });
            }).Where(b => b.Total > 0).OrderByDescending(b => b.Total).ToList();
            if (bars.Count == 0) continue;
            return Stacked($"{id} spending by 类 ({table.Source.Unit})", ["基本支出", "项目支出", "其他"], ["c-basic", "c-project", "c-other"], bars, id);
        }
        return null;
    }

    /// <summary>GK09 预算数 against 决算数 column by column, or null without GK09 amounts.</summary>
    public static string? ThreePublicBudgetVsFinal(DocumentResult document)
    {
        var table = document.TemplateTables.FirstOrDefault(t => t.Id == "GK09");
        if (table is null) return null;
        var budget = table.Rows.FirstOrDefault(r => r.Section == "预算数");
        var final = table.Rows.FirstOrDefault(r => r.Section == "决算数");
        if (budget is null || final is null || budget.Values.Count + final.Values.Count == 0) return null;
        string[] wanted = ["合计", "因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费"];
        var columns = wanted.Where(c => budget.Values.Any(v => v.Column == c) || final.Values.Any(v => v.Column == c)).ToList();
        if (columns.Count == 0) return null;
        var groups = columns.Select(c => (Label: c, Budget: Value(budget, c), Final: Value(final, c))).ToList();
        var max = groups.Max(g => Math.Max(g.Budget, g.Final));
        const double bar = 11;
        const double gap = 10;
        var height = Top + groups.Count * (2 * bar + gap) + 8;
        var w = new StringWriter();
        w.Write($"<svg class=\"chart\" data-chart=\"GK09\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-label=\"GK09 budget against outturn\">");
        w.Write($"<text class=\"chart-title\" x=\"0\" y=\"14\">GK09 “三公” budget (预算数) vs outturn (决算数), {E(table.Source.Unit)}</text>");
        Legend(w, 31, [("预算数", "c-budget"), ("决算数", "c-final")]);
        var y = Top;
        foreach (var g in groups)
        {
            w.Write($"<text class=\"chart-label\" x=\"{N(LabelWidth - 6)}\" y=\"{N(y + bar + 3)}\" text-anchor=\"end\">{E(g.Label)}</text>");
            foreach (var (value, css, kind) in new[] { (g.Budget, "c-budget", "预算数"), (g.Final, "c-final", "决算数") })
            {
                var length = max == 0 ? 0 : (double)(value / max) * (Width - LabelWidth - ValueWidth);
                w.Write($"<rect class=\"{css}\" x=\"{N(LabelWidth)}\" y=\"{N(y)}\" width=\"{N(Math.Max(length, 0.5))}\" height=\"{N(bar - 1)}\"><title>{E($"{kind} {g.Label}: {D(value)}")}</title></rect>");
                w.Write($"<text class=\"chart-value\" x=\"{N(LabelWidth + length + 4)}\" y=\"{N(y + bar - 2)}\">{D(value)}</text>");
                y += bar;
            }
            y += gap;
        }
        w.Write("</svg>");
        return w.ToString();
    }

    private static decimal Value(TableRow row, string column) => row.Values.FirstOrDefault(v => v.Column == column)?.Value ?? 0m;

    private static string Stacked(string title, string[] parts, string[] classes, IReadOnlyList<(string Label, decimal Total, decimal[] Parts)> bars, string id)
    {
        const double bar = 16;
        const double gap = 6;
        var max = bars.Max(b => b.Total);
        var height = Top + bars.Count * (bar + gap) + 6;
        var w = new StringWriter();
        w.Write($"<svg class=\"chart\" data-chart=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-label=\"{E(title)}\">");
        w.Write($"<text class=\"chart-title\" x=\"0\" y=\"14\">{E(title)}</text>");
        Legend(w, 31, parts.Zip(classes).Where((p, i) => bars.Any(b => b.Parts[i] > 0)).ToList());
        var y = Top;
        var scale = Width - LabelWidth - ValueWidth;
        foreach (var b in bars)
        {
            var label = b.Label.Length > 16 ? b.Label[..15] + "…" : b.Label;
            w.Write($"<text class=\"chart-label\" x=\"{N(LabelWidth - 6)}\" y=\"{N(y + bar - 4)}\" text-anchor=\"end\"><title>{E(b.Label)}</title>{E(label)}</text>");
            var x = LabelWidth;
            for (var i = 0; i < b.Parts.Length; i++)
            {
                if (b.Parts[i] <= 0) continue;
                var length = max == 0 ? 0 : (double)(b.Parts[i] / max) * scale;
                w.Write($"<rect class=\"{classes[i]}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(length, 0.5))}\" height=\"{N(bar)}\"><title>{E($"{b.Label} {parts[i]}: {D(b.Parts[i])}")}</title></rect>");
                x += length;
            }
            w.Write($"<text class=\"chart-value\" x=\"{N(x + 4)}\" y=\"{N(y + bar - 4)}\">{D(b.Total)}</text>");
            y += bar + gap;
        }
        w.Write("</svg>");
        return w.ToString();
    }

    private static void Legend(TextWriter w, double y, IReadOnlyList<(string Label, string Class)> items)
    {
        var x = LabelWidth;
        foreach (var (label, css) in items)
        {
            w.Write($"<rect class=\"{css}\" x=\"{N(x)}\" y=\"{N(y - 8)}\" width=\"9\" height=\"9\"/><text class=\"chart-legend\" x=\"{N(x + 13)}\" y=\"{N(y)}\">{E(label)}</text>");
            x += 22 + 13 * label.Length;
        }
    }
}
