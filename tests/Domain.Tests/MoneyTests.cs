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
}
