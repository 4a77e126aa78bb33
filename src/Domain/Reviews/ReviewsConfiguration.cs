using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.People;

namespace PasKreatif.Reviews;

class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.BuyerShownName).HasMaxLength(60);
        b.Property(r => r.Text).HasMaxLength(ReviewRules.MaxText);
        b.Property(r => r.Reply).HasMaxLength(ReviewRules.MaxReply);
        b.Property(r => r.RejectionReason).HasMaxLength(1000);
        // Once per buyer and product, guarded by the database against a double submit.
        b.HasIndex(r => new { r.BuyerId, r.ListingId }).IsUnique();
        b.HasIndex(r => r.OrderLineId).IsUnique();
        b.HasIndex(r => new { r.ListingId, r.DecidedAt }).HasFilter("\"Status\" = 'Approved'");
        b.HasIndex(r => new { r.MakerId, r.DecidedAt }).HasFilter("\"Status\" = 'Approved'");
        b.HasIndex(r => r.CreatedAt).HasFilter("\"Status\" = 'Pending'");
        b.HasOne<Listing>().WithMany().HasForeignKey(r => r.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Maker>().WithMany().HasForeignKey(r => r.MakerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(r => r.OrderLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.BuyerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Reviews_Stars", "\"Stars\" BETWEEN 1 AND 5"));
    }
}

class ReviewPhotoConfiguration : IEntityTypeConfiguration<ReviewPhoto>
{
    public void Configure(EntityTypeBuilder<ReviewPhoto> b)
    {
        b.HasOne(p => p.Photo).WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ReviewId, p.Position }).IsUnique();
    }
}

class ReviewAuditConfiguration : IEntityTypeConfiguration<ReviewAuditEntry>
{
    public void Configure(EntityTypeBuilder<ReviewAuditEntry> b)
    {
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.HasIndex(e => new { e.ReviewId, e.At });
        b.HasOne<Review>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
