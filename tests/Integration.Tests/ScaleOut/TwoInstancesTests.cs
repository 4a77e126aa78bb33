using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Persistence;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Integration.Tests.ScaleOut;

/// <summary>Behind a load balancer any request may land on either instance: nothing a visitor sees may depend on which.</summary>
public class TwoInstancesTests(TwoInstances shop, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    static async Task<int> FirstGroupAsync(MarketplaceDb db) => (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();

    [Fact]
    public async Task Signed_in_on_A_stays_signed_in_on_B_and_a_form_from_B_posts_to_A()
    {
        var cookies = new CookieContainer();
        using var a = shop.A.ClientWith(cookies);
        using var b = shop.B.ClientWith(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await b.Http.GetAsync("/toko-saya")).StatusCode); // not yet signed in

        // The sign-in form (and its antiforgery cookie) comes from B; A accepts its token and signs in.
        var form = (await b.GetDocumentAsync("/masuk")).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var signedIn = await a.PostFormAsync(form, "/masuk", new Dictionary<string, string> { ["Login"] = "pembuat", ["Password"] = ShopClient.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("/masuk", signedIn.Headers.Location?.OriginalString ?? "");

        // B reads the cookie A wrote: the maker's workspace opens there, and on A.
        Assert.Equal(HttpStatusCode.OK, (await b.Http.GetAsync("/toko-saya")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync("/toko-saya")).StatusCode);
        await using var db = TestDatabases.Open(shop.Database);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync()); // one key ring, shared
    }

    [Fact]
    public async Task A_listing_approved_through_A_is_on_Bs_cached_home_page_within_a_second()
    {
        int id;
        string slug;
        await using (var db = TestDatabases.Open(shop.Database))
        {
            var listing = await BackOfficeData.SubmittedListingAsync(db, await FirstGroupAsync(db), "Tas Rajut Skala Dua");
            (id, slug) = (listing.Id, listing.Slug);
        }
        using var visitor = shop.B.Client();
        var first = await visitor.Http.GetStringAsync("/");
        Assert.DoesNotContain(slug, first);
        var cached = await visitor.Http.GetAsync("/");
        Assert.True(cached.Headers.Age is not null, "B's home page is served from its output cache");

        using var mentor = shop.A.Client();
        await mentor.SignInAsync("pendamping");
        var approved = await mentor.SubmitAsync($"/admin/moderasi/produk/{id}", new Dictionary<string, string>(), "form[action*=Approve]");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var clock = Stopwatch.StartNew();
        while (!(await visitor.Http.GetStringAsync("/")).Contains(slug, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"B still served the stale home page {clock.ElapsedMilliseconds} ms after the approval");
            await Task.Delay(20);
        }
        output.WriteLine($"B served the fresh home page {clock.ElapsedMilliseconds} ms after A's approval answered");
    }

    [Fact]
    public async Task A_sale_on_A_evicts_only_the_product_page_on_B_an_approval_evicts_everything_and_A_never_evicts_twice()
    {
        var (a, b) = (TwoInstances.Listener(shop.A), TwoInstances.Listener(shop.B));
        await Poll.UntilAsync(() => Task.FromResult(a.Listening && b.Listening), "both listeners listen"); // another test cuts them
        // The demo's unpaid orders lapse on the expiry job's first run, releasing stock: settle that first.
        await using (var scope = shop.A.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PasKreatif.Orders.OrderLifecycle>().ExpireDueAsync();
        await Task.Delay(500);

        string sold, other, category, submittedSlug;
        int soldId, submittedId;
        await using (var db = TestDatabases.Open(shop.Database))
        {
            var listings = await db.Listings.Where(l => l.Status == PasKreatif.Catalog.ListingStatus.Approved && !l.Category!.Perishable)
                .OrderByDescending(l => l.Id).Take(2).Select(l => new { l.Id, l.Slug, Category = l.Category!.Slug }).ToListAsync();
            (soldId, sold, category, other) = (listings[0].Id, listings[0].Slug, listings[0].Category, listings[1].Slug);
            await db.Listings.Where(l => l.Id == soldId).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Stock, 5).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 0)
                .SetProperty(l => l.Delivery, PasKreatif.Catalog.DeliveryOptions.Pickup));
            var submitted = await BackOfficeData.SubmittedListingAsync(db, await FirstGroupAsync(db), "Tas Rajut Skala Tiga");
            (submittedId, submittedSlug) = (submitted.Id, submitted.Slug);
        }
        var categoryUrl = $"/kategori/{category}?uji=skala";
        using var visitor = shop.B.Client();
        async Task<bool> CachedOnB(string url) => (await visitor.Http.GetAsync(url)).Headers.Age is not null;
        async Task<string> StockOn(ShopClient client) =>
            (await client.GetDocumentAsync("/produk/" + sold)).QuerySelector(".product-info .availability")!.TextContent.Trim();

        foreach (var url in new[] { categoryUrl, "/produk/" + other }) await visitor.Http.GetAsync(url);
        Assert.Contains("5", await StockOn(visitor));
        Assert.True(await CachedOnB(categoryUrl) && await CachedOnB("/produk/" + other) && await CachedOnB("/produk/" + sold));
        using var onA = shop.A.Client();
        Assert.Contains("5", await StockOn(onA));
        var (aOwn, aEverything, aListings, bEverything, bListings) = (a.OwnSkipped, a.EverythingEvicted, a.ListingsEvicted, b.EverythingEvicted, b.ListingsEvicted);

        // A buyer on A takes one of five: stock stays above zero.
        using var buyer = shop.A.Client();
        await PasKreatif.Integration.Tests.Checkout.Shopping.AddAsync(buyer, soldId);
        PasKreatif.Integration.Tests.Checkout.Shopping.Token(await PasKreatif.Integration.Tests.Checkout.Shopping.CheckoutAsync(buyer, "BankTransfer", "skala@contoh.test"));
        Assert.Contains("4", await StockOn(onA)); // A evicted its own page when the checkout committed

        await Poll.UntilAsync(async () => (await StockOn(visitor)).Contains('4'), "B shows the new stock");
        Assert.True(await CachedOnB(categoryUrl), "B's category page is still cached after a sale that left stock");
        Assert.True(await CachedOnB("/produk/" + other), "another product page on B is still cached");
        Assert.Equal(bListings + 1, b.ListingsEvicted);
        Assert.Equal(bEverything, b.EverythingEvicted);
        await Poll.UntilAsync(() => Task.FromResult(a.OwnSkipped > aOwn), "A hears its own notice");
        Assert.Equal((aEverything, aListings), (a.EverythingEvicted, a.ListingsEvicted)); // and skips it

        // An approval on A changes what lists show: B evicts everything, A again only once.
        aOwn = a.OwnSkipped;
        using var mentor = shop.A.Client();
        await mentor.SignInAsync("pendamping");
        var approved = await mentor.SubmitAsync($"/admin/moderasi/produk/{submittedId}", new Dictionary<string, string>(), "form[action*=Approve]");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await Poll.UntilAsync(async () => !await CachedOnB(categoryUrl) || b.EverythingEvicted > bEverything, "B evicts its lists");
        await Poll.UntilAsync(() => Task.FromResult(b.EverythingEvicted > bEverything), "B counts a whole eviction");
        Assert.False((await visitor.Http.GetAsync("/produk/" + other)).Headers.Age is not null, "B evicted every product page");
        await Poll.UntilAsync(() => Task.FromResult(a.OwnSkipped > aOwn), "A hears its own notice");
        Assert.Equal((aEverything, aListings), (a.EverythingEvicted, a.ListingsEvicted));
        output.WriteLine($"A skipped {a.OwnSkipped} own notices; B evicted {b.ListingsEvicted} listing pages and everything {b.EverythingEvicted} times; new listing {submittedSlug}");
    }

    [Fact]
    public async Task Selling_the_last_unit_on_A_evicts_on_B_the_pages_showing_its_card_and_keeps_the_others()
    {
        var (a, b) = (TwoInstances.Listener(shop.A), TwoInstances.Listener(shop.B));
        await Poll.UntilAsync(() => Task.FromResult(a.Listening && b.Listening), "both listeners listen");
        // The demo's unpaid orders lapse on the expiry job's first run, releasing stock: settle that first.
        await using (var scope = shop.A.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PasKreatif.Orders.OrderLifecycle>().ExpireDueAsync();
        await Task.Delay(500);
        int id;
        string slug, category, other;
        await using (var db = TestDatabases.Open(shop.Database))
        {
            var listings = await db.Listings.Where(l => l.Status == PasKreatif.Catalog.ListingStatus.Approved && !l.Category!.Perishable)
                .OrderByDescending(l => l.Id).Skip(2).Take(2).Select(l => new { l.Id, l.Slug, Category = l.Category!.Slug }).ToListAsync();
            (id, slug, category, other) = (listings[0].Id, listings[0].Slug, listings[0].Category, listings[1].Slug);
            await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Stock, 3).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 0)
                .SetProperty(l => l.Delivery, PasKreatif.Catalog.DeliveryOptions.Pickup));
        }
        var categoryUrl = $"/kategori/{category}?uji=habis-skala";
        using var visitor = shop.B.Client();
        async Task<bool> CachedOnB(string url) => (await visitor.Http.GetAsync(url)).Headers.Age is not null;
        async Task<string?> CardOnB() => (await visitor.GetDocumentAsync(categoryUrl))
            .QuerySelector($"li.product-card:has(a[href='/produk/{slug}']) .availability")?.TextContent.Trim();
        Assert.Equal("Stok tersedia", await CardOnB());
        await visitor.Http.GetAsync("/produk/" + other);
        Assert.True(await CachedOnB(categoryUrl) && await CachedOnB("/produk/" + other));
        var bEverything = b.EverythingEvicted;

        // A buyer on A takes all three: the card reads "sold out" wherever B shows it.
        using var buyer = shop.A.Client();
        await PasKreatif.Integration.Tests.Checkout.Shopping.AddAsync(buyer, id, 3);
        PasKreatif.Integration.Tests.Checkout.Shopping.Token(await PasKreatif.Integration.Tests.Checkout.Shopping.CheckoutAsync(buyer, "BankTransfer", "habis-skala@contoh.test"));

        await Poll.UntilAsync(async () => await CardOnB() == "Stok habis", "B's category page shows the card sold out");
        Assert.True(await CachedOnB("/produk/" + other), "another product page on B is still cached");
        Assert.Equal(bEverything, b.EverythingEvicted);
    }

    [Fact]
    public async Task After_its_connection_is_cut_Bs_listener_reconnects_and_evictions_reach_B_again()
    {
        var listener = TwoInstances.Listener(shop.B);
        var before = listener.Connections;
        await using (var admin = new NpgsqlConnection(TestDatabases.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND application_name = @app", admin);
            kill.Parameters.AddWithValue("db", shop.Database);
            kill.Parameters.AddWithValue("app", CatalogEvictionListener.ApplicationName);
            Assert.Equal(2L, await kill.ExecuteScalarAsync()); // A's and B's
        }
        await Poll.UntilAsync(() => Task.FromResult(listener.Connections > before), "B's listener reconnects");

        using var visitor = shop.B.Client();
        var slug = "";
        await using (var db = TestDatabases.Open(shop.Database))
            slug = await db.Listings.Where(l => l.Status == PasKreatif.Catalog.ListingStatus.Approved).OrderBy(l => l.Id).Select(l => l.Slug).FirstAsync();
        var title = (await visitor.GetDocumentAsync("/produk/" + slug)).QuerySelector("main h1")!.TextContent.Trim();

        // A change saved through A's own DbContext (its interceptor sends the notice).
        await using (var scope = shop.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var listing = await db.Listings.SingleAsync(l => l.Slug == slug);
            listing.Title = title + " Baru";
            await db.SaveChangesAsync();
        }
        await Poll.UntilAsync(async () => (await visitor.GetDocumentAsync("/produk/" + slug)).QuerySelector("main h1")!.TextContent.Trim() == title + " Baru",
            "B shows the new title");
    }

    [Fact]
    public async Task A_recurring_job_runs_once_per_occurrence_across_both_instances()
    {
        await using (var db = TestDatabases.Open(shop.Database))
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS scaleout_runs (job_id text NOT NULL)");
        // Both instances register it at start in real life; here both do too.
        foreach (var instance in new[] { shop.A, shop.B })
            instance.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<CountedRun>(CountedRun.Id, run => run.RecordAsync(null), "*/2 * * * * *");

        await Poll.UntilAsync(async () => await CountAsync("SELECT count(*) FROM scaleout_runs") >= 4, "four runs", seconds: 60);
        foreach (var instance in new[] { shop.A, shop.B })
            instance.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(CountedRun.Id);
        // Every job the scheduler created has finished (none left enqueued, scheduled or processing).
        await Poll.UntilAsync(async () => await CountAsync(
            $"SELECT count(*) FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId' WHERE p.value = '\"{CountedRun.Id}\"' AND j.statename <> 'Succeeded'") == 0,
            "the last runs finish", seconds: 30);

        var jobs = await CountAsync($"SELECT count(*) FROM hangfire.jobparameter WHERE name = 'RecurringJobId' AND value = '\"{CountedRun.Id}\"'");
        var occurrences = await CountAsync(
            $"SELECT count(DISTINCT t.value) FROM hangfire.jobparameter r JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time' WHERE r.name = 'RecurringJobId' AND r.value = '\"{CountedRun.Id}\"'");
        var runs = await CountAsync("SELECT count(*) FROM scaleout_runs");
        var distinctRuns = await CountAsync("SELECT count(DISTINCT job_id) FROM scaleout_runs");
        Assert.True(runs >= 4);
        Assert.Equal(runs, distinctRuns); // no job ran twice
        Assert.Equal(jobs, runs);         // every job created ran
        Assert.Equal(occurrences, jobs);  // one job per scheduled occurrence, not one per instance
        output.WriteLine($"{occurrences} occurrences, {jobs} jobs, {runs} runs across two workers");
    }

    async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ConnectionString(shop.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A recurring job whose every run leaves one row, so runs can be counted.</summary>
public sealed class CountedRun(MarketplaceDb db)
{
    public const string Id = "scaleout-counted-run";

    public async Task RecordAsync(PerformContext? context) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO scaleout_runs (job_id) VALUES ({context!.BackgroundJob.Id})");
}

static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> done, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within {seconds} s: {what}");
            await Task.Delay(50);
        }
    }
}
