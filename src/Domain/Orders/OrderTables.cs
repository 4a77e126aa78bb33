using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>The Orders folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class OrderTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<Cart> Carts => db.Set<Cart>();
        public DbSet<CartLine> CartLines => db.Set<CartLine>();
        public DbSet<Order> Orders => db.Set<Order>();
        public DbSet<Fulfilment> Fulfilments => db.Set<Fulfilment>();
        public DbSet<OrderLine> OrderLines => db.Set<OrderLine>();
        public DbSet<Payment> Payments => db.Set<Payment>();
        public DbSet<PaymentAttempt> PaymentAttempts => db.Set<PaymentAttempt>();
        public DbSet<Refund> Refunds => db.Set<Refund>();
    }
}
