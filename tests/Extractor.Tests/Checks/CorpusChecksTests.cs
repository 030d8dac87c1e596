using Extractor.Checks;
using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

/// <summary>
/// The altered copy of the 普陀区财政局 final accounts (GovBudgetChecker's "测试问题版本") against the original: the
/// checks fail where the copy was altered and pass there on the original. Needs ../shared/corpus/real (see <see cref="Prerequisites"/>).
/// </summary>
public sealed class CorpusChecksTests
{
    private const string Original = "shanghai-putuo-czj-2024-dept-final.pdf";
    private const string Modified = "shanghai-putuo-czj-2024-dept-final-MODIFIED.pdf";

    private static IReadOnlyList<CheckResult> Checks(string file)
    {
        var path = Prerequisites.CorpusFile(file);
        return DocumentExtractor.Default.Extract(File.ReadAllBytes(path), path).Checks;
    }

    [Fact]
    public void The_altered_copy_fails_where_the_original_passes()
    {
        var original = Checks(Original);
        var modified = Checks(Modified);

        // 收入支出总计 changed to 0; 决算数大于/等于预算数 against the amounts; GK09 budget row blanked.
        foreach (var id in new[] { "narrative.GK01.grand_total", "narrative.GK05.item_direction.2010601", "narrative.GK05.item_direction.2101101", "narrative.GK09.total_budget" })
        {
            Assert.Equal(CheckStatus.Fail, CheckTables.Single(modified, id).Status);
            Assert.Equal(CheckStatus.Pass, CheckTables.Single(original, id).Status);
        }
        // GK03 was removed from the copy.
        Assert.Equal(CheckStatus.Skipped, CheckTables.Single(modified, "GK01-GK03.total").Status);
        Assert.Equal(CheckStatus.Pass, CheckTables.Single(original, "GK01-GK03.total").Status);
    }
}
