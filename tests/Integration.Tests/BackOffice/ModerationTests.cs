using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Moderation;

namespace PasKreatif.Integration.Tests.BackOffice;

public class ModerationTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    async Task<ShopClient> MentorAsync()
    {
        var client = ShopClient.For(factory);
        await client.SignInAsync("pendamping");
        return client;
    }

    async Task<int> FirstGroupAsync()
    {
        await using var db = factory.OpenDb();
        return (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
    }

    [Fact]
    public async Task A_mentor_approves_a_submitted_listing_it_goes_on_sale_the_audit_keeps_it_and_the_maker_is_mailed()
    {
        int id;
        await using (var db = factory.OpenDb()) id = (await BackOfficeData.SubmittedListingAsync(db, await FirstGroupAsync(), "Tas Anyaman Pandan Biru")).Id;
        using var mentor = await MentorAsync();

        var queue = await mentor.GetDocumentAsync("/admin/moderasi");
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Tas Anyaman Pandan Biru"));
        Assert.Matches(@"\d+ j \d+ mnt|\d+ hr", row.QuerySelector("td.num")!.TextContent);

        var approved = await mentor.SubmitAsync($"/admin/moderasi/produk/{id}", new Dictionary<string, string>(), "form[action*=Approve]");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        await using var check = factory.OpenDb();
        var listing = await check.Listings.SingleAsync(l => l.Id == id);
        Assert.Equal(ListingStatus.Approved, listing.Status);
        var audit = await check.ListingAudit.Where(a => a.ListingId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Submitted, AuditAction.Approved], audit.Select(a => a.Action));
        Assert.Equal(await BackOfficeData.PersonAsync(check, "pendamping"), audit[1].ActorId);
        Assert.Contains($"/produk/{listing.Slug}", await mentor.Http.GetStringAsync("/"));

        var makerEmail = await check.Makers.Where(m => m.Id == listing.MakerId).Select(m => m.Person!.Email).SingleAsync();
        Assert.Contains(BackOfficeData.QueuedMails(factory), m => m.To == makerEmail && m.Subject.Contains("Tas Anyaman Pandan Biru") && m.TextBody.Contains($"/produk/{listing.Slug}"));

        var page = await mentor.GetDocumentAsync($"/admin/moderasi/produk/{id}");
        var history = page.QuerySelector("#audit-heading")!.ParentElement!.TextContent;
        Assert.Contains("Disetujui", history);
        var zone = await check.Listings.Where(l => l.Id == id).Select(l => l.Programme!.Group!.Office!.Zone).SingleAsync();
        Assert.Contains(" " + zone, history); // times in the office's zone, by name
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_keeps_the_saved_reason_and_the_free_text_in_the_audit()
    {
        int id;
        await using (var db = factory.OpenDb()) id = (await BackOfficeData.SubmittedListingAsync(db, await FirstGroupAsync(), "Kue Lapis Legit Pandan")).Id;
        using var mentor = await MentorAsync();

        var empty = await mentor.SubmitAsync($"/admin/moderasi/produk/{id}", new Dictionary<string, string> { ["Note"] = "  " }, "form[action*=Reject]");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Tulis alasan atau pilih alasan tersimpan", await empty.Content.ReadAsStringAsync());
        await using (var db = factory.OpenDb()) Assert.Equal(ListingStatus.Submitted, (await db.Listings.SingleAsync(l => l.Id == id)).Status);

        var rejected = await mentor.SubmitAsync($"/admin/moderasi/produk/{id}",
            new Dictionary<string, string> { ["SavedReason"] = "ReasonPhotos", ["Note"] = "Foto kedua buram." }, "form[action*=Reject]");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        await using var check = factory.OpenDb();
        var listing = await check.Listings.SingleAsync(l => l.Id == id);
        Assert.Equal(ListingStatus.Rejected, listing.Status);
        var entry = await check.ListingAudit.Where(a => a.ListingId == id).OrderBy(a => a.Id).LastAsync();
        Assert.Equal(AuditAction.Rejected, entry.Action);
        Assert.StartsWith("Foto kurang jelas", entry.Reason);
        Assert.EndsWith("Foto kedua buram.", entry.Reason);
        Assert.Equal(entry.Reason, listing.RejectionReason);

        // Deciding again is refused with a message, not an error page.
        var again = await mentor.PostWithTokenAsync($"/admin/moderasi/produk/{id}?handler=Approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Sudah diputuskan", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revision_is_shown_beside_the_live_version_and_its_approval_replaces_the_words()
    {
        int id;
        string liveTitle;
        await using (var db = factory.OpenDb())
        {
            var group = await FirstGroupAsync();
            var listing = await db.Listings.Include(l => l.Revisions).Include(l => l.Maker)
                .Where(l => l.Programme!.GroupId == group && l.Status == ListingStatus.Approved).OrderBy(l => l.Id).FirstAsync();
            var revision = listing.Revise(listing.Title + " Edisi Baru", "Keterangan yang diperbarui.", listing.CategoryId, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            db.ListingAudit.Add(listing.SubmitRevision(revision, listing.Maker!.PersonId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            (id, liveTitle) = (listing.Id, listing.Title);
        }
        using var mentor = await MentorAsync();
        var page = await mentor.GetDocumentAsync($"/admin/moderasi/produk/{id}");
        Assert.Contains(liveTitle, page.QuerySelector("[aria-labelledby=live-heading]")!.TextContent);
        var proposed = page.QuerySelector("[aria-labelledby=proposed-heading]")!;
        Assert.Contains(liveTitle + " Edisi Baru", proposed.TextContent);
        Assert.Equal(2, proposed.QuerySelectorAll("dd.changed").Length); // title and description, not category or photos

        var approved = await mentor.SubmitAsync($"/admin/moderasi/produk/{id}", new Dictionary<string, string>(), "form[action*=Approve]");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using var check = factory.OpenDb();
        Assert.Equal(liveTitle + " Edisi Baru", (await check.Listings.SingleAsync(l => l.Id == id)).Title);
        Assert.Equal(AuditAction.RevisionApproved, (await check.ListingAudit.Where(a => a.ListingId == id).OrderBy(a => a.Id).LastAsync()).Action);
    }

    [Fact]
    public async Task Several_listings_are_approved_at_once_from_the_queue()
    {
        int a, b;
        await using (var db = factory.OpenDb())
        {
            var group = await FirstGroupAsync();
            a = (await BackOfficeData.SubmittedListingAsync(db, group, "Sarung Tenun Merah")).Id;
            b = (await BackOfficeData.SubmittedListingAsync(db, group, "Sarung Tenun Hijau")).Id;
        }
        using var mentor = await MentorAsync();
        var queue = await mentor.GetDocumentAsync("/admin/moderasi");
        var form = queue.QuerySelector<IHtmlFormElement>("form[action*=ApproveMany]")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await mentor.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("selected", a.ToString()), new("selected", b.ToString())]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2 produk disetujui", await mentor.Http.GetStringAsync("/admin/moderasi"));
        await using var check = factory.OpenDb();
        Assert.Equal(2, await check.Listings.CountAsync(l => (l.Id == a || l.Id == b) && l.Status == ListingStatus.Approved));
    }

    [Fact]
    public async Task A_personal_story_is_approved_the_same_way_and_kept_in_its_audit()
    {
        int makerId;
        await using (var db = factory.OpenDb())
        {
            var groups = await BackOfficeData.MentoredGroupsAsync(db, "pendamping");
            var maker = await db.Makers.Where(m => groups.Contains(m.HomeGroupId)).OrderBy(m => m.Id).FirstAsync();
            maker.Story = MakerStory.Submitted(maker.Story.Published, "Saya belajar menjahit sejak dua tahun lalu.", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            makerId = maker.Id;
        }
        using var mentor = await MentorAsync();
        Assert.Contains($"/admin/moderasi/cerita/{makerId}", await mentor.Http.GetStringAsync("/admin/moderasi"));
        var approved = await mentor.SubmitAsync($"/admin/moderasi/cerita/{makerId}", new Dictionary<string, string>(), "form[action*=Approve]");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        await using var check = factory.OpenDb();
        var story = (await check.Makers.SingleAsync(m => m.Id == makerId)).Story;
        Assert.Equal(StoryStatus.Approved, story.Status);
        Assert.Equal("Saya belajar menjahit sejak dua tahun lalu.", story.Published);
        var entry = await check.Set<StoryAuditEntry>().SingleAsync(e => e.MakerId == makerId);
        Assert.Equal(StoryAction.Approved, entry.Action);
    }
}
