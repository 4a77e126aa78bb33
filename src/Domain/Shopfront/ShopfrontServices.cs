using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Shopfront;

public static class ShopfrontServices
{
    /// <summary>Public pages that join several features (a product with its trust).</summary>
    public static IServiceCollection AddShopfront(this IServiceCollection services) => services.AddScoped<ProductPages>();
}
