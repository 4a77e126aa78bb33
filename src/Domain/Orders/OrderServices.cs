using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.People;

namespace PasKreatif.Orders;

public static class OrderServices
{
    /// <summary>Cart, checkout, order states, handovers, payments and refunds as the order keeps them.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<OrderOptions>(configuration, OrderOptions.Section);
        services.AddScoped<IBuyerOrders, BuyerOrders>();
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
        services.AddScoped<RefundDesk>();
        services.AddScoped<OrderExpiryJob>();
        services.AddScoped<OrderFollowUpJob>();
        return services;
    }
}
