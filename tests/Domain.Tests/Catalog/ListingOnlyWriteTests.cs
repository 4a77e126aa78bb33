using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class ListingOnlyWriteTests
{
    [Fact]
    public async Task The_mark_holds_for_the_write_alone_and_never_leaks_to_the_next()
    {
        Assert.Null(ListingOnlyWrite.Current);
        int? seen = null;
        var result = await ListingOnlyWrite.RunAsync(42, async () =>
        {
            await Task.Yield(); // EF's interceptors run after awaits inside the write
            seen = ListingOnlyWrite.Current;
            return 1;
        });
        Assert.Equal((1, 42), (result, seen));
        Assert.Null(ListingOnlyWrite.Current);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ListingOnlyWrite.RunAsync(7, () => throw new InvalidOperationException()));
        Assert.Null(ListingOnlyWrite.Current);
    }
}
