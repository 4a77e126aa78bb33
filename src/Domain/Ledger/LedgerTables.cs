using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

/// <summary>The Ledger folder's tables on the shop's context, declared here so the context names no folder above it.</summary>
public static class LedgerTables
{
    extension(MarketplaceDb db)
    {
        public DbSet<LedgerEntry> LedgerEntries => db.Set<LedgerEntry>();
        public DbSet<Payout> Payouts => db.Set<Payout>();
        public DbSet<LedgerMonth> LedgerMonths => db.Set<LedgerMonth>();
    }
}
