using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.People;

/// <summary>The People folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class PeopleTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<BuyerAddress> BuyerAddresses => db.Set<BuyerAddress>();
    }
}
