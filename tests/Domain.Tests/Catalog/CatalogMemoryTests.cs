using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class CatalogMemoryTests
{
    sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    static (CatalogMemory Memory, CatalogMemo<string, string> Table, Clock Clock) Make()
    {
        var clock = new Clock(Start);
        var memory = new CatalogMemory(clock, new CatalogFacetCache(clock));
        return (memory, memory.Table<string, string>(3, TimeSpan.FromMinutes(10)), clock);
    }

    [Fact]
    public async Task A_value_is_read_once_until_the_catalogue_changes_or_its_time_is_up()
    {
        var (memory, table, clock) = Make();
        var reads = 0;
        Task<(string, IReadOnlyCollection<int>)> Load() => Task.FromResult(("read " + ++reads, (IReadOnlyCollection<int>)[1, 2]));

        Assert.Equal("read 1", await table.GetAsync("a", Load));
        Assert.Equal("read 1", await table.GetAsync("a", Load));
        Assert.True(table.TryGet("a", out var kept));
        Assert.Equal("read 1", kept);

        memory.Clear();
        Assert.False(table.TryGet("a", out _));
        Assert.Equal("read 2", await table.GetAsync("a", Load));

        clock.Now = Start.AddMinutes(11);
        Assert.False(table.TryGet("a", out _));
        Assert.Equal("read 3", await table.GetAsync("a", Load));
    }

    [Fact]
    public async Task A_changed_card_drops_only_the_values_that_show_it()
    {
        var (memory, table, _) = Make();
        await table.GetAsync("shows 7", () => Task.FromResult(("x", (IReadOnlyCollection<int>)[7, 8])));
        await table.GetAsync("shows 9", () => Task.FromResult(("y", (IReadOnlyCollection<int>)[9])));

        memory.Forget([8]);

        Assert.False(table.TryGet("shows 7", out _));
        Assert.True(table.TryGet("shows 9", out _));
    }

    [Fact]
    public async Task A_value_read_while_the_catalogue_changed_serves_that_request_only()
    {
        var (memory, table, _) = Make();
        Assert.Equal("during", await table.GetAsync("a", () =>
        {
            memory.Clear();
            return Task.FromResult(("during", (IReadOnlyCollection<int>)[]));
        }));
        Assert.False(table.TryGet("a", out _));

        Assert.Equal("during forget", await table.GetAsync("b", () =>
        {
            memory.Forget([5]);
            return Task.FromResult(("during forget", (IReadOnlyCollection<int>)[]));
        }));
        Assert.False(table.TryGet("b", out _));
    }

    [Fact]
    public async Task A_full_table_starts_again_rather_than_growing()
    {
        var (_, table, _) = Make();
        foreach (var key in new[] { "a", "b", "c", "d" })
            await table.GetAsync(key, () => Task.FromResult((key, (IReadOnlyCollection<int>)[])));
        Assert.Equal(1, table.Count);
        Assert.True(table.TryGet("d", out _));
    }
}
