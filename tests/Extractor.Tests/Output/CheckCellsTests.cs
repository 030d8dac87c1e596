using System.Text.Json;
using Extractor.Checks;
using Extractor.Output;

namespace Extractor.Tests.Output;

/// <summary>
/// Each check names the printed cells it read (table, page, box, column, role, status of its comparison), and
/// document.json carries them: what the review page and the annotated PDF mark.
/// </summary>
public sealed class CheckCellsTests
{
    [Fact]
    public void Every_cell_a_check_names_is_a_printed_amount_of_its_table()
    {
        var document = ReviewFixtures.Seed;
        var printed = document.TemplateTables.SelectMany(t => t.Rows.SelectMany(r => r.Values).Select(v => (t.Id, v.Page, v.Box, v.Column))).ToHashSet();
        var cells = document.Checks.SelectMany(c => c.Cells.Select(cell => (Check: c, Cell: cell))).ToList();
        Assert.True(cells.Count > 400, $"only {cells.Count} cells named by the checks");
        foreach (var (check, cell) in cells)
        {
            Assert.True(printed.Contains((cell.Table, cell.Page, cell.Box, cell.Column)), $"{check.Id}: {cell} is not a printed amount");
            Assert.Contains(cell.Table, check.Tables);
            Assert.Contains(cell.Role, new[] { CellRole.Total, CellRole.Part, CellRole.Expected, CellRole.Actual, CellRole.Figure });
            Assert.Contains(cell.Status, new[] { CheckStatus.Pass, CheckStatus.Warn, CheckStatus.Fail });
        }
        // The check's status is that of its worst comparison, so its cells include one with that status.
        foreach (var check in document.Checks.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Warn && c.Cells.Count > 0))
        {
            Assert.Contains(check.Cells, cell => cell.Status == check.Status);
        }
        // Every check that failed or warned on this document names its cells.
        Assert.All(document.Checks.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Warn), c => Assert.NotEmpty(c.Cells));
    }

    [Fact]
    public void A_sum_names_its_total_and_its_parts_in_the_column_checked()
    {
        var check = ReviewFixtures.Seed.Checks.Single(c => c.Id == "GK03.rows.sum.total");
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Equal(
            [("本年支出合计", CellRole.Total), ("基本支出", CellRole.Part), ("项目支出", CellRole.Part)],
            check.Cells.Select(c => (c.Column, c.Role)));
        Assert.All(check.Cells, c => Assert.Equal((4, "GK03", CheckStatus.Warn), (c.Page, c.Table, c.Status)));
        // The 合计 row's three cells lie on one printed line, left to right.
        Assert.True(check.Cells.Select(c => c.Box.Left).SequenceEqual(check.Cells.Select(c => c.Box.Left).Order()));
        Assert.Single(check.Cells.Select(c => Math.Round(c.Box.Top)).Distinct());
    }

    [Fact]
    public void A_comparison_across_tables_names_both_sides()
    {
        var check = ReviewFixtures.Seed.Checks.Single(c => c.Id == "GK01-GK03.total");
        Assert.Equal(
            [("GK01", 2, CellRole.Expected), ("GK03", 4, CellRole.Actual)],
            check.Cells.Select(c => (c.Table, c.Page, c.Role)));
    }

    [Fact]
    public void A_narrative_check_names_the_table_figure_it_holds_the_sentence_against()
    {
        var check = ReviewFixtures.Seed.Checks.Single(c => c.Id == ReviewFixtures.ThreePublicCheck);
        var cell = Assert.Single(check.Cells);
        Assert.Equal(new CheckCell("GK09", 10, cell.Box, "合计", CellRole.Figure, CheckStatus.Fail), cell);
        var gk09 = ReviewFixtures.Seed.Tables.Single(t => t.Id == "GK09");
        var budget = gk09.Rows.Single(r => r.Section == "预算数").Values.Single(v => v.Column == "合计");
        Assert.Equal(budget.Box, cell.Box);
    }

    [Fact]
    public void Document_json_carries_the_cells_of_each_check()
    {
        var document = ReviewFixtures.Seed;
        using var stream = new MemoryStream();
        DocumentJsonWriter.Write(stream, document);
        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("1.3", json.RootElement.GetProperty("schema_version").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c => Assert.Equal(JsonValueKind.Array, c.GetProperty("cells").ValueKind));
        var threePublic = checks.Single(c => c.GetProperty("id").GetString() == ReviewFixtures.ThreePublicCheck);
        var cell = Assert.Single(threePublic.GetProperty("cells").EnumerateArray());
        var expected = document.Checks.Single(c => c.Id == ReviewFixtures.ThreePublicCheck).Cells[0];
        Assert.Equal("GK09", cell.GetProperty("table").GetString());
        Assert.Equal(10, cell.GetProperty("page").GetInt32());
        Assert.Equal("合计", cell.GetProperty("column").GetString());
        Assert.Equal("figure", cell.GetProperty("role").GetString());
        Assert.Equal("fail", cell.GetProperty("status").GetString());
        var box = cell.GetProperty("box").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(4, box.Count);
        Assert.Equal(expected.Box.Left, box[0], 2);
        Assert.Equal(expected.Box.Top, box[1], 2);
        Assert.Equal(expected.Box.Right, box[2], 2);
        Assert.Equal(expected.Box.Bottom, box[3], 2);
        Assert.Equal(checks.Sum(c => c.GetProperty("cells").GetArrayLength()), document.Checks.Sum(c => c.Cells.Count));
    }
}
