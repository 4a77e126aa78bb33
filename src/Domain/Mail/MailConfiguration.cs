using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PasKreatif.Mail;

class OutboxMailConfiguration : IEntityTypeConfiguration<Mail.OutboxMail>
{
    public void Configure(EntityTypeBuilder<Mail.OutboxMail> b)
    {
        b.ToTable("OutboxMails");
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.TextBody).HasMaxLength(20_000);
        b.Property(m => m.HtmlBody).HasMaxLength(100_000);
    }
}
