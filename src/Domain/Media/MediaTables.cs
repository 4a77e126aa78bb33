using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Media;

/// <summary>The Media folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class MediaTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<Photo> Photos => db.Set<Photo>();
    }
}
