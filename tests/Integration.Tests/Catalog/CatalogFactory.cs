using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Persistence;
using System.Data.Common;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>The shop with a counter of every SQL command the host sends, to bound queries per page.</summary>
public class CatalogFactory : ShopFactory
{
    public SqlCommandCounter Commands { get; } = new();

    int compilations;
    /// <summary>LINQ queries EF compiled since the last reset: a first visit should find its shape compiled already.</summary>
    public int QueryCompilations => Volatile.Read(ref compilations);
    public void ResetQueryCompilations()
    {
        Interlocked.Exchange(ref compilations, 0);
        Compiled.Clear();
    }

    /// <summary>What EF logged as it started each compilation, for the failure message.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Compiled { get; } = new();

    protected virtual bool FirstVisitCached => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // These tests visit a page once and then see what the cache does with it; PageAdmissionTests hold the default.
        builder.UseSetting("Catalog:PageCacheOnFirstVisit", FirstVisitCached ? "true" : "false");
        builder.ConfigureServices(services => services.ConfigureDbContext<MarketplaceDb>((_, o) => o.AddInterceptors(Commands)
            .LogTo(m => { Interlocked.Increment(ref compilations); Compiled.Enqueue(m); }, [Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryCompilationStarting])));
    }

    /// <summary>Adds an approved listing of the first maker in the given category, as moderation would leave it.</summary>
    public async Task<Listing> AddListingAsync(string title, decimal price, string category, Action<Listing>? shape = null, string description = "Karya buatan tangan.")
    {
        await using var db = OpenDb();
        var maker = await db.Makers.Include(m => m.Programmes).OrderBy(m => m.Id).FirstAsync();
        var categoryId = await db.Categories.Where(c => c.Slug == category).Select(c => c.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var listing = new Listing
        {
            MakerId = maker.Id, ProgrammeId = maker.Programmes[0].ProgrammeId, CategoryId = categoryId,
            Slug = PasKreatif.Slugs.From(title) + "-" + Guid.NewGuid().ToString("N")[..6], Title = title, Description = description,
            Price = Money.Of(price), Stock = 5, Delivery = DeliveryOptions.Pickup | DeliveryOptions.Shipping,
            Status = ListingStatus.Approved, CreatedAt = now, UpdatedAt = now, SubmittedAt = now, PublishedAt = now,
        };
        shape?.Invoke(listing);
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return listing;
    }
}

public sealed class SqlCommandCounter : DbCommandInterceptor
{
    int count;
    readonly System.Collections.Concurrent.ConcurrentQueue<string> texts = new();

    public int Count => Volatile.Read(ref count);
    /// <summary>The statements sent since the last reset, in order.</summary>
    public IReadOnlyList<string> Texts => texts.ToArray();
    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        texts.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref count);
        texts.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        texts.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref count);
        texts.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        texts.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref count);
        texts.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        texts.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
