using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.People;

namespace PasKreatif.Persistence;

public class MarketplaceDb(DbContextOptions<MarketplaceDb> options)
    : IdentityDbContext<Person, PersonRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Regency> Regencies => Set<Regency>();
    public DbSet<MonthlyTarget> MonthlyTargets => Set<MonthlyTarget>();
    public DbSet<OfficeOfficer> OfficeOfficers => Set<OfficeOfficer>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMentor> GroupMentors => Set<GroupMentor>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Maker> Makers => Set<Maker>();
    public DbSet<MakerProgramme> MakerProgrammes => Set<MakerProgramme>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();
    public DbSet<ListingRevision> ListingRevisions => Set<ListingRevision>();
    public DbSet<ListingPhoto> ListingPhotos => Set<ListingPhoto>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<PhotoUpload> PhotoUploads => Set<PhotoUpload>();
    public DbSet<ListingAuditEntry> ListingAudit => Set<ListingAuditEntry>();
    public DbSet<OfflineEditReceipt> OfflineEditReceipts => Set<OfflineEditReceipt>();
    public DbSet<Cart> Carts => Set<Cart>();
    public DbSet<CartLine> CartLines => Set<CartLine>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Fulfilment> Fulfilments => Set<Fulfilment>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Payout> Payouts => Set<Payout>();
    public DbSet<LedgerMonth> LedgerMonths => Set<LedgerMonth>();
    public DbSet<DemoDataMark> DemoDataMarks => Set<DemoDataMark>();
    public DbSet<BuyerAddress> BuyerAddresses => Set<BuyerAddress>();
    // Scale-out: every instance reads the same data-protection keys, so cookies travel between them.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ListingEdits.Count(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ListingEdits.Count(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm"); // catalogue search: typo tolerance
        builder.HasPostgresExtension("btree_gin"); // catalogue search: words and units sold in one index
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable text: the database stays legible in reports and psql.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }
}

/// <summary>Records that a demo-data tier was loaded, so loading again changes nothing.</summary>
public class DemoDataMark
{
    public string Tier { get; init; } = "";
    public DateTimeOffset LoadedAt { get; init; }
}
