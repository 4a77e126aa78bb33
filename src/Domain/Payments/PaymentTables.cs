using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Payments;

/// <summary>The Payments folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class PaymentTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => db.Set<ProcessedWebhookEvent>();
    }
}
