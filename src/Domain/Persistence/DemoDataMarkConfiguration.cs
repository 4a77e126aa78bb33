using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Persistence;

class DemoDataMarkConfiguration : IEntityTypeConfiguration<DemoDataMark>
{
    public void Configure(EntityTypeBuilder<DemoDataMark> b)
    {
        b.HasKey(m => m.Tier);
        b.Property(m => m.Tier).HasMaxLength(16);
    }
}
