using Hangfire;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Storefront.Pages.Cart;

namespace PasKreatif.Storefront.Pages.Checkout;

public static class CheckoutEndpoints
{
    public static IServiceCollection AddCheckout(this IServiceCollection services) => services.AddCartMergeOnSignIn();

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
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        OrderExpiryJob.Schedule(jobs);
        OrderFollowUpJob.Schedule(jobs);
        return app;
    }
}
