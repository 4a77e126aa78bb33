using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Catalog;

/// <summary>The moderation queue is read oldest first by keyset: a walk of what waits, never of the whole catalogue.</summary>
class BackOfficePagingConfiguration : IEntityTypeConfiguration<Listing>, IEntityTypeConfiguration<ListingRevision>
{
    const string Waiting = "\"Status\" = 'Submitted'";

    public void Configure(EntityTypeBuilder<Listing> b) =>
        b.HasIndex(l => new { l.SubmittedAt, l.Id }).HasFilter(Waiting).HasDatabaseName("IX_Listings_Waiting");

    public void Configure(EntityTypeBuilder<ListingRevision> b) =>
        b.HasIndex(r => new { r.SubmittedAt, r.Id }).HasFilter(Waiting).HasDatabaseName("IX_ListingRevisions_Waiting");
}
