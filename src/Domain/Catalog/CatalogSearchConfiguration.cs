using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace PasKreatif.Catalog;

/// <summary>
/// The search document of each listing (a column the database keeps, see <see cref="CatalogSearchIndex"/>)
/// and the word list typos are matched against.
/// </summary>
class CatalogSearchConfiguration : IEntityTypeConfiguration<Listing>, IEntityTypeConfiguration<SearchTerm>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Listing> b)
    {
        // Written by a trigger from the title, category, programme and description: never by the shop.
        b.Property<NpgsqlTsVector>(SearchVector).ValueGeneratedOnAddOrUpdate();
        // With the units sold beside the words (btree_gin), a common word's most popular goods come from the index
        // alone: it intersects the word's listings with the popular ones before any row is read.
        // No pending list (fastupdate off): a sale writes its entries at once, and no search reads an unsorted tail.
        b.HasIndex(SearchVector, nameof(Listing.UnitsSold)).HasMethod("gin").HasFilter("\"Status\" = 'Approved'")
            .HasStorageParameter("fastupdate", false).HasDatabaseName("IX_Listings_OnSale_Search");
    }

    public void Configure(EntityTypeBuilder<SearchTerm> b)
    {
        b.ToTable("SearchTerms");
        b.HasKey(t => t.Term);
        b.Property(t => t.Term).HasMaxLength(64);
        // GiST, not GIN: nearest words by distance (ORDER BY <-> LIMIT) is a walk of a GiST index.
        b.HasIndex(t => t.Term).HasMethod("gist").HasOperators("gist_trgm_ops").HasDatabaseName("IX_SearchTerms_Trigram");
    }
}
