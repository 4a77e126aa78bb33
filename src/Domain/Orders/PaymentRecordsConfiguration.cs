using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("Payments");
        b.Property(p => p.ProviderReference).HasMaxLength(255);
        b.HasMoney(p => p.Amount).HasMoney(p => p.Refunded);
        b.HasIndex(p => p.OrderId);
        b.HasIndex(p => p.ProviderReference).IsUnique().HasFilter("\"ProviderReference\" IS NOT NULL");
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.ConfirmedById).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Payments_Refunded", "\"Refunded\" >= 0 AND \"Refunded\" <= \"Amount\""));
    }
}

class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> b)
    {
        b.ToTable("PaymentAttempts");
        b.Property(a => a.Reference).HasMaxLength(255);
        b.Property(a => a.QrString).HasMaxLength(1000);
        b.Property(a => a.DeepLink).HasMaxLength(2000);
        b.Property(a => a.PayCode).HasMaxLength(40);
        b.Property(a => a.BillerCode).HasMaxLength(20);
        b.HasIndex(a => a.Reference).IsUnique();
        b.HasIndex(a => new { a.OrderId, a.Status });
        b.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Payment>().WithMany().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}

class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.ToTable("Refunds");
        b.Property(r => r.Note).HasMaxLength(StaffNoteInput.NoteMaxLength);
        b.Property(r => r.AccountBank).HasMaxLength(60);
        b.Property(r => r.AccountNumber).HasMaxLength(30);
        b.Property(r => r.AccountHolder).HasMaxLength(120);
        b.Property(r => r.Reference).HasMaxLength(TransferReferenceInput.ReferenceMaxLength);
        b.Property(r => r.LastError).HasMaxLength(500);
        b.HasMoney(r => r.Amount);
        b.HasIndex(r => new { r.OrderId, r.Status });
        b.HasIndex(r => new { r.Status, r.Route });
        b.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.SentById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RefundId).OnDelete(DeleteBehavior.Cascade);
        // Two instances claiming the same refund for its gateway: the second save fails instead of sending twice.
        b.Property<uint>("xmin").IsRowVersion();
        b.ToTable(t => t.HasCheckConstraint("CK_Refunds_Amount", "\"Amount\" > 0"));
    }
}

class RefundLineConfiguration : IEntityTypeConfiguration<RefundLine>
{
    public void Configure(EntityTypeBuilder<RefundLine> b)
    {
        b.ToTable("RefundLines");
        b.HasMoney(l => l.Amount);
        b.HasIndex(l => l.OrderLineId);
        // A part's delivery is paid back at most once.
        b.HasIndex(l => l.FulfilmentId).IsUnique().HasFilter("\"OrderLineId\" IS NULL");
        b.HasOne<Fulfilment>().WithMany().HasForeignKey(l => l.FulfilmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_RefundLines_Quantity", "\"Quantity\" > 0 AND \"Amount\" > 0"));
    }
}
