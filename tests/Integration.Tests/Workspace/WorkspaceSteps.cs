using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Media;

namespace PasKreatif.Integration.Tests.Workspace;

/// <summary>What a maker does in the workspace, as form posts; and what a mentor decides, through the domain.</summary>
static class WorkspaceSteps
{
    public static Dictionary<string, string> ListingForm(string title, string description = "Kue kering renyah.\nIsi 20 butir per toples.") => new()
    {
        ["Form.Title"] = title, ["Form.Description"] = description, ["Form.Price"] = "25000", ["Form.Stock"] = "5",
        ["Form.LeadTimeDays"] = "0", ["Form.WeightGrams"] = "500", ["Form.Pickup"] = "true", ["Form.Shipping"] = "true",
    };

    public static async Task<int> CreateListingAsync(ShopClient maker, string title)
    {
        var response = await maker.SubmitAsync("/toko-saya/produk/baru", ListingForm(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>Posts one of the listing page's action forms (Submit, Pause, Stock...) and follows nothing.</summary>
    public static async Task<HttpResponseMessage> ActAsync(ShopClient maker, string page, string handler, IDictionary<string, string>? fields = null) =>
        await maker.SubmitAsync(page, fields ?? new Dictionary<string, string>(), $"form[action$='handler={handler}']");

    public static async Task<HttpResponseMessage> UploadAsync(ShopClient maker, int listingId, byte[] content, string fileName, string contentType)
    {
        var page = await maker.GetDocumentAsync($"/toko-saya/produk/{listingId}");
        var form = page.QuerySelector<IHtmlFormElement>("form[data-photo-upload]") ?? throw new InvalidOperationException("No upload form");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, "photo", fileName);
        return await maker.Http.PostAsync(form.GetAttribute("action"), body);
    }

    public static async Task RunUploadJobAsync(ShopFactory factory, Guid uploadId) =>
        await factory.WithScopeAsync(async s => { await s.GetRequiredService<PhotoUploadJob>().RunAsync(uploadId, CancellationToken.None); return 0; });

    /// <summary>The mentor's side (built in the back office): a decision through the lifecycle rules.</summary>
    public static async Task DecideAsync(ShopFactory factory, int listingId, Func<Listing, Guid, DateTimeOffset, ListingAuditEntry> decide)
    {
        await using var db = factory.OpenDb();
        var mentor = await db.Users.Where(u => u.UserName == "pendamping").Select(u => u.Id).SingleAsync();
        var listing = await db.Listings.Include(l => l.Photos).Include(l => l.Revisions).ThenInclude(r => r.Photos).AsSplitQuery().SingleAsync(l => l.Id == listingId);
        db.ListingAudit.Add(decide(listing, mentor, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task<string> TextOfAsync(ShopClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
