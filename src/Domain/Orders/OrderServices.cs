using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PasKreatif.People;
using PasKreatif.Payments;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Orders;

public static class OrderServices
{
    /// <summary>Cart, checkout, order states, handovers, refunds, payment methods and the Stripe webhook.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<OrderOptions>(configuration, OrderOptions.Section);
        services.AddScoped<IBuyerOrders, BuyerOrders>();
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
