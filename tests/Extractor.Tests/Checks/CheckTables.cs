using Extractor.Checks;
using Extractor.Codes;
using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Templates;
using Extractor.Tests.Recognition;
using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

/// <summary>
/// Small hand-built tables and narratives for the check tests: rows with codes, names, sections and amounts as
/// printed (decimals keep their printed scale), wrapped in the records the pipeline produces.
/// </summary>
internal static class CheckTables
{
    /// <summary>A template table with the given rows; its canonical columns are those its rows print, in template order.</summary>
    public static ExtractedTable Table(string id, params TableRow[] rows) => Table(id, "万元", 1, rows);

    public static ExtractedTable Table(string id, string unit, int page, params TableRow[] rows)
    {
        var template = TemplateCatalog.Default.Find(id) ?? throw new ArgumentException($"no template {id}");
        var printed = rows.SelectMany(r => r.Values).Select(v => v.Column).Distinct().ToList();
        var order = template.Columns.Select(c => c.Name).ToList();
        var columns = printed.OrderBy(c => order.IndexOf(c) < 0 ? int.MaxValue : order.IndexOf(c)).ToList();
        var recognized = new RecognizedTable
        {
            Id = id,
            Template = template,
            Title = template.Name,
            Label = "",
            Unit = unit,
            Parts = [new TablePart(GridBuilder.Build(page, ["x"]), 0)],
            Columns = columns.Select((c, i) => new ColumnSpec(i, ColumnRole.Amount, c, 0, null, c)).ToList(),
        };
        return new ExtractedTable(recognized, rows.Select(r => r with { Page = page, Values = r.Values.Select(v => v with { Page = page }).ToList() }).ToList());
    }

    /// <summary>A coded row (function codes; use <see cref="Economic"/> for GK06).</summary>
    public static TableRow Coded(string code, string name, params (string Column, decimal Value)[] values) =>
        Row(code, name, "", CodeSystem.Function, values);

    public static TableRow Economic(string code, string name, string section, params (string Column, decimal Value)[] values) =>
        Row(code, name, section, CodeSystem.Economic, values);

    /// <summary>A row without a code (合计, a GK01 item), optionally in a section.</summary>
    public static TableRow Named(string name, params (string Column, decimal Value)[] values) => Row("", name, "", CodeSystem.Function, values);

    public static TableRow Line(string section, string name, params (string Column, decimal Value)[] values) => Row("", name, section, CodeSystem.Function, values);

    /// <summary>A code printed cut short, as code repair leaves it when it cannot repair it.</summary>
    public static TableRow Truncated(string code, string name, string section, CodeSystem system, params (string Column, decimal Value)[] values) =>
        Row(code, name, section, system, values) with { CodeRepair = "unresolved" };

    private static TableRow Row(string code, string name, string section, CodeSystem system, (string Column, decimal Value)[] values) => new()
    {
        Code = code,
        CodePrinted = code,
        CodeLevel = CodeLevels.LevelOf(code, system),
        CodeRepair = code.Length == 0 ? "" : CodeLevels.IsComplete(code, system) ? "none" : "unresolved",
        Name = name,
        NamePrinted = name,
        Section = section,
        Page = 1,
        Values = values.Select(v => new CellValue(v.Column, v.Value, 1, default, section.Length > 0 ? section : null)).ToList(),
    };

    /// <summary>A final-accounts document of these tables and narrative pages.</summary>
    public static DocumentResult Document(IEnumerable<ExtractedTable> tables, params PageText[] text) => new()
    {
        DocId = "test",
        Source = new SourceInfo("test.pdf", new string('0', 64), 20),
        Metadata = new DocumentMetadata("测试局", "2024", "final", "", "万元"),
        Tables = tables.ToList(),
        Text = text,
    };

    /// <summary>A budget document (kind <c>budget</c>, year 2026) of these tables and narrative pages.</summary>
    public static DocumentResult BudgetDocument(IEnumerable<ExtractedTable> tables, params PageText[] text) =>
        Document(tables, text) with { Metadata = new DocumentMetadata("测试局", "2026", "budget", "", "万元") };

    public static DocumentTables BudgetTablesOf(params ExtractedTable[] tables) => new(BudgetDocument(tables), TemplateCatalog.Default);

    /// <summary>A page of narrative, one string per printed line (all at the left margin, full width).</summary>
    public static PageText Page(int number, params string[] lines) =>
        new(number, lines.Select((l, i) => new TextLine(l, new Box(50, 50 + 20 * i, 550, 62 + 20 * i), [l], [])).ToList());

    public static IReadOnlyList<CheckResult> Run(DocumentResult document) => ConsistencyChecker.Instance.Run(document);

    public static DocumentTables TablesOf(params ExtractedTable[] tables) => new(Document(tables), TemplateCatalog.Default);

    public static CheckResult Single(IEnumerable<CheckResult> checks, string id) => Assert.Single(checks, c => c.Id == id);
}
