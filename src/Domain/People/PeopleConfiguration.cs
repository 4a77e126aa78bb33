using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Media;

namespace PasKreatif.People;

class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.DisplayName).HasMaxLength(120);
        b.Property(p => p.PreferredCulture).HasMaxLength(8);
        // Configured from here: Media sits below People and does not know who uploads.
        b.HasMany<Photo>().WithOne().HasForeignKey(p => p.UploadedById).OnDelete(DeleteBehavior.SetNull);
    }
}

class BuyerAddressConfiguration : IEntityTypeConfiguration<BuyerAddress>
{
    public void Configure(EntityTypeBuilder<BuyerAddress> b)
    {
        b.ToTable("BuyerAddresses");
        b.Property(a => a.Label).HasMaxLength(BuyerAddress.MaxLabel);
        b.Property(a => a.Text).HasMaxLength(BuyerAddress.MaxText);
        b.HasIndex(a => a.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
