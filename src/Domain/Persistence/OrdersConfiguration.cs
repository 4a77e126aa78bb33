using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Catalog;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.People;

namespace PasKreatif.Persistence;

class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> b)
    {
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.PersonId);
        b.HasIndex(c => c.UpdatedAt);
    }
}

class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> b)
    {
        b.HasMoney(l => l.PriceWhenAdded);
        b.HasIndex(l => new { l.CartId, l.ListingId }).IsUnique();
        b.HasOne(l => l.Listing).WithMany().HasForeignKey(l => l.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_CartLines_Quantity", "\"Quantity\" > 0"));
    }
}

class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(o => o.Number).HasMaxLength(24);
        b.Property(o => o.PublicToken).HasMaxLength(64);
        b.Property(o => o.BuyerName).HasMaxLength(120);
        b.Property(o => o.BuyerEmail).HasMaxLength(254);
        b.Property(o => o.BuyerPhone).HasMaxLength(People.PhoneRule.MaxLength);
        b.Property(o => o.Address).HasMaxLength(1000);
        b.Property(o => o.Culture).HasMaxLength(8);
        b.HasMoney(o => o.Subtotal).HasMoney(o => o.DeliveryTotal).HasMoney(o => o.Total);
        b.HasIndex(o => o.Number).IsUnique();
        b.HasIndex(o => o.PublicToken).IsUnique();
        b.HasIndex(o => o.BuyerId);
        b.HasIndex(o => new { o.Status, o.PaymentDueAt });
        // One cart gives at most one order, however often it is submitted.
        b.HasIndex(o => o.CartId).IsUnique().HasFilter("\"CartId\" IS NOT NULL");
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.BuyerId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(o => o.Fulfilments).WithOne(f => f.Order).HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Payments).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

class FulfilmentConfiguration : IEntityTypeConfiguration<Fulfilment>
{
    public void Configure(EntityTypeBuilder<Fulfilment> b)
    {
        b.Property(f => f.TrackingNote).HasMaxLength(500);
        b.HasMoney(f => f.DeliveryCost);
        b.HasIndex(f => new { f.MakerId, f.Status });
        b.HasIndex(f => new { f.OrderId, f.MakerId }).IsUnique();
        b.HasIndex(f => new { f.Status, f.ShippedAt });
        b.HasOne<Person>().WithMany().HasForeignKey(f => f.HandedOverById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(f => f.Maker).WithMany().HasForeignKey(f => f.MakerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Group>().WithMany().HasForeignKey(f => f.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Lines).WithOne().HasForeignKey(l => l.FulfilmentId).OnDelete(DeleteBehavior.Restrict);
        // A maker's step and a buyer's cancel on the same part cannot both win.
        b.Property<uint>("xmin").IsRowVersion();
    }
}

class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.Property(l => l.Title).HasMaxLength(120);
        b.HasMoney(l => l.UnitPrice).HasMoney(l => l.LineTotal);
        b.HasIndex(l => l.ListingId);
        b.HasIndex(l => l.MakerId);
        b.HasOne(l => l.Listing).WithMany().HasForeignKey(l => l.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PasKreatif.Makers.Maker>().WithMany().HasForeignKey(l => l.MakerId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_OrderLines_Quantity", "\"Quantity\" > 0"));
    }
}

class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
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

class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> b)
    {
        b.Property(e => e.Id).HasMaxLength(255);
        b.Property(e => e.Type).HasMaxLength(120);
    }
}
