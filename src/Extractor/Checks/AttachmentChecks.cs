using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Rows;

using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// Tables outside the template set (整体支出绩效自评表, 部门整体支出绩效目标表 …, exported as generic <c>T…</c> grids) that
/// restate a figure of the standard tables under a label — "基本支出总额 | 580.66" — against that figure: equal or
/// rounded to the attachment's precision is <c>pass</c>, a difference rounding explains <c>warn</c>, more <c>fail</c>.
/// Only labels that name a department-wide figure by themselves are read (基本支出总额, 项目支出总额, 人员经费, 公用经费,
/// “三公”经费); a project's own amounts are not figures of the standard tables. Id <c>attachment.&lt;table&gt;.&lt;key&gt;</c>
/// (<c>attachment.GK03.basic</c>).
/// </summary>
public static partial class AttachmentChecks
{
    public static IReadOnlyList<CheckResult> Run(DocumentTables tables, IEnumerable<ExtractedTable> generic, NarrativeLedger ledger)
    {
        var subjects = new NarrativeSubjects(tables);
        var results = new List<CheckResult>();
        foreach (var attachment in generic)
        {
            var factor = Tolerance.UnitFactor(attachment.Source.Unit) ?? 1m;
            foreach (var part in attachment.Source.Parts)
            {
                var grid = part.Grid;
                for (var r = 0; r < grid.Rows; r++)
                {
                    var cells = grid.CellsInRow(r).Where(c => c.Row == r && !c.IsEmpty).OrderBy(c => c.Column).ToList();
                    for (var i = 0; i + 1 < cells.Count; i++)
                    {
                        var label = Names.Normalize(cells[i].Text);
                        if (label.Length is < 4 or > 12 || !Number().IsMatch(cells[i + 1].Text.Trim())) continue;
                        var figure = subjects.AttachmentFigure(label);
                        if (figure is null) continue;
                        var printed = cells[i + 1].Text.Trim();
                        var value = decimal.Parse(printed.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
                        var quote = $"{attachment.Id} ({Names.Normalize(attachment.Source.Title)}): {cells[i].Text.Trim()} {printed}";
                        var statement = ledger.Add(StatementKind.Attachment, printed, quote, [grid.Page], NarrativeScope.Other, section: "attachment");
                        ledger.Refers(statement, figure);
                        var check = Compare(attachment, grid.Page, cells[i + 1], label, value * factor, Tolerance.HalfUnit(value.Scale) * factor, value.Scale, figure, tables, quote);
                        ledger.Read(statement, check);
                        results.Add(check);
                    }
                }
            }
        }
        return results;
    }

    private static CheckResult Compare(ExtractedTable attachment, int page, Tables.GridCell cell, string label, decimal value, decimal halfUnit, int scale,
        TableFigure figure, DocumentTables tables, string quote)
    {
        var id = $"attachment.{figure.IdPart()}";
        if (figure.Value is not { } printed)
        {
            return CheckList.Skipped(id, [figure.Table, attachment.Id], figure.Unreadable ?? tables.MissingMessage([figure.Table]), [page], quote);
        }
        var best = figure.Alternates.Prepend(printed).OrderBy(c => Math.Abs(value - c)).First();
        var difference = value - best;
        // Two printings of one figure, each possibly the rounded sum of its own parts: one unit of the last digit at least.
        var tolerance = Math.Max(2 * halfUnit, figure.Tolerance);
        var status = difference == 0 || Tolerance.Round(best, scale) == value ? CheckStatus.Pass : Tolerance.Status(difference, tolerance);
        var mine = new CheckCell(attachment.Id, page, cell.Box, label, CellRole.Actual, status);
        return new CheckResult
        {
            Id = id,
            Tables = [figure.Table, attachment.Id],
            Status = status,
            Expected = best,
            Actual = value,
            Difference = difference,
            Tolerance = tolerance,
            Pages = new[] { page, figure.Page }.Where(p => p > 0).Distinct().Order().ToList(),
            Message = status switch
            {
                CheckStatus.Pass => $"{attachment.Id} restates {label} as {SumIdentity.F(value)}, as {figure.Description} prints.",
                CheckStatus.Warn => $"{attachment.Id} restates {label} as {SumIdentity.F(value)}; {figure.Description} prints {SumIdentity.F(best)}: a difference of {SumIdentity.F(difference)} 万元, within rounding (±{SumIdentity.F(tolerance)}).",
                _ => $"{attachment.Id} restates {label} as {SumIdentity.F(value)}; {figure.Description} prints {SumIdentity.F(best)}: a difference of {SumIdentity.F(difference)} 万元, more than rounding can explain.",
            },
            Quote = quote,
            Cells = [.. figure.Cells.Select(c => c with { Role = CellRole.Expected, Status = status }), mine],
        };
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")]
    private static partial Regex Number();
}
