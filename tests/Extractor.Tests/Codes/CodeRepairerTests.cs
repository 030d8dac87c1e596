using Extractor.Codes;
using Extractor.Recognition;
using Extractor.Rows;
using Extractor.Templates;
using Extractor.Tests.Recognition;

namespace Extractor.Tests.Codes;

public sealed class CodeRepairerTests
{
    private static TableRow Row(string code, string name, decimal? amount = null, int group = 0, params CodePart[] parts) => new()
    {
        CodePrinted = code,
        NamePrinted = name,
        Name = name,
        Page = 1,
        Group = group,
        CodeParts = parts.Length > 0 ? parts : code.Length > 0 ? [new CodePart("", code)] : [],
        Values = amount is { } a ? [new CellValue("小计", a, 1, default)] : [],
    };

    private static ExtractedTable Table(string id, params TableRow[] rows)
    {
        var grid = GridBuilder.Build(["科目编码", "科目名称", "小计"], ["1", "x", "1.00"]);
        var template = TemplateCatalog.Default.Find(id)!;
        var source = new RecognizedTable
        {
            Id = id, Template = template, Title = "", Label = "", Unit = "万元",
            Parts = [new TablePart(grid, 1)], Columns = ColumnMapper.Map(grid, 1, template),
        };
        return new ExtractedTable(source, rows);
    }

    private static readonly ClassificationCatalog Empty = new([]);

    private static ClassificationCatalog Catalog(params (string Code, string Name)[] entries) =>
        new(entries.Select(e => new CatalogEntry(e.Code, [e.Name], ClassificationCatalog.SystemOfCode(e.Code), "test")));

    [Fact]
    public void A_truncated_code_takes_the_full_code_another_table_prints_for_the_same_name()
    {
        var gk02 = Table("GK02", Row("208", "社会保障和就业支出"), Row("20805", "行政事业单位养老支出"),
            Row("208050", "事业单位离退休"), Row("208050", "机关事业单位基本养老保险缴费支出"));
        var gk03 = Table("GK03", Row("2080502", "事业单位离退休"), Row("2080505", "机关事业单位基本养老保险缴费支出"));
        var result = new CodeRepairer(Empty).Repair([gk02, gk03]);

        var rows = result.Tables[0].Rows;
        Assert.Equal([("2080502", "document"), ("2080505", "document")], rows.Skip(2).Select(r => (r.Code, r.CodeRepair)));
        Assert.All(rows.Skip(2), r => Assert.Equal("项", r.CodeLevel));
        Assert.Equal(["208050", "208050"], rows.Skip(2).Select(r => r.CodePrinted));
        var repair = result.Repairs.First(r => r.Code == "2080505");
        Assert.Equal(("document", "208050"), (repair.Evidence, repair.CodePrinted));
        Assert.Contains("2080505", repair.Detail);
    }

    [Fact]
    public void The_catalog_resolves_a_truncated_code_by_exact_name_then_by_a_cut_name()
    {
        var catalog = Catalog(("30101", "基本工资"), ("30102", "津贴补贴"), ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"));
        var gk06 = Table("GK06", Row("301", "工资福利支出"), Row("3010", "津贴补贴"), Row("3010", "机关事业单位基本养老保险缴"));
        var rows = new CodeRepairer(catalog).Repair([gk06]).Tables[0].Rows;
        Assert.Equal([("30102", "津贴补贴", "catalog"), ("30108", "机关事业单位基本养老保险缴费", "catalog")],
            rows.Skip(1).Select(r => (r.Code, r.Name, r.CodeRepair)));
        Assert.Equal("机关事业单位基本养老保险缴", rows[2].NamePrinted);
        Assert.Equal("款", rows[2].CodeLevel);
    }

    [Fact]
    public void The_document_wins_over_the_catalog()
    {
        var catalog = Catalog(("2070899", "广播电视事务"));
        var gk02 = Table("GK02", Row("207080", "广播电视事务"));
        var gk05 = Table("GK05", Row("2070808", "广播电视事务"));
        var row = new CodeRepairer(catalog).Repair([gk02, gk05]).Tables[0].Rows[0];
        Assert.Equal(("2070808", "document"), (row.Code, row.CodeRepair));
    }

    [Fact]
    public void Two_candidates_leave_the_code_unresolved_and_name_both()
    {
        var catalog = Catalog(("30101", "基本工资"), ("30102", "基本工资补贴"));
        var result = new CodeRepairer(catalog).Repair([Table("GK06", Row("301", "工资福利支出"), Row("3010", "基本工"))]);
        var row = result.Tables[0].Rows[1];
        Assert.Equal(("3010", "unresolved", "基本工"), (row.Code, row.CodeRepair, row.Name));
        var repair = Assert.Single(result.Repairs, r => r.Evidence == "unresolved");
        Assert.Contains("30101 基本工资", repair.Detail);
        Assert.Contains("30102 基本工资补贴", repair.Detail);
    }

    [Fact]
    public void A_candidate_with_another_name_is_no_evidence()
    {
        var catalog = Catalog(("2101102", "事业单位医疗"));
        var row = new CodeRepairer(catalog).Repair([Table("GK02", Row("210110", "公务员医疗补助"))]).Tables[0].Rows[0];
        Assert.Equal(("210110", "unresolved"), (row.Code, row.CodeRepair));
    }

    [Fact]
    public void Relative_codes_are_made_whole_from_the_rows_above()
    {
        var table = Table("GK05",
            Row("201", "一般公共服务支出", 10m), Row("06", "财政事务", 6m), Row("01", "行政运行", 4m), Row("02", "一般行政管理事务", 2m),
            Row("07", "纪检监察事务", 4m), Row("01", "行政运行", 4m));
        var rows = new CodeRepairer(Empty).Repair([table]).Tables[0].Rows;
        Assert.Equal(["201", "20106", "2010601", "2010602", "20107", "2010701"], rows.Select(r => r.Code));
        Assert.Equal(["none", "structure", "structure", "structure", "structure", "structure"], rows.Select(r => r.CodeRepair));
        Assert.Equal(["类", "款", "项", "项", "款", "项"], rows.Select(r => r.CodeLevel));
    }

    [Fact]
    public void After_a_subitem_a_relative_code_stays_a_subitem_while_its_item_is_not_yet_complete()
    {
        var table = Table("GK05",
            Row("201", "一般公共服务支出", 10m), Row("06", "财政事务", 10m), Row("01", "行政运行", 4m), Row("08", "专项业务", 6m));
        var rows = new CodeRepairer(Empty).Repair([table]).Tables[0].Rows;
        Assert.Equal("2010608", rows[3].Code);
    }

    [Fact]
    public void Without_amounts_a_relative_code_after_a_subitem_is_left_open()
    {
        var table = Table("GK05", Row("201", "一般公共服务支出"), Row("06", "财政事务"), Row("01", "行政运行"), Row("08", "专项业务"));
        var rows = new CodeRepairer(Empty).Repair([table]).Tables[0].Rows;
        Assert.Equal(("08", "unresolved"), (rows[3].Code, rows[3].CodeRepair));
    }

    [Fact]
    public void Codes_split_over_class_item_and_subitem_columns_take_missing_parts_from_above()
    {
        var table = Table("GK05",
            Row("20106", "财政事务", null, 0, new CodePart("类", "201"), new CodePart("款", "06")),
            Row("01", "行政运行", null, 0, new CodePart("项", "01")),
            Row("07", "纪检监察事务", null, 0, new CodePart("款", "07")));
        var rows = new CodeRepairer(Empty).Repair([table]).Tables[0].Rows;
        Assert.Equal([("20106", "none"), ("2010601", "structure"), ("20107", "structure")], rows.Select(r => (r.Code, r.CodeRepair)));
    }

    [Fact]
    public void Codes_printed_in_full_by_other_documents_of_the_batch_are_the_last_evidence()
    {
        var batch = new CodeBook();
        batch.Add("2101199", "其他行政事业单位医疗支出");
        var table = Table("GK02", Row("21011", "行政事业单位医疗"), Row("210119", "其他行政事业单位医疗支出"));
        var plain = new CodeRepairer(Empty).Repair([table]).Tables[0].Rows[1];
        var withBatch = new CodeRepairer(Empty).WithBatch(batch).Repair([table]).Tables[0].Rows[1];
        Assert.Equal("unresolved", plain.CodeRepair);
        Assert.Equal(("2101199", "batch"), (withBatch.Code, withBatch.CodeRepair));
    }

    [Fact]
    public void A_complete_code_with_a_cut_name_gets_the_catalog_name()
    {
        var catalog = Catalog(("30108", "机关事业单位基本养老保险缴费"));
        var row = new CodeRepairer(catalog).Repair([Table("GK06", Row("301", "工资福利支出"), Row("30108", "机关事业单位基本养老保险缴"))]).Tables[0].Rows[1];
        Assert.Equal(("30108", "机关事业单位基本养老保险缴费", "catalog"), (row.Code, row.Name, row.CodeRepair));
    }

    [Fact]
    public void A_subitem_outside_its_item_and_a_name_the_catalog_disagrees_with_are_warned_about()
    {
        var catalog = Catalog(("2080505", "机关事业单位基本养老保险缴费支出"));
        var result = new CodeRepairer(catalog).Repair([Table("GK03",
            Row("208", "社会保障和就业支出"), Row("20805", "行政事业单位养老支出"), Row("2080601", "某项"), Row("2080505", "别的名称"))]);
        Assert.Contains(result.Warnings, w => w.Contains("2080601") && w.Contains("20805"));
        Assert.Contains(result.Warnings, w => w.Contains("2080505") && w.Contains("别的名称"));
        Assert.Equal(2, result.Warnings.Count);
    }

    [Fact]
    public void Economic_codes_of_side_by_side_blocks_keep_their_own_class()
    {
        var table = Table("GK06",
            Row("301", "工资福利支出", null, 0), Row("302", "商品和服务支出", null, 1),
            Row("01", "基本工资", null, 0), Row("01", "办公费", null, 1));
        var rows = new CodeRepairer(Empty).Repair([table]).Tables[0].Rows;
        Assert.Equal(["301", "302", "30101", "30201"], rows.Select(r => r.Code));
    }

    [Fact]
    public void A_budget_units_own_code_is_no_account_code()
    {
        var rows = new CodeRepairer(Empty).Repair([Table("GK02", Row("024001", "苏州市审计局", 5m), Row("201", "一般公共服务支出", 5m))]).Tables[0].Rows;
        Assert.Equal([("", "", "024001"), ("201", "none", "201")], rows.Select(r => (r.Code, r.CodeRepair, r.CodePrinted)));
    }

    [Fact]
    public void A_short_complete_name_is_not_taken_for_a_cut_one()
    {
        // 医疗费 is what 30307 was called before 医疗费补助: a name shorter than its column's longest
        // names did not reach the edge of its cell, so it was not cut.
        var catalog = Catalog(("30307", "医疗费补助"));
        var rows = new CodeRepairer(catalog).Repair([Table("GK06", Row("303", "对个人和家庭的补助"), Row("30307", "医疗费"), Row("30399", "其他对个人和家庭的补助"))]).Tables[0].Rows;
        Assert.Equal(("医疗费", "none"), (rows[1].Name, rows[1].CodeRepair));
    }
}
