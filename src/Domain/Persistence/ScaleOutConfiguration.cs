using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Persistence;

/// <summary>Data-protection keys shared by every instance of the shop.</summary>
sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key)
    {
        // A key's XML may outgrow the 4,000-character default of the model's strings.
        key.Property(k => k.Xml).HasColumnType("text");
        key.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
