using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Ledger;

public static class LedgerServices
{
    /// <summary>What each maker earned and was paid: the ledger, its balances and payouts.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<RevenueLedger>();
        services.AddScoped<MakerEarnings>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<PayoutDesk>();
        return services;
    }
}
