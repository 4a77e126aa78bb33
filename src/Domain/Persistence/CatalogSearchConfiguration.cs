using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PasKreatif.Catalog;

namespace PasKreatif.Persistence;

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
        b.HasIndex(SearchVector).HasMethod("gin").HasFilter("\"Status\" = 'Approved'").HasDatabaseName("IX_Listings_OnSale_Search");
    }

    public void Configure(EntityTypeBuilder<SearchTerm> b)
    {
        b.HasKey(t => t.Term);
        b.Property(t => t.Term).HasMaxLength(64);
        // GiST, not GIN: nearest words by distance (ORDER BY <-> LIMIT) is a walk of a GiST index.
        b.HasIndex(t => t.Term).HasMethod("gist").HasOperators("gist_trgm_ops").HasDatabaseName("IX_SearchTerms_Trigram");
    }
}
