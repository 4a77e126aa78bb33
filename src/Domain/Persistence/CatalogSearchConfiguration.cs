using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PasKreatif.Catalog;

namespace PasKreatif.Persistence;

/// <summary>Full-text and trigram search over listings, all expressed in the model.</summary>
class CatalogSearchConfiguration : IEntityTypeConfiguration<Listing>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Listing> b)
    {
        // Title weighs above description (A over B); a shadow column keeps the entity plain C#.
        b.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Title\", '')), 'A') || " +
                "setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Description\", '')), 'B')", stored: true);
        b.HasIndex(SearchVector).HasMethod("gin");
        // Typo tolerance and "did you mean": trigram similarity on the title.
        b.HasIndex(l => l.Title).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_Listings_Title_Trigram");
    }
}
