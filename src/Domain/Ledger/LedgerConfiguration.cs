using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("LedgerEntries");
        b.Property(e => e.Note).HasMaxLength(LedgerEntry.NoteMaxLength);
        b.HasMoney(e => e.Amount);
        b.Ignore(e => e.SignedAmount);
        b.HasIndex(e => new { e.MakerId, e.OccurredAt });
        // One credit per paid order line, one correction per payout, one reversal per refund and line:
        // repeats are refused by the database. A credit may be reversed in parts, by several refunds.
        b.HasIndex(e => e.OrderLineId).IsUnique().HasFilter("\"Kind\" = 'Credit'");
        b.HasIndex(e => e.ReversesEntryId, "IX_LedgerEntries_ReversesEntryId").IsUnique().HasFilter("\"Kind\" = 'PayoutReversal'");
        b.HasIndex(e => e.ReversesEntryId, "IX_LedgerEntries_ReversesEntryId_Any");
        b.HasIndex(e => new { e.RefundId, e.OrderLineId }).IsUnique().HasFilter("\"Kind\" = 'Reversal' AND \"RefundId\" IS NOT NULL");
        b.HasOne<Refund>().WithMany().HasForeignKey(e => e.RefundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.PayoutId).IsUnique().HasFilter("\"Kind\" = 'Payout'");
        b.HasOne<Maker>().WithMany().HasForeignKey(e => e.MakerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(e => e.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Payout>().WithMany().HasForeignKey(e => e.PayoutId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LedgerEntry>().WithMany().HasForeignKey(e => e.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_LedgerEntries_Amount", "\"Amount\" > 0"));
    }
}

class LedgerMonthConfiguration : IEntityTypeConfiguration<LedgerMonth>
{
    public void Configure(EntityTypeBuilder<LedgerMonth> b)
    {
        b.ToTable("LedgerMonths");
        b.HasMoney(m => m.Amount);
        // One row per maker, month, programme (none for payouts) and kind: the database's inserts add to it (see LedgerMonths).
        b.HasIndex(m => new { m.MakerId, m.Month, m.ProgrammeId, m.Kind }).IsUnique().AreNullsDistinct(false);
        b.HasOne<Maker>().WithMany().HasForeignKey(m => m.MakerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation.Programme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> b)
    {
        b.ToTable("Payouts");
        b.Property(p => p.Reference).HasMaxLength(Payout.ReferenceMaxLength);
        b.HasMoney(p => p.Amount);
        b.HasIndex(p => p.MakerId);
        b.HasOne<Maker>().WithMany().HasForeignKey(p => p.MakerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Payouts_Amount", "\"Amount\" > 0"));
    }
}
