using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PasKreatif.Payments;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Orders;

public static class OrderServices
{
    /// <summary>Cart, checkout, order states, handovers, refunds, payment methods and the Stripe webhook.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<OrderOptions>(configuration, OrderOptions.Section);
        services.AddSettings<StripeOptions>(configuration, StripeOptions.Section);
        services.AddSingleton<IPaymentMethod, StripeCardPayment>();
        services.AddSingleton<IPaymentMethod, BankTransferPayment>();
        services.AddSingleton<IPaymentMethod, CashOnPickupPayment>();
        // Read while registering: the demo's simulator is a service of its own, and it rewrites the server key.
        var midtrans = configuration.ReadSettings<MidtransOptions>("Midtrans");
        if (midtrans.StartSimulator() is { } simulator) services.AddSingleton(simulator);
        services.AddSingleton(midtrans);
        // One long-lived client; connections are renewed so a changed address at Midtrans is followed.
        services.AddSingleton(_ => new MidtransClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            { Timeout = TimeSpan.FromSeconds(30) }, midtrans));
        foreach (var channel in MidtransChannel.All)
            services.AddSingleton<IPaymentMethod>(s => new MidtransPayment(channel, s.GetRequiredService<MidtransClient>(), midtrans,
                s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILogger<MidtransPayment>>()));
        services.AddSingleton<PaymentMethods>();
        services.AddScoped<CartService>();
        services.AddScoped<MakerOrders>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<OrderWork>();
        services.AddScoped<OrderFollowUps>();
        services.AddScoped<OrderLifecycle>();
        services.AddScoped<Handovers>();
        services.AddScoped<OrderQueries>();
        services.AddScoped<OrderDesk>();
        services.AddScoped<OpenOrders>();
        services.AddScoped<OrderMail>();
        services.AddScoped<Mail.MailOutbox>();
        services.AddScoped<OfflinePaymentDesk>();
        services.AddScoped<PaymentAttempts>();
        services.AddScoped<RefundDesk>();
        services.AddScoped<OrderExpiryJob>();
        services.AddScoped<OrderFollowUpJob>();
        services.AddScoped<StripeWebhook>();
        services.AddScoped<MidtransNotifications>();
        return services;
    }
}
