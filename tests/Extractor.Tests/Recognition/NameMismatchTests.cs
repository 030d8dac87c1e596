using Extractor.Recognition;

namespace Extractor.Tests.Recognition;

public sealed class NameMismatchTests
{
    private static DocumentMetadata Final(string year) => new("某局", year, "final", "", "万元");
    private static DocumentMetadata Budget(string year) => new("某局", year, "budget", "", "万元");

    [Fact]
    public void A_final_account_filed_as_a_budget_of_another_year_is_read_by_its_content_with_warnings()
    {
        var warnings = DocumentExtractor.NameMismatches("/x/2026年佛山市交通运输局部门预算.pdf", Final("2019")).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("决算") && w.Contains("final account"));
        Assert.Contains(warnings, w => w.Contains("2026") && w.Contains("2019"));
    }

    [Fact]
    public void A_file_named_for_what_it_is_gets_no_warning()
    {
        Assert.Empty(DocumentExtractor.NameMismatches("/x/national-xinfangju-2024-dept-final.pdf", Final("2024")));
        Assert.Empty(DocumentExtractor.NameMismatches("/x/2026年长沙市信访局部门预算.pdf", Budget("2026")));
        Assert.Empty(DocumentExtractor.NameMismatches("/x/report.pdf", Budget("2026")));
    }
}
