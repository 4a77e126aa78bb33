using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Organisation;

class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.ToTable("Offices");
        b.Property(o => o.Name).HasMaxLength(120);
        b.Property(o => o.Slug).HasMaxLength(120);
        b.HasIndex(o => o.Slug).IsUnique();
    }
}

class RegencyConfiguration : IEntityTypeConfiguration<Regency>
{
    public void Configure(EntityTypeBuilder<Regency> b)
    {
        b.ToTable("Regencies");
        b.Property(r => r.Name).HasMaxLength(120);
        b.Property(r => r.Slug).HasMaxLength(120);
        b.HasIndex(r => r.Slug).IsUnique();
        b.HasOne(r => r.Office).WithMany(o => o.Regencies).HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

class MonthlyTargetConfiguration : IEntityTypeConfiguration<MonthlyTarget>
{
    public void Configure(EntityTypeBuilder<MonthlyTarget> b)
    {
        b.ToTable("MonthlyTargets");
        b.HasMoney(t => t.Amount);
        b.HasOne<Regency>().WithMany(r => r.Targets).HasForeignKey(t => t.RegencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.RegencyId, t.FromMonth }).IsUnique();
    }
}

class OfficeOfficerConfiguration : IEntityTypeConfiguration<OfficeOfficer>
{
    public void Configure(EntityTypeBuilder<OfficeOfficer> b)
    {
        b.ToTable("OfficeOfficers");
        b.HasKey(o => new { o.OfficeId, o.PersonId });
        b.HasOne(o => o.Office).WithMany(o => o.Officers).HasForeignKey(o => o.OfficeId);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId);
    }
}

class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.ToTable("Groups");
        b.Property(g => g.Name).HasMaxLength(160);
        b.Property(g => g.Slug).HasMaxLength(160);
        b.Property(g => g.PickupAddress).HasMaxLength(400);
        b.Property(g => g.FeePercent).HasPrecision(5, 2);
        b.HasIndex(g => g.Slug).IsUnique();
        b.HasOne(g => g.Office).WithMany(o => o.Groups).HasForeignKey(g => g.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(g => g.Regency).WithMany().HasForeignKey(g => g.RegencyId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Groups_FeePercent", "\"FeePercent\" >= 0 AND \"FeePercent\" < 100"));
    }
}

class GroupMentorConfiguration : IEntityTypeConfiguration<GroupMentor>
{
    public void Configure(EntityTypeBuilder<GroupMentor> b)
    {
        b.ToTable("GroupMentors");
        b.HasKey(m => new { m.GroupId, m.PersonId });
        b.HasOne(m => m.Group).WithMany(g => g.Mentors).HasForeignKey(m => m.GroupId);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
        b.HasIndex(m => m.PersonId);
    }
}

class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("Programmes");
        b.Property(p => p.Name).HasMaxLength(160);
        b.Property(p => p.Slug).HasMaxLength(160);
        b.HasIndex(p => p.Slug).IsUnique();
        b.HasOne(p => p.Group).WithMany(g => g.Programmes).HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
