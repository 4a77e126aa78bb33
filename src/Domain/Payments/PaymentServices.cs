using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PasKreatif.Orders;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Payments;

public static class PaymentServices
{
    /// <summary>Payment methods and their gateways (Stripe, Midtrans), gateway transactions and refunds, and the gateways' webhooks.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StripeOptions>(configuration, StripeOptions.Section);
        services.AddSingleton<IPaymentMethod, StripeCardPayment>();
        services.AddSingleton<IPaymentMethod, BankTransferPayment>();
        services.AddSingleton<IPaymentMethod, CashOnPickupPayment>();
        services.AddSettings<MidtransOptions>(configuration, MidtransOptions.Section);
        // The demo's simulator is a service of its own, so whether it runs is read while registering; refused beside real keys.
        if (configuration.ReadSettings<MidtransOptions>(MidtransOptions.Section).StartSimulator() is { } simulator)
        {
            services.AddSingleton(simulator);
            services.PostConfigure<MidtransOptions>(o => o.UseSimulator(simulator));
        }
        // One long-lived client; connections are renewed so a changed address at Midtrans is followed.
        services.AddSingleton(s => new MidtransClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            { Timeout = TimeSpan.FromSeconds(30) }, s.GetRequiredService<MidtransOptions>()));
        foreach (var channel in MidtransChannel.All)
            services.AddSingleton<IPaymentMethod>(s => new MidtransPayment(channel, s.GetRequiredService<MidtransClient>(), s.GetRequiredService<MidtransOptions>(),
                s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILogger<MidtransPayment>>()));
        services.AddSingleton<PaymentMethods>();
        services.AddScoped<PaymentAttempts>();
        services.AddScoped<GatewayRefunds>();
        // Orders reach the methods and gateways through their own small interfaces, on the same scoped context.
        services.AddSingleton<IPaymentChoices>(s => s.GetRequiredService<PaymentMethods>());
        services.AddScoped<IGatewayWork, GatewayWork>();
        services.AddScoped<StripeWebhook>();
        services.AddScoped<MidtransNotifications>();
        return services;
    }
}
