using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;

namespace PasKreatif.Integration.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        var name = await TestDatabases.CreateEmptyAsync("migrations");
        try
        {
            await using var db = TestDatabases.Open(name);
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");
            // The tables the rest of the shop stands on exist and answer.
            Assert.Equal(0, await db.Listings.CountAsync());
            Assert.Equal(0, await db.LedgerEntries.CountAsync());
        }
        finally
        {
            await TestDatabases.DropAsync(name);
        }
    }
}
