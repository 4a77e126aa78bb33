using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Integration.Tests.Workspace;

public class InvitationStoryTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_story_written_on_joining_waits_for_a_mentor_and_the_link_works_once()
    {
        var token = await CreateInvitationAsync();
        using var maker = ShopClient.For(factory);
        var story = "Saya belajar menjahit di program konveksi.\nSekarang saya membuat tas.";
        var joined = await maker.SubmitAsync($"/undangan/{token}", new Dictionary<string, string>
        {
            ["UserName"] = "rina.jahit", ["DisplayName"] = "Mbak Rina", ["Password"] = "benang-biru-7", ["Email"] = "", ["Story"] = story,
        });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        await using var db = factory.OpenDb();
        var made = await db.Makers.SingleAsync(m => m.DisplayName == "Mbak Rina");
        Assert.Equal(StoryStatus.Pending, made.Story.Status);
        Assert.Equal(story, made.Story.Pending);
        Assert.Null(made.Story.Published);
        Assert.NotNull(made.Story.SubmittedAt); // the moderation queue counts the wait from here

        using var second = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Gone, (await second.Http.GetAsync($"/undangan/{token}")).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_makes_no_account()
    {
        var token = await CreateInvitationAsync();
        await using (var db = factory.OpenDb())
        {
            var hash = Invitation.Hash(token);
            await db.Invitations.Where(i => i.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        using var late = ShopClient.For(factory);
        var response = await late.PostWithTokenAsync($"/undangan/{token}", new Dictionary<string, string>
        {
            ["UserName"] = "terlambat", ["DisplayName"] = "Terlambat", ["Password"] = "benang-biru-7", ["Story"] = "Cerita",
        });
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("kedaluwarsa", await response.Content.ReadAsStringAsync());
        await using var check = factory.OpenDb();
        Assert.False(await check.Makers.AnyAsync(m => m.DisplayName == "Terlambat"));
    }

    async Task<string> CreateInvitationAsync() => await factory.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PasKreatif.Persistence.MarketplaceDb>();
        var mentor = await services.GetRequiredService<UserManager<Person>>().FindByNameAsync("pendamping");
        var scope = await StaffScope.ForAsync(db, mentor!.Id, [Roles.Mentor]);
        return (await services.GetRequiredService<InvitationService>().CreateAsync(scope, scope.MentoredGroupIds.First(), null)).Token;
    });
}
