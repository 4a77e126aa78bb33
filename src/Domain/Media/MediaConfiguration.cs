using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Media;

class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> b)
    {
        b.ToTable("Photos");
        b.Property(p => p.Hash).HasMaxLength(64);
        b.Property(p => p.OriginalKey).HasMaxLength(200);
        b.HasIndex(p => p.Hash).IsUnique();
    }
}
