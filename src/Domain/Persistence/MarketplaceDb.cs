using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PasKreatif.People;

namespace PasKreatif.Persistence;

public class MarketplaceDb(DbContextOptions<MarketplaceDb> options)
    : IdentityDbContext<Person, PersonRole, Guid>(options), IDataProtectionKeyContext
{
    // Each folder declares its own tables (OrderTables, CatalogTables...) and names them in its configurations.
    public DbSet<DemoDataMark> DemoDataMarks => Set<DemoDataMark>();
    // Scale-out: every instance reads the same data-protection keys, so cookies travel between them.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SavingRules.Apply(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SavingRules.Apply(ChangeTracker);
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
