namespace PasKreatif.Domain.Tests;

public class PercentTests
{
    [Theory]
    [InlineData("10", 10)]
    [InlineData("2,5", 2.5)]
    [InlineData("2.5", 2.5)]
    [InlineData(" 7,25 % ", 7.25)]
    [InlineData("0", 0)]
    [InlineData("99,99", 99.99)]
    [InlineData("100", 100)] // read as typed; the group's rule says it is too much
    public void Typed_percentages_are_read_with_a_decimal_comma_or_point(string typed, decimal expected)
    {
        Assert.True(Percent.TryParse(typed, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("-5")]
    [InlineData("1.000,5")]
    [InlineData("2,5,0")]
    [InlineData(",5")]
    [InlineData("5.")]
    [InlineData("1e2")]
    [InlineData("lima")]
    [InlineData("\u0665")] // an Arabic-Indic five
    [InlineData("1234567890123")]
    public void Anything_else_is_refused_not_guessed(string? typed) => Assert.False(Percent.TryParse(typed, out _));
}
