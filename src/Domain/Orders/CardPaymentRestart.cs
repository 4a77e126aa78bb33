using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>Starts a new Stripe Checkout for an unpaid card order (a failed card, a closed tab).</summary>
public sealed class CardPaymentRestart(MarketplaceDb db, PaymentMethods methods, ILogger<CardPaymentRestart> log)
{
    public async Task<string?> StartAsync(string token, string statusUrl, CancellationToken ct = default)
    {
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Payments)
            .SingleOrDefaultAsync(o => o.PublicToken == token && o.Status == OrderStatus.AwaitingPayment && o.PaymentMethod == PaymentMethod.Card, ct);
        if (order is null || !methods.IsAvailable(PaymentMethod.Card)) return null;
        var payment = order.Payments.OrderByDescending(p => p.Id).First();
        try
        {
            var url = await methods[PaymentMethod.Card].StartAsync(order, payment, statusUrl, ct);
            payment.Status = PaymentStatus.Pending;
            await db.SaveChangesAsync(ct);
            return url;
        }
        catch (Exception e) when (e is Stripe.StripeException or HttpRequestException)
        {
            log.LogWarning(e, "Card payment for {Number} could not be started again", order.Number);
            return null;
        }
    }
}
