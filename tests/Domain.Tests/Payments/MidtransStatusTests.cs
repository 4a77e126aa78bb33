using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Domain.Tests.Payments;

public class MidtransStatusTests
{
    [Theory]
    [InlineData("settlement", "accept", GatewayState.Paid)]
    [InlineData("capture", "accept", GatewayState.Paid)]
    [InlineData("capture", "challenge", GatewayState.Waiting)]
    [InlineData("capture", "deny", GatewayState.Waiting)]
    [InlineData("pending", "accept", GatewayState.Waiting)]
    [InlineData("expire", null, GatewayState.Expired)]
    [InlineData("cancel", null, GatewayState.Failed)]
    [InlineData("deny", "deny", GatewayState.Failed)]
    [InlineData("failure", null, GatewayState.Failed)]
    [InlineData("refund", null, GatewayState.Refunded)]
    [InlineData("partial_refund", null, GatewayState.Refunded)]
    [InlineData("chargeback", null, GatewayState.Unknown)]
    [InlineData(null, null, GatewayState.Unknown)]
    public void Each_Midtrans_status_means_one_thing_to_the_shop(string? status, string? fraud, GatewayState expected) =>
        Assert.Equal(expected, MidtransStatus.Map(status, fraud));

    // SHA-512 of "PK261202-ABCDEF-1a2b3c" + "200" + "25000.00" + "SB-Mid-server-example", computed outside .NET.
    const string Known = "3b33ec80d6f13ccc84dbd4720b0f7e99b309e64dba5e7356d90edb8db8942993b5e1b4eee1c500be54da6d70265efa50fa899c2386c572062172d00b58b31d53";

    [Fact]
    public void The_signature_is_the_SHA512_of_order_status_code_amount_and_server_key()
    {
        Assert.Equal(Known, MidtransStatus.Signature("PK261202-ABCDEF-1a2b3c", "200", "25000.00", "SB-Mid-server-example"));
        Assert.True(MidtransStatus.IsSigned("PK261202-ABCDEF-1a2b3c", "200", "25000.00", Known, "SB-Mid-server-example"));
        Assert.True(MidtransStatus.IsSigned("PK261202-ABCDEF-1a2b3c", "200", "25000.00", Known.ToUpperInvariant(), "SB-Mid-server-example"));
    }

    [Theory]
    [InlineData("PK261202-ABCDEF-000000", "200", "25000.00", "SB-Mid-server-example")]
    [InlineData("PK261202-ABCDEF-1a2b3c", "201", "25000.00", "SB-Mid-server-example")]
    [InlineData("PK261202-ABCDEF-1a2b3c", "200", "25000", "SB-Mid-server-example")]
    [InlineData("PK261202-ABCDEF-1a2b3c", "200", "2500.00", "SB-Mid-server-example")]
    [InlineData("PK261202-ABCDEF-1a2b3c", "200", "25000.00", "SB-Mid-server-other")]
    [InlineData("PK261202-ABCDEF-1a2b3c", "200", "25000.00", "")]
    public void Any_changed_part_or_a_missing_key_breaks_the_signature(string order, string code, string amount, string key) =>
        Assert.False(MidtransStatus.IsSigned(order, code, amount, Known, key));

    [Fact]
    public void A_missing_signature_is_never_valid() =>
        Assert.False(MidtransStatus.IsSigned("PK261202-ABCDEF-1a2b3c", "200", "25000.00", null, "SB-Mid-server-example"));

    [Fact]
    public void Wallets_and_QRIS_refund_through_Midtrans_and_virtual_accounts_do_not()
    {
        Assert.All(new[] { PaymentMethod.Qris, PaymentMethod.GoPay, PaymentMethod.ShopeePay }, m => Assert.True(MidtransChannel.Of(m)!.Refundable));
        Assert.All(new[] { PaymentMethod.BcaVirtualAccount, PaymentMethod.BniVirtualAccount, PaymentMethod.BriVirtualAccount, PaymentMethod.MandiriBill, PaymentMethod.PermataVirtualAccount },
            m => Assert.False(MidtransChannel.Of(m)!.Refundable));
        Assert.Null(MidtransChannel.Of(PaymentMethod.Card));
        Assert.Equal(8, MidtransChannel.All.Select(c => c.Method).Distinct().Count());
    }
}
