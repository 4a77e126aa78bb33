using System.Globalization;

namespace PasKreatif.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData(25000, "Rp25.000")]
    [InlineData(0, "Rp0")]
    [InlineData(1500000, "Rp1.500.000")]
    [InlineData(999, "Rp999")]
    [InlineData(-12500, "-Rp12.500")]
    public void Rupiah_are_written_the_Indonesian_way(decimal amount, string expected) =>
        Assert.Equal(expected, Money.Of(amount).ToString());

    [Fact]
    public void Amounts_are_whole_rupiah() => Assert.Equal(1251m, Money.Of(1250.5m).Amount);

    [Theory]
    [InlineData(100000, 0, 100000)]
    [InlineData(100000, 5, 95000)]
    [InlineData(33333, 10, 30000)]
    [InlineData(25001, 2.5, 24376)]
    public void A_fee_leaves_the_rest_rounded_to_whole_rupiah(decimal amount, decimal percent, decimal expected) =>
        Assert.Equal(expected, Money.Of(amount).LessPercent(percent).Amount);

    [Fact]
    public void Arithmetic_and_sums_work_on_amounts()
    {
        var price = Money.Of(12_500);
        Assert.Equal(Money.Of(37_500), price * 3);
        Assert.Equal(Money.Of(50_000), Money.Sum([price, price, Money.Of(25_000)]));
        Assert.True(price - Money.Of(20_000) < Money.Zero);
        Assert.Equal(Money.Zero, Money.Sum([]));
    }

    [Theory]
    [InlineData("100000", 100_000)]
    [InlineData("100.000", 100_000)]
    [InlineData("Rp100.000", 100_000)]
    [InlineData("Rp 100.000", 100_000)]
    [InlineData("rp. 1.250.000", 1_250_000)]
    [InlineData("  25000 ", 25_000)]
    [InlineData("0", 0)]
    [InlineData("999.999.999.999", 999_999_999_999)]
    public void Typed_rupiah_are_read_one_way(string typed, decimal expected)
    {
        Assert.Equal(MoneyProblem.None, Money.TryParse(typed, out var amount));
        Assert.Equal(expected, amount.Amount);
    }

    [Theory]
    [InlineData("100,00", MoneyProblem.Fraction)]      // was read as Rp10.000
    [InlineData("100.000,50", MoneyProblem.Fraction)]
    [InlineData("100.5", MoneyProblem.Fraction)]
    [InlineData("-200", MoneyProblem.Negative)]        // was read as Rp200
    [InlineData("Rp-5.000", MoneyProblem.Negative)]
    [InlineData("1e9", MoneyProblem.Exponent)]         // was read as Rp19
    [InlineData("2E+4", MoneyProblem.Exponent)]
    [InlineData("１００.０００", MoneyProblem.NonAsciiDigit)] // full-width digits gave a 500
    [InlineData("١٠٠", MoneyProblem.NonAsciiDigit)]
    [InlineData("", MoneyProblem.Empty)]
    [InlineData("   ", MoneyProblem.Empty)]
    [InlineData(null, MoneyProblem.Empty)]
    [InlineData("Rp", MoneyProblem.Empty)]
    [InlineData("1.000.000.000.000", MoneyProblem.TooLarge)]
    [InlineData("99999999999999999999999999999999", MoneyProblem.TooLarge)]
    [InlineData("sepuluh ribu", MoneyProblem.Malformed)]
    [InlineData("1.00.000", MoneyProblem.Malformed)]
    [InlineData("10 000", MoneyProblem.Malformed)]
    [InlineData("+5000", MoneyProblem.Malformed)]
    [InlineData("$100", MoneyProblem.Malformed)]
    public void Anything_else_is_refused_with_its_reason(string? typed, MoneyProblem expected)
    {
        Assert.Equal(expected, Money.TryParse(typed, out var amount));
        Assert.Equal(Money.Zero, amount);
    }

    [Fact]
    public void Every_reason_has_a_message_in_Indonesian_and_English()
    {
        foreach (var problem in Enum.GetValues<MoneyProblem>())
        {
            var id = Money.Explain(problem, CultureInfo.GetCultureInfo("id"));
            var en = Money.Explain(problem, CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrWhiteSpace(id));
            Assert.False(string.IsNullOrWhiteSpace(en));
            if (problem != MoneyProblem.None) Assert.NotEqual(id, en);
        }
        Assert.Contains("tanpa sen", Money.Explain(MoneyProblem.Fraction, CultureInfo.GetCultureInfo("id")));
    }

    [Theory]
    [InlineData(100_000, 10, 90_000)]
    [InlineData(12_345, 10, 11_111)]  // 11.110,5 rounds half up
    [InlineData(100_000, 33.3, 66_700)]
    [InlineData(25_000, 33.3, 16_675)]
    [InlineData(15_015, 33.3, 10_015)] // 10.015,005: whole rupiah per line
    [InlineData(3, 33.3, 2)]           // 2,001
    [InlineData(1, 60, 0)]             // nothing is left to credit
    public void Group_fees_of_ten_and_a_third_percent_leave_whole_rupiah_rounded_half_up(decimal line, decimal fee, decimal credit) =>
        Assert.Equal(credit, Money.Of(line).LessPercent(fee).Amount);

    [Fact]
    public void Shares_of_a_credit_refunded_in_steps_add_up_to_the_whole_credit_and_never_beyond()
    {
        var credit = Money.Of(66_667);
        var first = credit.ShareOf(1, 3);
        var second = credit.ShareOf(2, 3) - first;
        var third = credit.ShareOf(3, 3) - credit.ShareOf(2, 3);
        Assert.Equal(Money.Of(22_222), first);
        Assert.Equal(credit, first + second + third);
        Assert.True(second > Money.Zero && third > Money.Zero);
    }
}
