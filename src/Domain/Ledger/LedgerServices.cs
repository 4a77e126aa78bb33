using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Orders;

namespace PasKreatif.Ledger;

public static class LedgerServices
{
    /// <summary>What each maker earned and was paid: the ledger, its balances and payouts.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<RevenueLedger>();
        // Orders writes credits and reversals through its own small interfaces, on the same scoped context.
        services.AddScoped<IMakerCredits>(s => s.GetRequiredService<RevenueLedger>());
        services.AddScoped<IRefundReversals>(s => s.GetRequiredService<RevenueLedger>());
        services.AddScoped<MakerEarnings>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<PayoutDesk>();
        return services;
    }
}
