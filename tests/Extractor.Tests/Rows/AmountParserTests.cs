using Extractor.Rows;

namespace Extractor.Tests.Rows;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("652.66", "652.66")]
    [InlineData("72.00", "72.00")]
    [InlineData("19,572.91", "19572.91")]
    [InlineData("87267272.44", "87267272.44")]
    [InlineData("10,096.054007", "10096.054007")]
    [InlineData("-12.30", "-12.30")]
    [InlineData("(12.30)", "-12.30")]
    [InlineData("（12.30）", "-12.30")]
    [InlineData("0", "0")]
    [InlineData("0.00", "0.00")]
    [InlineData("1 234.5", "1234.5")]
    public void Reads_the_value_exactly_as_printed(string printed, string expected)
    {
        Assert.Equal(AmountParser.Outcome.Value, AmountParser.TryParse(printed, out var value));
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("——")]
    public void A_blank_or_a_dash_is_no_value(string printed)
    {
        Assert.Equal(AmountParser.Outcome.Blank, AmountParser.TryParse(printed, out _));
    }

    [Theory]
    [InlineData("12.3.4")]
    [InlineData("详见附表")]
    [InlineData("1,23")]
    [InlineData("12%")]
    public void Anything_else_is_unreadable_not_guessed(string printed)
    {
        Assert.Equal(AmountParser.Outcome.Unreadable, AmountParser.TryParse(printed, out _));
    }
}
