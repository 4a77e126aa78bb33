using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Media;

namespace PasKreatif.Persistence;

class PhotoUploadConfiguration : IEntityTypeConfiguration<PhotoUpload>
{
    public void Configure(EntityTypeBuilder<PhotoUpload> b)
    {
        b.HasIndex(u => new { u.MakerId, u.ListingId, u.CreatedAt });
        b.HasOne<Maker>().WithMany().HasForeignKey(u => u.MakerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Listing>().WithMany().HasForeignKey(u => u.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Photo>().WithMany().HasForeignKey(u => u.PhotoId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("CK_PhotoUploads_Progress", "\"Progress\" BETWEEN 0 AND 100"));
    }
}
