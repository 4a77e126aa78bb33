using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PasKreatif.Orders;

namespace PasKreatif.Payments.Midtrans;

/// <summary>
/// One Midtrans channel (QRIS, an e-wallet, a bank's virtual account) as a payment method and its
/// gateway: a Core API charge with the order's own deadline as custom expiry, cancelled when the order
/// closes, refunded through Midtrans where the channel allows it.
/// </summary>
public sealed class MidtransPayment(MidtransChannel channel, MidtransClient client, MidtransOptions options, TimeProvider clock, ILogger<MidtransPayment> log)
    : IPaymentMethod, IPaymentGateway
{
    public MidtransChannel Channel => channel;
    public PaymentMethod Method => channel.Method;
    public bool IsAvailable => options.IsConfigured;

    public TimeSpan ShortestAttempt => TimeSpan.FromMinutes(5);
    public TimeSpan LongestAttempt => channel.IsVirtualAccount ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    public DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions orderOptions) =>
        channel.IsVirtualAccount ? placedAt.AddHours(orderOptions.VirtualAccountHours) : placedAt.AddMinutes(orderOptions.EWalletPaymentMinutes);

    public async Task<PaymentStart> StartAsync(Order order, Payment payment, string statusUrl, DateTimeOffset payBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)); // Midtrans counts whole seconds from order_time
        var seconds = Math.Max(60, (long)Math.Floor((payBy - now).TotalSeconds));
        // Each transaction needs an order_id of its own: a restarted payment opens a new one.
        var reference = $"{order.Number}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
        var answer = await client.ChargeAsync(Charge(order, reference, now, seconds, statusUrl), ct);
        var pay = new PaymentInstructions(answer.QrString, answer.ActionUrl("deeplink-redirect"), answer.PayCode, answer.BillerCode);
        var until = now.AddSeconds(seconds);
        log.MidtransOpened(order.Number, channel.PaymentType, reference, until);
        return new PaymentStart(RedirectUrl: null, reference, until, pay);
    }

    MidtransCharge Charge(Order order, string reference, DateTimeOffset now, long seconds, string statusUrl)
    {
        var gross = decimal.ToInt64(decimal.Ceiling(order.Total.Amount));
        var items = order.Lines.Select(l => new MidtransItem($"L{l.Id}", decimal.ToInt64(l.UnitPrice.Amount), l.Quantity, Shorten(l.Title))).ToList();
        if (order.DeliveryTotal > Money.Zero) items.Add(new MidtransItem("delivery", decimal.ToInt64(order.DeliveryTotal.Amount), 1, "Ongkos kirim"));
        // Midtrans refuses item lists that do not add up to the gross amount; they are optional.
        var itemList = items.Sum(i => i.Price * i.Quantity) == gross ? items : null;
        return new MidtransCharge(
            channel.PaymentType,
            new MidtransTransactionDetails(reference, gross),
            new MidtransCustomExpiry(MidtransClient.WibTime(now), seconds, "second"),
            new MidtransCustomer(Shorten(order.BuyerName), order.BuyerEmail, order.BuyerPhone),
            itemList,
            BankTransfer: channel.PaymentType == "bank_transfer" ? new MidtransBankTransfer(channel.Bank!) : null,
            Echannel: channel.PaymentType == "echannel" ? new MidtransEchannel("Pesanan", order.Number) : null,
            Qris: channel.PaymentType == "qris" ? new MidtransQris("gopay") : null,
            Gopay: channel.PaymentType == "gopay" ? new MidtransGopay(true, statusUrl) : null,
            Shopeepay: channel.PaymentType == "shopeepay" ? new MidtransShopeepay(statusUrl) : null);
    }

    static string Shorten(string text) => text.Length <= 50 ? text : text[..50];

    public async Task<AttemptClosing> CloseAttemptAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        try
        {
            var cancel = await client.CancelAsync(attempt.Reference, ct);
            if (cancel.StatusCode == "200" && cancel.TransactionStatus == "cancel") return AttemptClosing.Closed;
            // Midtrans refuses to cancel what is paid, expired or unknown to it: ask which.
            var status = await client.StatusAsync(attempt.Reference, ct);
            return status?.State switch
            {
                null or GatewayState.Expired or GatewayState.Failed => AttemptClosing.Closed,
                GatewayState.Paid or GatewayState.Refunded => AttemptClosing.AlreadyPaid,
                _ => AttemptClosing.Failed,
            };
        }
        catch (MidtransException e)
        {
            log.MidtransNotCancelled(e, attempt.Reference);
            return AttemptClosing.Failed;
        }
    }

    public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken ct)
    {
        if (!channel.Refundable) return new GatewayRefund(GatewayRefundOutcome.NotSupported, Error: $"Midtrans cannot refund {channel.PaymentType}");
        try
        {
            var answer = await client.RefundAsync(request.PaymentReference, request.IdempotencyKey, request.Amount, "PAS Kreatif", ct);
            return answer.StatusCode switch
            {
                "200" => new GatewayRefund(GatewayRefundOutcome.Sent, answer.RefundKey ?? request.IdempotencyKey),
                // Refused for good (past the provider's refund window, not refundable): an officer sends it by transfer.
                "412" or "413" or "414" or "418" or "400" or "404" => new GatewayRefund(GatewayRefundOutcome.NotSupported, Error: $"{answer.StatusCode} {answer.StatusMessage}"),
                _ => new GatewayRefund(GatewayRefundOutcome.Failed, Error: $"Midtrans refund {answer.StatusCode} {answer.StatusMessage}"),
            };
        }
        catch (MidtransException e)
        {
            log.MidtransRefundFailed(e, request.PaymentReference);
            return new GatewayRefund(GatewayRefundOutcome.Failed, Error: e.Message);
        }
    }
}
