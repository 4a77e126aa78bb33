using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Notifications;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Makers;

class MakerConfiguration : IEntityTypeConfiguration<Maker>
{
    public void Configure(EntityTypeBuilder<Maker> b)
    {
        b.ToTable("Makers");
        b.Property(m => m.DisplayName).HasMaxLength(MakerName.MaxLength);
        b.Property(m => m.Slug).HasMaxLength(120);
        b.Property(m => m.LegalName).HasMaxLength(160);
        b.Property(m => m.Phone).HasMaxLength(People.PhoneRule.MaxLength);
        b.HasIndex(m => m.Slug).IsUnique();
        b.HasIndex(m => m.PersonId).IsUnique();
        b.HasIndex(m => m.HomeGroupId);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.HomeGroup).WithMany().HasForeignKey(m => m.HomeGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Regency).WithMany().HasForeignKey(m => m.RegencyId).OnDelete(DeleteBehavior.Restrict);
        b.ComplexProperty(m => m.Story, s =>
        {
            s.Property(x => x.Published).HasColumnName("StoryPublished");
            s.Property(x => x.Pending).HasColumnName("StoryPending");
            s.Property(x => x.Status).HasColumnName("StoryStatus");
            s.Property(x => x.Reason).HasColumnName("StoryReason").HasMaxLength(1000);
            s.Property(x => x.DecidedAt).HasColumnName("StoryDecidedAt");
            s.Property(x => x.SubmittedAt).HasColumnName("StorySubmittedAt");
        });
        b.HasMany(m => m.Programmes).WithOne().HasForeignKey(p => p.MakerId);
        b.HasMany(m => m.Milestones).WithOne().HasForeignKey(p => p.MakerId);
        // Configured from here: Notifications sits below Makers.
        b.HasMany<Notification>().WithOne().HasForeignKey(n => n.MakerId).OnDelete(DeleteBehavior.Cascade);
    }
}

class MakerProgrammeConfiguration : IEntityTypeConfiguration<MakerProgramme>
{
    public void Configure(EntityTypeBuilder<MakerProgramme> b)
    {
        b.ToTable("MakerProgrammes");
        b.HasKey(p => new { p.MakerId, p.ProgrammeId });
        b.HasOne(p => p.Programme).WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.ProgrammeId);
    }
}

class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("Milestones");
        b.Property(m => m.Note).HasMaxLength(MilestoneInput.NoteMaxLength);
        b.HasIndex(m => m.MakerId);
    }
}

class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.Note).HasMaxLength(InvitationInput.NoteMaxLength);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Regency>().WithMany().HasForeignKey(i => i.RegencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Maker>().WithMany().HasForeignKey(i => i.MakerId).OnDelete(DeleteBehavior.Restrict);
    }
}
