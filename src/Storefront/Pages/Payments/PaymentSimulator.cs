using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Storefront.Pages.Payments;

/// <summary>
/// The demo's payment simulator on the shop's own host: Midtrans' Core API under /simulasi/midtrans (the
/// shop's Midtrans client calls it over HTTP, as it would call Midtrans), and the buyer's "pay" button,
/// which sends the shop the signed HTTP notification Midtrans would. Mapped only when Midtrans:Simulator is on.
/// </summary>
public static class PaymentSimulator
{
    public const string ApiPath = "/simulasi/midtrans";

    public static IServiceCollection AddPaymentSimulator(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(PaymentSimulator), c => c.Timeout = TimeSpan.FromSeconds(30));
        // Built on first use: the simulator it needs exists only when Midtrans:Simulator is on, and
        // Development's start-up check of every registration must not ask for it otherwise.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SimulatorNotifier>(sp));
        return services;
    }

    public static WebApplication MapPaymentSimulator(this WebApplication app)
    {
        var simulator = app.Services.GetService<MidtransSimulator>();
        if (simulator is null) return app;
        var options = app.Services.GetRequiredService<MidtransOptions>();
        var notifier = app.Services.GetRequiredService<SimulatorNotifier>();
        // The shop calls itself: its own listening address, known once Kestrel listens.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var own = OwnAddress(app.Services.GetRequiredService<IServer>());
            if (own is null) return;
            notifier.ShopAddress = own;
            var baseUrl = own + ApiPath;
            simulator.BaseUrl = baseUrl;
            simulator.AppLink = t => $"{own}/simulasi/bayar/{Uri.EscapeDataString(t.OrderId)}";
            options.ApiBase = baseUrl;
            // Recorded, not warned: the demo starts quietly and every simulated page says so to its users.
            app.Logger.SimulatorOn(baseUrl);
        });
        app.Map(ApiPath + "/v2/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var (status, answer) = simulator.Answer(http.Request.Method, http.Request.Path.Value![ApiPath.Length..], body, http.Request.Headers.Authorization.FirstOrDefault());
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(answer, "application/json", Encoding.UTF8, status);
        }).DisableAntiforgery();
        return app;
    }

    /// <summary>The first address the server listens on, with a wildcard host read as the loopback.</summary>
    static string? OwnAddress(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.OrderBy(a => a.StartsWith("https", StringComparison.Ordinal)).FirstOrDefault();
        if (first is null) return null;
        var uri = new Uri(first.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"));
        return uri.GetLeftPart(UriPartial.Authority);
    }
}

/// <summary>Sends the shop Midtrans' HTTP notification for a transaction, retried a little as Midtrans retries.</summary>
public sealed class SimulatorNotifier(MidtransSimulator simulator, IHttpClientFactory clients, ILogger<SimulatorNotifier> log)
{
    public string? ShopAddress { get; set; }

    /// <summary>The shop's answer (HTTP status) to the notification, or null when it could not be reached.</summary>
    public async Task<int?> NotifyAsync(string orderId, CancellationToken ct)
    {
        if (ShopAddress is null) return null;
        var http = clients.CreateClient(nameof(PaymentSimulator));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new StringContent(simulator.SignedNotification(orderId), Encoding.UTF8, "application/json");
                using var answer = await http.PostAsync(ShopAddress + "/midtrans/notification", content, ct);
                if ((int)answer.StatusCode < 500 || attempt == 3) return (int)answer.StatusCode;
            }
            catch (HttpRequestException e)
            {
                log.NotificationLost(e, orderId);
                if (attempt == 3) return null;
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }
    }
}
