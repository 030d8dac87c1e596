using Extractor.Checks;
using Extractor.Pdf;
using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

/// <summary>Two amounts and the rate between them in one sentence, checked by their own arithmetic.</summary>
public sealed class NarrativeComparisonChecksTests
{
    private static IReadOnlyList<CheckResult> Run(string sentence)
    {
        var line = new TextLine(sentence, new Box(0, 100, 500, 110), [sentence], []);
        return NarrativeComparisonChecks.Run(NarrativeText.Read([new PageText(6, [line])]));
    }

    [Fact]
    public void A_rate_that_matches_its_amounts_passes()
    {
        var check = Assert.Single(Run("2025年当年预算执行数为2149.45万元，2026年预算安排2170.39万元，比2025年预算执行数增加0.97%。"));
        Assert.Equal(("narrative.comparison", CheckStatus.Pass), (check.Id, check.Status));
        Assert.Equal([6], check.Pages);
    }

    [Fact]
    public void The_rate_the_reviewers_found_wrong_fails()
    {
        // 1434.89 against 1690.69 is 15.13% less, not 1.10% (the bureau's checklist of the 司法局 2026 unit budget).
        var check = Assert.Single(Run("2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%。"));
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("-15.13%", check.Message);
        Assert.StartsWith("1690.69万元", check.Quote);
    }

    [Fact]
    public void A_rate_whose_word_has_the_wrong_sign_fails()
    {
        var check = Assert.Single(Run("2025年当年预算执行数为57.43万元，2026年预算安排57.8万元，比2025年预算执行数减少2.27%。"));
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("more than", check.Message);
    }

    [Fact]
    public void A_rate_rounding_of_small_amounts_explains_is_a_warning()
    {
        // 0.50 and 0.62 may each be off by 0.005: the rate may lie between 21.8% and 26.3%.
        Assert.Equal(CheckStatus.Warn, Assert.Single(Run("2025年当年预算执行数为0.50万元，2026年预算安排0.62万元，比2025年预算执行数增加22.22%。")).Status);
    }
}
