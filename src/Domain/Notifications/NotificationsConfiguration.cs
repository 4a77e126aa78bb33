using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Notifications;

class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Subject).HasMaxLength(200);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.MakerId, n.CreatedAt });
        b.HasIndex(n => n.MakerId).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_Notifications_MakerId_Unread");
    }
}
