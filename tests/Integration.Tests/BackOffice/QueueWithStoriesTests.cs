using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;

namespace PasKreatif.Integration.Tests.BackOffice;

public class QueueWithStoriesTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Stories_wait_in_the_same_queue_as_listings_oldest_first_with_their_waiting_time()
    {
        int listing, older, newer;
        await using (var db = factory.OpenDb())
        {
            var group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
            listing = (await BackOfficeData.SubmittedListingAsync(db, group, "Tas Anyaman Antrean")).Id; // submitted 5 hours ago
            var makers = await db.Makers.Where(m => m.HomeGroupId == group).OrderBy(m => m.Id).Take(2).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            makers[0].Story = MakerStory.Submitted(makers[0].Story.Published, "Cerita yang menunggu lama.", now.AddDays(-2).AddHours(-3));
            makers[1].Story = MakerStory.Submitted(makers[1].Story.Published, "Cerita yang baru masuk.", now.AddMinutes(-40));
            await db.SaveChangesAsync();
            (older, newer) = (makers[0].Id, makers[1].Id);
        }

        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var queue = await mentor.Http.GetStringAsync("/admin/moderasi");
        var positions = new[] { $"/admin/moderasi/cerita/{older}\"", $"/admin/moderasi/produk/{listing}\"", $"/admin/moderasi/cerita/{newer}\"" }
            .Select(href => queue.IndexOf(href, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);

        var olderRow = queue[positions[0]..positions[1]];
        Assert.Contains("2 hr 3 j", olderRow);
        Assert.Contains("0 j 4", queue[positions[2]..]);
    }
}
