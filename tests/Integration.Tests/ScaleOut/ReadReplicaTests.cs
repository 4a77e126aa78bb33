using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.ScaleOut;

/// <summary>
/// The shop on a cluster of its own plus a streaming standby of it (<c>pg_basebackup -R</c>, as the postgres user when
/// root) on a free port; <c>ConnectionStrings:MarketplaceReadOnly</c> points at the standby.
/// </summary>
public sealed class StandbyShopFactory : ShopFactory
{
    public PrivatePostgres Primary { get; } = new();
    public string StandbyFolder { get; } = Path.Combine("/var/tmp", $"pk-standby-{Guid.NewGuid():N}");
    public int StandbyPort { get; } = SmtpProcess.FreePort();
    string StandbyData => Path.Combine(StandbyFolder, "data");

    public override async Task InitializeAsync()
    {
        await Primary.CreateAsync();
        await Primary.CopyTemplateAsync("shop");
        Database = "shop";
        Directory.CreateDirectory(StandbyFolder);
        if (PrivatePostgres.Root) await PrivatePostgres.RunAsync("chown", "postgres:postgres", StandbyFolder);
        await PrivatePostgres.AsPostgresAsync($"{PrivatePostgres.Bin}/pg_basebackup", "-h", "127.0.0.1", "-p", Primary.Port.ToString(), "-U", "postgres",
            "-D", StandbyData, "-R", "-X", "stream", "-c", "fast", "--no-sync");
        await PrivatePostgres.AsPostgresAsync($"{PrivatePostgres.Bin}/pg_ctl", "-D", StandbyData, "-l", Path.Combine(StandbyFolder, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {StandbyPort} -k {StandbyFolder} -c fsync=off -c hot_standby=on", "start");
        await using var standby = new NpgsqlConnection(Standby);
        await standby.OpenAsync();
        await using var recovering = new NpgsqlCommand("SELECT pg_is_in_recovery()", standby);
        Assert.True((bool)(await recovering.ExecuteScalarAsync())!, "the copy runs as a standby");
    }

    public override string ConnectionString => Primary.ConnectionString(Database);
    public string Standby => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = StandbyPort, Username = "postgres", Database = "shop", Timeout = 3 }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:MarketplaceReadOnly", Standby);
        // Generous, so a standby whose replay the test pauses is still used; the stopped standby is skipped all the same.
        builder.UseSetting("Database:MaxStandbyLagSeconds", "600");
        builder.UseSetting("Database:StandbyCheckSeconds", "0.5");
    }

    public Task StopStandbyAsync() => PrivatePostgres.AsPostgresAsync($"{PrivatePostgres.Bin}/pg_ctl", "-D", StandbyData, "-m", "fast", "-w", "stop");

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await PrivatePostgres.AsPostgresAsync($"{PrivatePostgres.Bin}/pg_ctl", "-D", StandbyData, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { } // already stopped
        if (Directory.Exists(StandbyFolder)) Directory.Delete(StandbyFolder, recursive: true);
        await Primary.DisposeAsync();
    }
}

public class ReadReplicaTests(StandbyShopFactory factory) : IClassFixture<StandbyShopFactory>
{
    static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), what);
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Anonymous_catalogue_reads_come_from_the_standby_a_signed_in_maker_sees_the_edit_at_once_and_a_stopped_standby_is_skipped()
    {
        var replicas = factory.Services.GetRequiredService<ReadReplicas>();
        var standbyRoute = new ReadRoute();
        standbyRoute.UseStandby();
        // Fit, and no longer holding reads on the primary after the evictions of the host's start.
        await UntilAsync(() => Task.FromResult(replicas.ConnectionFor(standbyRoute) == replicas.ReadOnly), "the lag check finds the standby");
        string slug, before;
        await using (var db = factory.OpenDb())
        {
            var listing = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Maker!.Slug != null).OrderBy(l => l.Id).FirstAsync();
            (slug, before) = (listing.Slug, listing.Title);
        }
        // A commit the standby replays: without one since it started, its lag reads as unknown once replay stops, and the shop
        // rightly skips it.
        await ScalarAsync<object>(factory.ConnectionString, "SELECT txid_current()::text");
        // The standby has all the primary wrote; then its replay stops, so what it serves is told apart from the primary.
        await UntilAsync(async () => await ScalarAsync<bool>(factory.Standby,
            $"SELECT pg_last_wal_replay_lsn() >= '{await ScalarAsync<string>(factory.ConnectionString, "SELECT pg_current_wal_lsn()::text")}'::pg_lsn"), "the standby replays");
        await ScalarAsync<object>(factory.Standby, "SELECT pg_wal_replay_pause()::text");
        // The pause is only requested until replay reaches its next record; an edit sent before that would be replayed.
        await UntilAsync(async () =>
        {
            if (await ScalarAsync<string>(factory.Standby, "SELECT pg_get_wal_replay_pause_state()") == "paused") return true;
            await ScalarAsync<object>(factory.ConnectionString, "SELECT txid_current()::text"); // a commit: a record to stop at
            return false;
        }, "the standby's replay pauses");

        const string edited = "Judul Baru Dari Primer";
        await ScalarAsync<object>(factory.ConnectionString, $"UPDATE \"Listings\" SET \"Title\" = '{edited}' WHERE \"Slug\" = '{slug}' RETURNING 1");

        // Scans of the listings table counted by the standby itself: only the shop reads that table there.
        const string listingScans = "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::bigint FROM pg_stat_user_tables WHERE relname = 'Listings'";
        var scansBefore = await ScalarAsync<long>(factory.Standby, listingScans);
        using var visitor = ShopClient.For(factory);
        Assert.Equal(before, (await visitor.GetDocumentAsync($"/produk/{slug}")).QuerySelector("main h1")!.TextContent.Trim());
        // A backend flushes its counts when it goes idle, within about a second.
        await UntilAsync(async () => await ScalarAsync<long>(factory.Standby, listingScans) > scansBefore, "the catalogue's queries ran on the standby");
        // A context routed to the standby refuses to save, before the database would.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ReadRoute>().UseStandby();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            Assert.Equal(replicas.ReadOnly, db.Database.GetConnectionString());
            (await db.Listings.FirstAsync(l => l.Slug == slug)).Title = "Tak Boleh";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        // Right after the catalogue's cache is evicted, pages are rebuilt from the primary: a standby's stale page is not kept.
        await factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync("catalog", default);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ReadRoute>().UseStandby();
            Assert.Equal(replicas.Primary, scope.ServiceProvider.GetRequiredService<MarketplaceDb>().Database.GetConnectionString());
        }

        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        Assert.Equal(edited, (await maker.GetDocumentAsync($"/produk/{slug}")).QuerySelector("main h1")!.TextContent.Trim());
        var newListing = await Workspace.WorkspaceSteps.CreateListingAsync(maker, "Kue Replika Baru");
        Assert.Contains("Kue Replika Baru", await maker.Http.GetStringAsync($"/toko-saya/produk/{newListing}"));

        await ScalarAsync<object>(factory.Standby, "SELECT pg_wal_replay_resume()::text");
        await factory.StopStandbyAsync();
        await UntilAsync(() => Task.FromResult(!replicas.Usable), "the lag check notices the stopped standby");
        foreach (var url in new[] { "/?n=standby-down", "/cari?q=kue", $"/kategori/{StandardCategories.Cakes}" })
            Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync(url)).StatusCode);
        Assert.Contains(edited, await visitor.Http.GetStringAsync($"/produk/{slug}?n=primary"));
    }
}

public class WithoutReadReplicaTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Without_a_read_only_connection_every_request_reads_the_primary()
    {
        Assert.Null(factory.Services.GetService<ReadReplicas>());
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ReadRoute>().UseStandby();
        var used = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<MarketplaceDb>().Database.GetConnectionString());
        var primary = new NpgsqlConnectionStringBuilder(factory.ConnectionString);
        Assert.Equal((primary.Host, primary.Port, primary.Database), (used.Host, used.Port, used.Database));
        using var visitor = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/cari?q=kue")).StatusCode);
    }
}
