using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Domain.Tests.Payments;

public class RefundRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    static Refund Transfer() =>
        Refund.Create(1, new Payment { Method = PaymentMethod.BankTransfer }, RefundRoute.BankTransfer, RefundReason.BuyerCancelled, null, null, Now,
            [RefundLine.Units(1, 1, 2, Money.Of(50_000))]);

    [Fact]
    public void A_transfer_back_waits_for_an_account_and_is_refunded_only_when_sent()
    {
        var refund = Transfer();
        Assert.Equal((RefundStatus.AwaitingAccount, Money.Of(50_000)), (refund.Status, refund.Amount));
        Assert.Equal("NoAccountYet", Assert.Throws<RefundRuleException>(() => refund.MarkSent("TRF-9", null, Now)).Code);
        refund.GiveAccount(" BRI ", "0123-01-000456-50-7", "Dewi Lestari", Now);
        Assert.Equal((RefundStatus.ToSend, "012301000456507"), (refund.Status, refund.AccountNumber));
        Assert.True(refund.MarkSent("TRF-9", Guid.NewGuid(), Now));
        Assert.False(refund.MarkSent("TRF-9", Guid.NewGuid(), Now)); // a second press changes nothing
        Assert.Equal("AlreadySent", Assert.Throws<RefundRuleException>(() => refund.GiveAccount("BNI", "12345678", "Dewi", Now)).Code);
    }

    [Theory]
    [InlineData("", "12345678", "Dewi", "BankRequired")]
    [InlineData("BRI", "1234", "Dewi", "AccountNumberInvalid")]
    [InlineData("BRI", "12345678x", "Dewi", "AccountNumberInvalid")]
    [InlineData("BRI", "１２３４５６７８", "Dewi", "AccountNumberInvalid")]
    [InlineData("BRI", "12345678", " ", "HolderRequired")]
    public void An_account_that_cannot_be_used_is_refused_with_its_field(string bank, string number, string holder, string code) =>
        Assert.Equal(code, Assert.Throws<RefundRuleException>(() => Transfer().GiveAccount(bank, number, holder, Now)).Code);

    [Fact]
    public void A_gateway_refund_needs_no_account_and_falls_back_to_a_transfer_when_the_gateway_cannot()
    {
        var refund = Refund.Create(1, new Payment { Method = PaymentMethod.Card }, RefundRoute.Gateway, RefundReason.LatePayment, null, null, Now, [], Money.Of(75_000));
        Assert.Equal(RefundStatus.ToSend, refund.Status);
        Assert.Equal("NoAccountNeeded", Assert.Throws<RefundRuleException>(() => refund.GiveAccount("BRI", "12345678", "Dewi", Now)).Code);
        refund.StartSending(Now);
        refund.RouteByTransfer();
        Assert.Equal((RefundRoute.BankTransfer, RefundStatus.AwaitingAccount), (refund.Route, refund.Status));
    }

    [Fact]
    public void Payments_count_only_money_that_went_back()
    {
        var payment = new Payment { Amount = Money.Of(100_000), Status = PaymentStatus.Succeeded };
        payment.AddRefunded(Money.Of(30_000));
        Assert.Equal((PaymentStatus.PartlyRefunded, Money.Of(30_000)), (payment.Status, payment.Refunded));
        payment.AddRefunded(Money.Of(70_000));
        Assert.Equal(PaymentStatus.Refunded, payment.Status);
    }

    [Fact]
    public void A_gateway_transaction_lives_until_the_orders_deadline_within_the_gateways_limits()
    {
        var gateway = new StripeCardPayment(new StripeOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<StripeCardPayment>.Instance);
        Assert.Equal(Now.AddMinutes(60), PaymentAttempts.PayBy(Now.AddMinutes(60), Now, gateway));
        Assert.Equal(Now.AddMinutes(32), PaymentAttempts.PayBy(Now.AddMinutes(5), Now, gateway)); // Stripe's 30 minutes, and a margin
        Assert.Equal(Now.AddHours(24).AddMinutes(-2), PaymentAttempts.PayBy(Now.AddDays(3), Now, gateway));
    }

    [Fact]
    public void A_negative_ledger_is_shown_as_an_amount_owed_never_as_a_negative_balance()
    {
        var owed = new LedgerBalance(Money.Of(-12_500));
        Assert.Equal((Money.Zero, Money.Of(12_500), true), (owed.Available, owed.Owed, owed.IsOwed));
        var fine = new LedgerBalance(Money.Of(40_000));
        Assert.Equal((Money.Of(40_000), Money.Zero, false), (fine.Available, fine.Owed, fine.IsOwed));
    }
}
