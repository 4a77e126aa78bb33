using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Makers;

namespace PasKreatif.Moderation;

class StoryAuditEntryConfiguration : IEntityTypeConfiguration<StoryAuditEntry>
{
    public void Configure(EntityTypeBuilder<StoryAuditEntry> b)
    {
        b.ToTable("StoryAudit");
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.HasIndex(e => new { e.MakerId, e.At });
        b.HasOne<Maker>().WithMany().HasForeignKey(e => e.MakerId).OnDelete(DeleteBehavior.Restrict);
    }
}
