using PasKreatif.Domain.Tests.Media;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Workspace;

public class ListingLifecycleThroughPagesTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_maker_drafts_submits_reworks_a_rejection_and_revises_an_approved_listing()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var id = await CreateListingAsync(maker, "Nastar Nanas Bu Sri");
        var page = $"/toko-saya/produk/{id}";
        Assert.Contains("Draf", await TextOfAsync(maker, page));

        // No photo yet: refused with a message, still a draft.
        await ActAsync(maker, page, "Submit");
        Assert.Contains("paling sedikit satu foto", await TextOfAsync(maker, page));
        Assert.Equal(ListingStatus.Draft, await StatusAsync(id));

        var upload = await UploadAsync(maker, id, PhoneShots.Jpeg(800, 600), "nastar.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await RunUploadJobAsync(factory, Guid.Parse(upload.Headers.Location!.OriginalString.Split('/').Last()));
        Assert.Contains("Foto (1 dari 8)", await TextOfAsync(maker, page));

        await ActAsync(maker, page, "Submit");
        Assert.Equal(ListingStatus.Submitted, await StatusAsync(id));

        await DecideAsync(factory, id, (l, who, now) => l.Reject(who, now, "Foto kurang terang, mohon difoto ulang."));
        var rejected = await TextOfAsync(maker, page);
        Assert.Contains("Perlu diperbaiki", rejected);
        Assert.Contains("Foto kurang terang, mohon difoto ulang.", rejected);

        // Rework in place and resubmit; the mentor approves.
        Assert.Equal(HttpStatusCode.Redirect, (await maker.SubmitAsync($"{page}/ubah", ListingForm("Nastar Nanas Premium"))).StatusCode);
        await ActAsync(maker, page, "Submit");
        Assert.Equal(ListingStatus.Submitted, await StatusAsync(id));
        await DecideAsync(factory, id, (l, who, now) => l.Approve(who, now));

        // Words of an approved listing change by revision; the approved words stay on sale meanwhile.
        var html = "Resep baru.\n<script>alert('x')</script>\nBaris tiga";
        var edit = ListingForm("Nastar Nanas Premium Keju", html);
        edit["Form.Price"] = "27000";
        Assert.Equal(HttpStatusCode.Redirect, (await maker.SubmitAsync($"{page}/ubah", edit)).StatusCode);
        await using (var db = factory.OpenDb())
        {
            var listing = await db.Listings.Include(l => l.Revisions).SingleAsync(l => l.Id == id);
            Assert.Equal(ListingStatus.Approved, listing.Status);
            Assert.Equal("Nastar Nanas Premium", listing.Title);
            Assert.Equal(27000m, listing.Price.Amount); // price needs no review
            var revision = Assert.Single(listing.Revisions);
            Assert.Equal(RevisionStatus.Draft, revision.Status);
            Assert.Equal("Nastar Nanas Premium Keju", revision.Title);
        }
        var preview = await TextOfAsync(maker, $"{page}/pratinjau");
        Assert.DoesNotContain("<script>alert", preview);
        Assert.Contains("&lt;script&gt;", preview);
        Assert.Contains("keep-lines", preview);

        // Stock needs no review and leaves the revision alone.
        await ActAsync(maker, page, "Stock", new Dictionary<string, string> { ["stock"] = "12" });
        await ActAsync(maker, page, "Submit");
        await using (var db = factory.OpenDb())
        {
            var listing = await db.Listings.Include(l => l.Revisions).SingleAsync(l => l.Id == id);
            Assert.Equal(12, listing.Stock);
            Assert.Equal(RevisionStatus.Submitted, listing.Revisions.Single().Status);
        }
        Assert.Contains("sedang ditinjau", await TextOfAsync(maker, page));
        var revisionId = 0;
        await DecideAsync(factory, id, (l, who, now) => { var r = l.Revisions.Single(); revisionId = r.Id; return l.ApproveRevision(r, who, now); });
        await using (var db = factory.OpenDb())
        {
            var listing = await db.Listings.SingleAsync(l => l.Id == id);
            Assert.Equal("Nastar Nanas Premium Keju", listing.Title);
            Assert.Equal(html, listing.Description);
        }

        await ActAsync(maker, page, "Pause");
        Assert.Equal(ListingStatus.Paused, await StatusAsync(id));
        await ActAsync(maker, page, "Resume");
        Assert.Equal(ListingStatus.Approved, await StatusAsync(id));
        await ActAsync(maker, page, "Archive");
        Assert.Equal(ListingStatus.Archived, await StatusAsync(id));

        await using (var db = factory.OpenDb())
        {
            var trail = await db.ListingAudit.Where(a => a.ListingId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal([AuditAction.Created, AuditAction.Submitted, AuditAction.Rejected, AuditAction.Submitted, AuditAction.Approved,
                AuditAction.StockChanged, AuditAction.RevisionSubmitted, AuditAction.RevisionApproved, AuditAction.Paused, AuditAction.Resumed, AuditAction.Archived], trail);
        }
    }

    [Fact]
    public async Task A_form_with_mistakes_keeps_what_was_typed_and_says_what_to_fix()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var form = ListingForm("Kain batik tulis");
        form["Form.Price"] = "abc";
        form["Form.Pickup"] = "";
        form["Form.Shipping"] = "";
        var response = await maker.SubmitAsync("/toko-saya/produk/baru", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tulis jumlah dalam rupiah", body); // the one rupiah reader says how to write it
        Assert.Contains("Pilih paling sedikit satu cara pengiriman.", body);
        Assert.Contains("value=\"Kain batik tulis\"", body);
        await using var db = factory.OpenDb();
        Assert.False(await db.Listings.AnyAsync(l => l.Title == "Kain batik tulis"));
    }

    async Task<ListingStatus> StatusAsync(int id)
    {
        await using var db = factory.OpenDb();
        return await db.Listings.Where(l => l.Id == id).Select(l => l.Status).SingleAsync();
    }
}
