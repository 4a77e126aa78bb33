using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("Categories");
        b.Property(c => c.Slug).HasMaxLength(80);
        b.Property(c => c.NameId).HasMaxLength(80);
        b.Property(c => c.NameEn).HasMaxLength(80);
        b.HasIndex(c => c.Slug).IsUnique();
    }
}

class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.ToTable("Listings");
        b.Property(l => l.Slug).HasMaxLength(160);
        b.Property(l => l.Title).HasMaxLength(120);
        b.Property(l => l.RejectionReason).HasMaxLength(1000);
        b.HasMoney(l => l.Price);
        b.Property(l => l.Delivery).HasConversion<int>(); // flags: filtered with bit operations in SQL
        b.HasIndex(l => l.Slug).IsUnique();
        b.HasIndex(l => new { l.MakerId, l.Status });
        b.HasIndex(l => new { l.Status, l.PublishedAt, l.Id });
        b.HasIndex(l => new { l.CategoryId, l.Status });
        b.HasIndex(l => l.ProgrammeId);
        b.HasIndex(l => new { l.MakerId, l.OfflineKey }).IsUnique().HasFilter("\"OfflineKey\" IS NOT NULL"); // the database keeps an offline draft single
        b.HasOne(l => l.Maker).WithMany().HasForeignKey(l => l.MakerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Programme).WithMany().HasForeignKey(l => l.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Category).WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Photos).WithOne().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Revisions).WithOne().HasForeignKey(r => r.ListingId).OnDelete(DeleteBehavior.Cascade);
        // The database guards stock: a reservation can never take it below zero.
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Listings_Stock", "\"Stock\" >= 0");
            t.HasCheckConstraint("CK_Listings_Price", "\"Price\" > 0");
            t.HasCheckConstraint("CK_Listings_LeadTime", "\"LeadTimeDays\" >= 0");
        });
        b.Property<uint>("xmin").IsRowVersion();
    }
}

class ListingRevisionConfiguration : IEntityTypeConfiguration<ListingRevision>
{
    public void Configure(EntityTypeBuilder<ListingRevision> b)
    {
        b.ToTable("ListingRevisions");
        b.Property(r => r.Title).HasMaxLength(120);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.HasIndex(r => new { r.ListingId, r.Status });
        b.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

class ListingPhotoConfiguration : IEntityTypeConfiguration<ListingPhoto>
{
    public void Configure(EntityTypeBuilder<ListingPhoto> b)
    {
        b.ToTable("ListingPhotos");
        b.Property(p => p.AltText).HasMaxLength(200);
        b.HasOne(p => p.Photo).WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ListingId, p.RevisionId, p.Position });
    }
}

class ListingAuditEntryConfiguration : IEntityTypeConfiguration<ListingAuditEntry>
{
    public void Configure(EntityTypeBuilder<ListingAuditEntry> b)
    {
        b.ToTable("ListingAudit");
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.HasIndex(a => new { a.ListingId, a.At });
        b.HasOne<Listing>().WithMany().HasForeignKey(a => a.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ListingRevision>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

class OfflineEditReceiptConfiguration : IEntityTypeConfiguration<OfflineEditReceipt>
{
    public void Configure(EntityTypeBuilder<OfflineEditReceipt> b)
    {
        b.ToTable("OfflineEditReceipts");
        b.HasKey(r => new { r.MakerId, r.Key }); // one maker's key never names another's edit
        b.HasIndex(r => r.ListingId);
        b.HasOne<Listing>().WithMany().HasForeignKey(r => r.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Maker>().WithMany().HasForeignKey(r => r.MakerId).OnDelete(DeleteBehavior.Restrict);
    }
}

class PhotoUploadConfiguration : IEntityTypeConfiguration<PhotoUpload>
{
    public void Configure(EntityTypeBuilder<PhotoUpload> b)
    {
        b.ToTable("PhotoUploads");
        b.HasIndex(u => new { u.MakerId, u.ListingId, u.CreatedAt });
        b.HasOne<Maker>().WithMany().HasForeignKey(u => u.MakerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Listing>().WithMany().HasForeignKey(u => u.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Photo>().WithMany().HasForeignKey(u => u.PhotoId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("CK_PhotoUploads_Progress", "\"Progress\" BETWEEN 0 AND 100"));
    }
}
