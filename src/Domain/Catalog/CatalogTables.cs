using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>The Catalog folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class CatalogTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<Category> Categories => db.Set<Category>();
        public DbSet<Listing> Listings => db.Set<Listing>();
        public DbSet<SearchTerm> SearchTerms => db.Set<SearchTerm>();
        public DbSet<ListingRevision> ListingRevisions => db.Set<ListingRevision>();
        public DbSet<ListingPhoto> ListingPhotos => db.Set<ListingPhoto>();
        public DbSet<PhotoUpload> PhotoUploads => db.Set<PhotoUpload>();
        public DbSet<ListingAuditEntry> ListingAudit => db.Set<ListingAuditEntry>();
        public DbSet<OfflineEditReceipt> OfflineEditReceipts => db.Set<OfflineEditReceipt>();
    }
}
