using Extractor.Linking;
using static Extractor.Tests.Linking.LinkInputs;

namespace Extractor.Tests.Linking;

public sealed class DocumentLinkerTests
{
    private static List<(string Relation, string Doc, string? Other)> Linked(DocumentLinker.Result result) =>
        result.Links.Where(l => l.Linked).Select(l => (l.Relation, l.Document.DocId, l.Other?.DocId)).ToList();

    private static List<(string Relation, string Doc, string? Other)> Missed(DocumentLinker.Result result) =>
        result.Links.Where(l => !l.Linked).Select(l => (l.Relation, l.Document.DocId, l.Other?.DocId)).ToList();

    [Fact]
    public void A_key_s_budget_and_final_of_a_year_pair_up_and_its_years_follow_each_other()
    {
        var docs = new[]
        {
            Doc("b23", "武汉市江汉区融媒体中心", 2023, "budget"),
            Doc("f23", "江汉区融媒体中心", 2023, "final"),
            Doc("f24", "江汉区融媒体中心（本级）", 2024, "final"),
            Doc("other", "武汉市江汉区城市管理局", 2024, "final"),
        };
        var result = DocumentLinker.Link(docs);
        Assert.Equal(
            [(LinkRelation.BudgetFinal, "f23", "b23"), (LinkRelation.PreviousYear, "f24", "f23")],
            Linked(result));
        // One group for the key's three documents, one for the other department.
        Assert.Equal([["b23", "f23", "f24"], ["other"]], result.Groups.Select(g => g.Select(d => d.DocId).ToArray()).ToArray());
    }

    [Fact]
    public void A_final_pairs_with_the_budget_of_its_own_scope_when_there_is_one()
    {
        var docs = new[]
        {
            Doc("dept-budget", "上海市普陀区司法局", 2026, "budget", DepartmentTitles),
            Doc("unit-budget", "上海市普陀区司法局", 2026, "budget", UnitTitles),
            Doc("dept-final", "上海市普陀区司法局", 2026, "final"),
        };
        var linked = Linked(DocumentLinker.Link(docs));
        Assert.Contains((LinkRelation.BudgetFinal, "dept-final", "dept-budget"), linked);
        Assert.DoesNotContain((LinkRelation.BudgetFinal, "dept-final", "unit-budget"), linked);
        // The 单位 budget under the department's own name is its 本级 unit.
        Assert.Contains((LinkRelation.DepartmentUnit, "dept-budget", "unit-budget"), linked);
    }

    [Fact]
    public void A_mapped_unit_is_linked_to_its_department_and_the_same_disclosure_twice_is_a_duplicate()
    {
        var map = Map("name,key,department\n武汉市江汉区样例服务中心,,江汉区样例局\n");
        var docs = new[]
        {
            Doc("dept", "武汉市江汉区样例局", 2024, "budget", DepartmentTitles, map),
            Doc("centre", "武汉市江汉区样例服务中心", 2024, "budget", UnitTitles, map),
            Doc("centre-again", "江汉区样例服务中心", 2024, "budget", UnitTitles, map),
        };
        var result = DocumentLinker.Link(docs);
        Assert.Equal(
        [
            (LinkRelation.DepartmentUnit, "dept", "centre"), (LinkRelation.DepartmentUnit, "dept", "centre-again"),
            (LinkRelation.Duplicate, "centre", "centre-again"),
        ], Linked(result));
        Assert.Single(result.Groups);
    }

    [Fact]
    public void Documents_that_almost_pair_are_listed_as_near_misses()
    {
        var docs = new[]
        {
            Doc("final-2024", "国家信访局", 2024, "final"),
            Doc("budget-2026", "国家信访局", 2026, "budget"),
            Doc("lonely-unit", "上海市财政局", 2025, "budget", UnitTitles),
            Doc("jiangsu-rendaban-2019-dept-budget-be0b8f93", "江苏省人大常委会办公厅", 2019, "budget"),
            Doc("jiangsu-rendaban-2019-dept-budget-tables-2baf474e", "", 2019, "budget"),
            Doc("a", "上海市普陀区司法局", 2026, "budget"),
            Doc("b", "舟山市普陀区司法局", 2025, "budget"),
            Doc("c", "上海市普陀区司法局公证处", 2026, "budget"),
        };
        var missed = Missed(DocumentLinker.Link(docs));
        Assert.Contains((LinkRelation.YearGap, "final-2024", "budget-2026"), missed);
        Assert.Contains((LinkRelation.UnitWithoutDepartment, "lonely-unit", null), missed);
        Assert.Contains((LinkRelation.NoDepartmentName, "jiangsu-rendaban-2019-dept-budget-tables-2baf474e", "jiangsu-rendaban-2019-dept-budget-be0b8f93"), missed);
        Assert.Contains((LinkRelation.AmbiguousKey, "a", "b"), missed);
        // 普陀区司法局 and 普陀区司法局公证处 share 5 of their 5 and 8 character pairs: Dice 10/13.
        Assert.Contains((LinkRelation.SimilarName, "a", "c"), missed);
        // A year gap is listed once, from the first document of the pair.
        Assert.Single(missed, m => m.Relation == LinkRelation.YearGap && (m.Doc == "budget-2026" || m.Other == "budget-2026"));
    }

    [Fact]
    public void Common_character_pairs_alone_do_not_make_names_alike()
    {
        var docs = new[] { Doc("a", "上海市普陀区司法局", 2026, "budget"), Doc("b", "上海市静安区司法局", 2026, "budget") };
        Assert.DoesNotContain(DocumentLinker.Link(docs).Links, l => l.Relation == LinkRelation.SimilarName);
    }
}
