using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Catalog;

/// <summary>
/// Indexes the public catalogue's sorted lists read by keyset: each list is a backward or forward
/// walk of one index over the approved listings only, so page 200 costs what page 1 costs.
/// </summary>
class CatalogPerformanceConfiguration : IEntityTypeConfiguration<Listing>
{
    const string OnSale = "\"Status\" = 'Approved'";

    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.HasIndex(l => new { l.CategoryId, l.PublishedAt, l.Id }).HasFilter(OnSale).HasDatabaseName("IX_Listings_OnSale_Category_Newest");
        b.HasIndex(l => new { l.CategoryId, l.UnitsSold, l.Id }).HasFilter(OnSale).HasDatabaseName("IX_Listings_OnSale_Category_Popular");
        b.HasIndex(l => new { l.UnitsSold, l.Id }).HasFilter(OnSale).HasDatabaseName("IX_Listings_OnSale_Popular");
        b.HasIndex(l => new { l.ProgrammeId, l.UnitsSold, l.Id }).HasFilter(OnSale).HasDatabaseName("IX_Listings_OnSale_Programme_Popular");
        b.HasIndex(l => new { l.MakerId, l.UnitsSold, l.Id }).HasFilter(OnSale).HasDatabaseName("IX_Listings_OnSale_Maker_Popular");
        // A category's filter choices are counted from this index alone: from the table they read a million-listing
        // category's 190,000 rows off the heap (3 s cold); from here, 80 ms.
        b.HasIndex(l => l.CategoryId).IncludeProperties(l => new { l.MakerId, l.ProgrammeId, l.MadeToOrder, l.Stock, l.Delivery })
            .HasFilter(OnSale).HasDatabaseName("IX_Listings_OnSale_Category_Facets");
    }
}
