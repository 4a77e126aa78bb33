using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PasKreatif.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MarketplaceDb>
{
    public MarketplaceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MarketplaceDb>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace") ?? "Host=127.0.0.1;Database=design_time")
            .Options);
}
