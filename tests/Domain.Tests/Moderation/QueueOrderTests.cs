using PasKreatif.Makers;
using PasKreatif.Moderation;

namespace PasKreatif.Domain.Tests.Moderation;

public class QueueOrderTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    static QueueItem Item(QueueItemKind kind, int id, DateTimeOffset? at) => new(kind, id, $"{kind} {id}", "m", "g", at, Now - at);

    [Fact]
    public void Listings_revisions_and_stories_wait_in_one_line_oldest_first_and_stories_without_a_time_last()
    {
        var ordered = ModerationQueue.Oldest(
        [
            Item(QueueItemKind.Listing, 1, Now.AddHours(-1)),
            Item(QueueItemKind.Story, 7, null),
            Item(QueueItemKind.Story, 5, Now.AddDays(-2)),
            Item(QueueItemKind.Revision, 3, Now.AddHours(-30)),
            Item(QueueItemKind.Listing, 2, Now.AddDays(-3)),
        ]);
        Assert.Equal(["Listing 2", "Story 5", "Revision 3", "Listing 1", "Story 7"], ordered.Select(i => i.Title));
        Assert.Equal(TimeSpan.FromDays(2), ordered[1].Waiting);
    }

    [Fact]
    public void Every_submission_of_a_story_carries_its_time_and_keeps_the_published_text()
    {
        var story = MakerStory.Submitted("Cerita lama.", "Cerita baru.", Now);
        Assert.Equal((StoryStatus.Pending, "Cerita baru.", "Cerita lama.", (DateTimeOffset?)Now), (story.Status, story.Pending, story.Published, story.SubmittedAt));
    }
}
