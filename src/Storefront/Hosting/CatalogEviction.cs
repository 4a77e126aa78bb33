using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// The one consumer of catalogue changes: it waits for the write to commit, evicts the output cache and
/// <see cref="CatalogMemory"/> by each change's scope, and tells the other instances what changed by a notice
/// sent in the writing transaction (delivered only if it commits). A save of something the catalogue shows
/// that no service announced evicts everything, so a forgotten event costs speed, never freshness.
/// </summary>
public sealed class CatalogEviction(IOutputCacheStore store, CatalogMemory memory, CatalogInstance instance, ILogger<CatalogEviction> log)
    : ICatalogChanges, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    static readonly HashSet<Type> Shown =
    [
        typeof(Listing), typeof(ListingPhoto), typeof(ListingRevision), typeof(Maker), typeof(MakerStory),
        typeof(MakerProgramme), typeof(Programme), typeof(Group), typeof(Regency), typeof(Category),
        typeof(Reviews.Review), typeof(Questions.Question), // replies and public answers show on product pages
    ];

    /// <summary>Changes raised before the save that writes them.</summary>
    readonly ConditionalWeakTable<DbContext, List<CatalogChange>> beforeSave = new();
    /// <summary>Changes written inside a transaction, published when it commits.</summary>
    readonly ConditionalWeakTable<DbTransaction, List<CatalogChange>> beforeCommit = new();

    public async ValueTask RaiseAsync(MarketplaceDb db, CatalogChange change, CancellationToken ct = default)
    {
        if (db.ChangeTracker.HasChanges()) Add(beforeSave, db, [change]);
        else await WrittenAsync(db, [change]);
    }

    /// <summary>Written: within a transaction it waits for the commit, otherwise it is committed already.</summary>
    async ValueTask WrittenAsync(DbContext db, IReadOnlyList<CatalogChange> changes)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction) Add(beforeCommit, transaction, changes);
        else await PublishAsync(db.Database.GetDbConnection(), null, changes);
    }

    async ValueTask PublishAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<CatalogChange> changes)
    {
        var scope = CatalogEvictionScope.For(changes);
        if (scope.IsNothing) return;
        await CatalogEvictionNotice.SendAsync(connection, transaction, instance.Id, changes);
        if (transaction is null) await EvictAsync(store, memory, scope);
    }

    /// <summary>The one eviction, called by the writer after its commit and by every listener on a notice.</summary>
    public static async ValueTask EvictAsync(IOutputCacheStore store, CatalogMemory memory, CatalogEvictionScope scope)
    {
        if (scope.IsNothing) return;
        if (scope.IsEverything)
        {
            memory.Clear();
            await store.EvictByTagAsync(CatalogHosting.CacheTag, CancellationToken.None);
            return;
        }
        // A stock count alone shows on its product page only; a card's label shows in the remembered strips too.
        memory.Forget(scope.Cards);
        foreach (var id in scope.Listings!) await store.EvictByTagAsync(CatalogHosting.ListingTag(id), CancellationToken.None);
        foreach (var id in scope.Cards) await store.EvictByTagAsync(CatalogHosting.CardTag(id), CancellationToken.None);
    }

    static void Add<TKey>(ConditionalWeakTable<TKey, List<CatalogChange>> table, TKey key, IEnumerable<CatalogChange> changes) where TKey : class
    {
        lock (table) table.GetOrCreateValue(key).AddRange(changes);
    }

    static List<CatalogChange>? Take<TKey>(ConditionalWeakTable<TKey, List<CatalogChange>> table, TKey key) where TKey : class
    {
        lock (table) return table.TryGetValue(key, out var changes) && table.Remove(key) ? changes : null;
    }

    // Saves: a save of shown entities with nothing raised for it is announced here as everything.
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Unannounced(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Unannounced(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    void Unannounced(DbContext? context)
    {
        if (context is null) return;
        lock (beforeSave) if (beforeSave.TryGetValue(context, out var raised) && raised.Count > 0) return;
        var shown = context.ChangeTracker.Entries().FirstOrDefault(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Shown.Contains(e.Metadata.ClrType));
        if (shown is null) return;
        log.UnannouncedCatalogueWrite(shown.Metadata.ClrType.Name);
        Add(beforeSave, context, [CatalogChange.Everything]);
    }

    async ValueTask SavedAsync(DbContext? context)
    {
        if (context is not null && Take(beforeSave, context) is { } changes) await WrittenAsync(context, changes);
    }

    void Failed(DbContext? context)
    {
        if (context is not null) Take(beforeSave, context);
    }

    // Transactions: the notice goes out inside the transaction, this instance evicts once it committed.
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        SendAsync(transaction, eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await SendAsync(transaction, eventData.Context);
        return result;
    }

    async ValueTask SendAsync(DbTransaction transaction, DbContext? context)
    {
        // Raised while the context held unsaved changes that were never saved: the commit still carries the write.
        if (context is not null && Take(beforeSave, context) is { } unsaved) Add(beforeCommit, transaction, unsaved);
        List<CatalogChange>? changes;
        lock (beforeCommit) changes = beforeCommit.TryGetValue(transaction, out var c) ? c : null;
        if (changes is null || CatalogEvictionScope.For(changes).IsNothing) return;
        await CatalogEvictionNotice.SendAsync(transaction.Connection!, transaction, instance.Id, changes);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        CommittedAsync(transaction).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        CommittedAsync(transaction).AsTask();

    async ValueTask CommittedAsync(DbTransaction transaction)
    {
        if (Take(beforeCommit, transaction) is { } changes) await EvictAsync(store, memory, CatalogEvictionScope.For(changes));
    }

    // Rolled back: nothing changed, nothing to evict or tell.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(beforeCommit, transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(beforeCommit, transaction);
        return Task.CompletedTask;
    }

    // A failed commit may still have committed: evicting too much is safe, too little is not.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        CommittedAsync(transaction).AsTask().GetAwaiter().GetResult();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        CommittedAsync(transaction).AsTask();
}
