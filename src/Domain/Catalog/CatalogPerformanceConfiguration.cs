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
    }
}
