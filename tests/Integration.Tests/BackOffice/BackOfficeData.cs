using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.BackOffice;

/// <summary>Rows of the tiny demo tier the back-office tests start from, and what the Hangfire queue holds.</summary>
static class BackOfficeData
{
    public static async Task<Guid> PersonAsync(MarketplaceDb db, string userName) =>
        await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();

    public static async Task<List<int>> MentoredGroupsAsync(MarketplaceDb db, string userName) =>
        await db.GroupMentors.Where(g => g.Person!.UserName == userName).Select(g => g.GroupId).ToListAsync();

    /// <summary>A fresh listing of a group, submitted by its maker through the lifecycle, so each test owns its row.</summary>
    public static async Task<Listing> SubmittedListingAsync(MarketplaceDb db, int groupId, string title)
    {
        var template = await db.Listings.AsNoTracking().Where(l => l.Programme!.GroupId == groupId && l.Status == ListingStatus.Approved)
            .Include(l => l.Maker).OrderBy(l => l.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var listing = new Listing
        {
            MakerId = template.MakerId, ProgrammeId = template.ProgrammeId, CategoryId = template.CategoryId,
            Slug = Slugs.From(title) + "-" + Guid.NewGuid().ToString("N")[..6], Title = title, Description = "Dibuat dengan tangan, rapi dan kuat.",
            Price = Money.Of(45_000), Stock = 3, Delivery = DeliveryOptions.Pickup, Status = ListingStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        db.ListingAudit.Add(listing.Submit(template.Maker!.PersonId, now.AddHours(-5)));
        await db.SaveChangesAsync();
        return listing;
    }

    /// <summary>The mails waiting in Hangfire's queue (the worker is off in these tests).</summary>
    public static List<OutgoingMail> QueuedMails(ShopFactory factory)
    {
        var api = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var count = (int)api.EnqueuedCount("default");
        return api.EnqueuedJobs("default", 0, Math.Max(count, 1))
            .Select(j => j.Value.Job)
            .Where(j => j?.Type == typeof(MailJob))
            .Select(j => (OutgoingMail)j!.Args[0])
            .ToList();
    }
}
