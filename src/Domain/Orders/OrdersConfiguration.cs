using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Catalog;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> b)
    {
        b.ToTable("Carts");
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
        b.ToTable("CartLines");
        b.HasMoney(l => l.PriceWhenAdded);
        b.HasIndex(l => new { l.CartId, l.ListingId }).IsUnique();
        b.HasOne(l => l.Listing).WithMany().HasForeignKey(l => l.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_CartLines_Quantity", "\"Quantity\" > 0"));
    }
}

class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>Order numbers are short and random, so two can meet: a clash is told apart from a repeated submit by this name.</summary>
    public const string NumberIndex = "IX_Orders_Number";

    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("Orders");
        b.Property(o => o.Number).HasMaxLength(24);
        b.Property(o => o.PublicToken).HasMaxLength(64);
        b.Property(o => o.BuyerName).HasMaxLength(120);
        b.Property(o => o.BuyerEmail).HasMaxLength(254);
        b.Property(o => o.BuyerPhone).HasMaxLength(People.PhoneRule.MaxLength);
        b.Property(o => o.Address).HasMaxLength(1000);
        b.Property(o => o.Culture).HasMaxLength(8);
        b.HasMoney(o => o.Subtotal).HasMoney(o => o.DeliveryTotal).HasMoney(o => o.Total);
        b.HasIndex(o => o.Number).IsUnique().HasDatabaseName(NumberIndex);
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
        b.ToTable("Fulfilments");
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
        b.ToTable("OrderLines");
        b.Property(l => l.Title).HasMaxLength(120);
        b.HasMoney(l => l.UnitPrice).HasMoney(l => l.LineTotal);
        b.HasIndex(l => l.ListingId);
        b.HasIndex(l => l.MakerId);
        b.HasOne(l => l.Listing).WithMany().HasForeignKey(l => l.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PasKreatif.Makers.Maker>().WithMany().HasForeignKey(l => l.MakerId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_OrderLines_Quantity", "\"Quantity\" > 0"));
    }
}
