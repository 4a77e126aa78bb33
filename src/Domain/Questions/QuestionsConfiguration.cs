using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.People;

namespace PasKreatif.Questions;

class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(q => q.AskerEmail).HasMaxLength(254);
        b.Property(q => q.AskerName).HasMaxLength(60);
        b.Property(q => q.Culture).HasMaxLength(8);
        b.Property(q => q.ClientAddress).HasMaxLength(64);
        b.Property(q => q.Text).HasMaxLength(QuestionRules.MaxText);
        b.Property(q => q.Answer).HasMaxLength(QuestionRules.MaxText);
        // The hourly limits count by these.
        b.HasIndex(q => new { q.AskerEmail, q.AskedAt });
        b.HasIndex(q => new { q.ClientAddress, q.AskedAt });
        b.HasIndex(q => new { q.MakerId, q.AskedAt });
        b.HasIndex(q => new { q.ListingId, q.AnsweredAt }).HasFilter("\"AnswerIsPublic\"");
        b.HasOne<Listing>().WithMany().HasForeignKey(q => q.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Maker>().WithMany().HasForeignKey(q => q.MakerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(q => q.BuyerId).OnDelete(DeleteBehavior.SetNull);
    }
}
