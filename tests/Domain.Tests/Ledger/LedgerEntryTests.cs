using PasKreatif.Ledger;

namespace PasKreatif.Domain.Tests.Ledger;

public class LedgerEntryTests
{
    [Theory]
    [InlineData(LedgerEntryKind.Credit, 1000)]
    [InlineData(LedgerEntryKind.Reversal, -1000)]
    [InlineData(LedgerEntryKind.Payout, -1000)]
    [InlineData(LedgerEntryKind.PayoutReversal, 1000)]
    public void The_kind_gives_the_sign(LedgerEntryKind kind, decimal signed) =>
        Assert.Equal(signed, new LedgerEntry { Kind = kind, Amount = Money.Of(1000) }.SignedAmount.Amount);

    [Fact]
    public void Balance_is_credits_less_reversals_less_payouts()
    {
        LedgerEntry[] entries =
        [
            new() { Kind = LedgerEntryKind.Credit, Amount = Money.Of(100_000) },
            new() { Kind = LedgerEntryKind.Credit, Amount = Money.Of(50_000) },
            new() { Kind = LedgerEntryKind.Reversal, Amount = Money.Of(50_000) },
            new() { Kind = LedgerEntryKind.Payout, Amount = Money.Of(60_000) },
            new() { Kind = LedgerEntryKind.PayoutReversal, Amount = Money.Of(10_000) },
        ];
        Assert.Equal(Money.Of(50_000), Money.Sum(entries.Select(e => e.SignedAmount)));
    }
}
