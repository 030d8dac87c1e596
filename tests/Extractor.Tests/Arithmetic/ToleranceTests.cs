using Extractor.Checks;
using Extractor.Arithmetic;

namespace Extractor.Tests.Arithmetic;

public sealed class ToleranceTests
{
    [Theory]
    [InlineData("0", "0.01", "pass")]
    [InlineData("0.01", "0.01", "warn")]
    [InlineData("-0.01", "0.01", "warn")]
    [InlineData("0.02", "0.01", "fail")]
    public void Status_is_pass_when_equal_warn_within_rounding_and_fail_beyond(string difference, string tolerance, string expected)
    {
        Assert.Equal(expected, Tolerance.Status(decimal.Parse(difference, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Half_unit_follows_the_printed_decimals()
    {
        Assert.Equal(0.005m, Tolerance.HalfUnit(2));
        Assert.Equal(0.05m, Tolerance.HalfUnit(1));
        Assert.Equal(0.5m, Tolerance.HalfUnit(0));
        Assert.Equal(2, Tolerance.Scale(72.00m));
    }

    [Theory]
    [InlineData("万元", "1")]
    [InlineData("单位：万元", "1")]
    [InlineData("金额单位：元", "0.0001")]
    [InlineData("亿元", "10000")]
    public void Unit_factors_convert_to_wan_yuan(string unit, string factor)
    {
        Assert.Equal(decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture), Tolerance.UnitFactor(unit));
    }

    [Fact]
    public void A_share_that_rounds_right_passes_and_one_a_digit_off_fails()
    {
        var item = new Amount(466.39m, 0.005m);
        var total = new Amount(652.66m, 0.005m);
        Assert.Equal(CheckStatus.Pass, Tolerance.Ratio(71.5m, 1, item, total)!.Status);
        Assert.Equal(CheckStatus.Fail, Tolerance.Ratio(71.7m, 1, item, total)!.Status);
    }

    [Fact]
    public void A_share_cut_off_instead_of_rounded_is_within_rounding()
    {
        // 9746.50 / 9759.38 = 99.8680 %: rounds to 99.87, printed 99.86.
        var outcome = Tolerance.Ratio(99.86m, 2, new Amount(9746.50m, 0.005m), new Amount(9759.38m, 0.005m))!;
        Assert.Equal(CheckStatus.Warn, outcome.Status);
        Assert.True(outcome.Truncated);
        Assert.Equal(CheckStatus.Fail, Tolerance.Ratio(99.85m, 2, new Amount(9746.50m, 0.005m), new Amount(9759.38m, 0.005m))!.Status);
    }

    [Fact]
    public void The_rounding_of_the_amounts_widens_a_rate_of_small_figures()
    {
        // 0.87 / 3: a budget printed "3" may be 2.5 … 3.5, so 29% and even 30% are within rounding; 40% is not.
        Assert.Equal(CheckStatus.Pass, Tolerance.Ratio(29m, 0, new Amount(0.87m, 0.005m), new Amount(3m, 0.5m))!.Status);
        Assert.Equal(CheckStatus.Warn, Tolerance.Ratio(30m, 0, new Amount(0.87m, 0.005m), new Amount(3m, 0.5m))!.Status);
        Assert.Equal(CheckStatus.Fail, Tolerance.Ratio(40m, 0, new Amount(0.87m, 0.005m), new Amount(3m, 0.5m))!.Status);
        Assert.Null(Tolerance.Ratio(0m, 0, new Amount(0m, 0.005m), new Amount(0m, 0.005m)));
    }
}
