using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Notifications;
using PasKreatif.Orders;
using PasKreatif.People;
using PasKreatif.Questions;
using PasKreatif.Reviews;

namespace PasKreatif.Persistence;

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

class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(q => q.AskerEmail).HasMaxLength(254);
        b.Property(q => q.AskerName).HasMaxLength(60);
        b.Property(q => q.Culture).HasMaxLength(8);
        b.Property(q => q.ClientAddress).HasMaxLength(64);
        b.Property(q => q.Text).HasMaxLength(QuestionRules.MaxText);
        b.Property(q => q.Answer).HasMaxLength(QuestionRules.MaxText);
        // The hourly limits count by these.
        b.HasIndex(q => new { q.AskerEmail, q.AskedAt });
        b.HasIndex(q => new { q.ClientAddress, q.AskedAt });
        b.HasIndex(q => new { q.MakerId, q.AskedAt });
        b.HasIndex(q => new { q.ListingId, q.AnsweredAt }).HasFilter("\"AnswerIsPublic\"");
        b.HasOne<Listing>().WithMany().HasForeignKey(q => q.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Maker>().WithMany().HasForeignKey(q => q.MakerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(q => q.BuyerId).OnDelete(DeleteBehavior.SetNull);
    }
}

class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Subject).HasMaxLength(200);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.MakerId, n.CreatedAt });
        b.HasIndex(n => n.MakerId).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_Notifications_MakerId_Unread");
        b.HasOne<Maker>().WithMany().HasForeignKey(n => n.MakerId).OnDelete(DeleteBehavior.Cascade);
    }
}
