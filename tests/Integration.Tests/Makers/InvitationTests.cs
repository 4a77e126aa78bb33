using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Integration.Tests.Makers;

public class InvitationTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_mentor_invites_and_the_maker_accepts_once_and_only_once()
    {
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var created = await mentor.SubmitAsync("/admin/pembuat/undang", new Dictionary<string, string> { ["Note"] = "Bu Tini, kelas kue" });
        var link = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync())
            .QuerySelector("#invite-link")!.GetAttribute("value")!;
        var path = new Uri(link).AbsolutePath;

        using var maker = ShopClient.For(factory);
        var joined = await maker.SubmitAsync(path, Form("tini.kue", "Bu Tini"));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal("/toko-saya", joined.Headers.Location!.OriginalString);
        Assert.Contains("Bu Tini", await maker.Http.GetStringAsync("/toko-saya"));

        await using var db = factory.OpenDb();
        var newMaker = await db.Makers.Include(m => m.Programmes).SingleAsync(m => m.DisplayName == "Bu Tini");
        var mentorGroups = await db.GroupMentors.Where(g => g.Person!.UserName == "pendamping").Select(g => g.GroupId).ToListAsync();
        Assert.Contains(newMaker.HomeGroupId, mentorGroups);
        Assert.NotEmpty(newMaker.Programmes);

        // The same link again: refused, and no second account appears.
        using var intruder = ShopClient.For(factory);
        var again = await intruder.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("sudah dipakai", await again.Content.ReadAsStringAsync());
        var repost = await intruder.PostWithTokenAsync(path, Form("tini.dua", "Penyusup"));
        Assert.Equal(HttpStatusCode.Gone, repost.StatusCode);
        Assert.False(await db.Makers.AnyAsync(m => m.DisplayName == "Penyusup"));
    }

    [Fact]
    public async Task Two_acceptances_at_once_make_exactly_one_maker()
    {
        var token = await CreateInvitationAsync();
        var attempts = Enumerable.Range(0, 4).Select(i => factory.WithScopeAsync(services =>
            services.GetRequiredService<InvitationService>().AcceptAsync(new InvitationAcceptance(token, $"kembar{i}", $"Kembar {i}", "rahasia-123", null))));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(InvitationProblem.AlreadyUsed, r.Problem));
        await using var db = factory.OpenDb();
        Assert.Equal(1, await db.Makers.CountAsync(m => m.DisplayName.StartsWith("Kembar")));
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_with_a_clear_message()
    {
        var token = await CreateInvitationAsync();
        await using (var db = factory.OpenDb())
        {
            var hash = Invitation.Hash(token);
            await db.Invitations.Where(i => i.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        using var client = ShopClient.For(factory);
        var response = await client.Http.GetAsync($"/undangan/{token}");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("kedaluwarsa", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_token_finds_nothing()
    {
        using var client = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/undangan/bukan-token-asli")).StatusCode);
    }

    [Fact]
    public async Task A_mentor_cannot_invite_into_another_group()
    {
        await using var db = factory.OpenDb();
        var own = await db.GroupMentors.Where(g => g.Person!.UserName == "pendamping").Select(g => g.GroupId).ToListAsync();
        var foreign = await db.Groups.Where(g => !own.Contains(g.Id)).Select(g => g.Id).FirstAsync();

        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var response = await mentor.SubmitAsync("/admin/pembuat/undang", new Dictionary<string, string> { ["GroupId"] = foreign.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await db.Invitations.AnyAsync(i => i.GroupId == foreign));
    }

    async Task<string> CreateInvitationAsync() => await factory.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PasKreatif.Persistence.MarketplaceDb>();
        var mentor = await services.GetRequiredService<UserManager<Person>>().FindByNameAsync("pendamping");
        var scope = await StaffScope.ForAsync(db, mentor!.Id, [Roles.Mentor]);
        var group = scope.MentoredGroupIds.First();
        return (await services.GetRequiredService<InvitationService>().CreateAsync(scope, group, null)).Token;
    });

    static Dictionary<string, string> Form(string userName, string displayName) => new()
    {
        ["UserName"] = userName, ["DisplayName"] = displayName, ["Password"] = "rahasia-123", ["Email"] = "",
    };
}
