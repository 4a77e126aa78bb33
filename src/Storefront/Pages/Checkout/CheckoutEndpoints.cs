using Hangfire;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Payments.Midtrans;
using PasKreatif.Storefront.Pages.Cart;
using PasKreatif.Storefront.Pages.Payments;

namespace PasKreatif.Storefront.Pages.Checkout;

public static class CheckoutEndpoints
{
    public static string OrderPollPath(string token) => $"/pesanan/{token}/status";

    public static IServiceCollection AddCheckout(this IServiceCollection services) => services.AddCartMergeOnSignIn().AddPaymentSimulator();

    /// <summary>Stripe's webhook, the expiry of unpaid orders and the orders' follow-ups (refunds to send, sessions to close, mail).</summary>
    public static WebApplication MapCheckout(this WebApplication app)
    {
        app.MapPost("/stripe/webhook", async (HttpRequest request, StripeWebhook webhook, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var payload = await reader.ReadToEndAsync(ct);
            var outcome = await webhook.HandleAsync(payload, request.Headers["Stripe-Signature"].FirstOrDefault(), ct);
            // Anything but a forged or stale call is answered 200, so Stripe stops retrying what changes nothing.
            return outcome == WebhookOutcome.BadSignature ? Results.BadRequest() : Results.Ok(new { outcome = outcome.ToString() });
        }).DisableAntiforgery();
        app.MapPost("/midtrans/notification", async (HttpRequest request, MidtransNotifications notifications, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var outcome = await notifications.HandleAsync(await reader.ReadToEndAsync(ct), ct);
            // Replays, reordering and strangers' transactions are answered 200 so Midtrans stops sending them;
            // a forged call is refused; a status Midtrans could not confirm is asked for again.
            // (Always with a body: the shop's status pages would otherwise re-run this POST as a page.)
            var status = outcome switch
            {
                NotificationOutcome.BadSignature or NotificationOutcome.Malformed => StatusCodes.Status400BadRequest,
                NotificationOutcome.RetryLater => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status200OK,
            };
            return Results.Json(new { outcome = outcome.ToString() }, statusCode: status);
        }).DisableAntiforgery();
        // The order page's small poll: the status only, never cached.
        app.MapGet(OrderPollPath("{token}"), async (string token, HttpResponse response, OrderQueries orders, CancellationToken ct) =>
        {
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return await orders.StatusByTokenAsync(token, ct) is { } status ? Results.Ok(new { status = status.ToString() }) : Results.NotFound();
        });
        app.MapPaymentSimulator(); // the demo's stand-in for Midtrans, only when Midtrans:Simulator is on
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        OrderExpiryJob.Schedule(jobs);
        OrderFollowUpJob.Schedule(jobs);
        return app;
    }
}
