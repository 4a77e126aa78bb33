using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Workspace;

namespace PasKreatif.Storefront.Pages.Seller.Listings;

public class DetailModel(CurrentMaker current, ListingEditor editor, ListingGallery gallery, PhotoUploads uploads, OfflineChanges changes, IStringLocalizer<WorkspaceText> text)
    : WorkspacePage(current, text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public Listing Listing { get; private set; } = null!;
    public ListingRevision? Revision { get; private set; }
    public IReadOnlyList<ListingPhoto> Photos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var listing = await editor.OwnAsync(MakerId, Id, ct);
        if (listing is null) return NotFound();
        Listing = listing;
        Revision = listing.EditsInPlace() ? null : ListingEditor.OpenRevision(listing);
        Photos = ListingGallery.Working(listing);
        return Page();
    }

    public bool CanSubmit => Listing.Status is ListingStatus.Draft or ListingStatus.Rejected
        || !Listing.EditsInPlace() && Revision is { Status: RevisionStatus.Draft or RevisionStatus.Rejected };
    public bool CanChangePhotos => Listing.Status != ListingStatus.Archived && Revision?.Status != RevisionStatus.Submitted;

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        StepAsync(() => editor.SubmitAsync(MakerId, Id, PersonId, ct), "Done.Submitted", ct);

    public Task<IActionResult> OnPostPauseAsync(CancellationToken ct) =>
        StepAsync(() => editor.PauseAsync(MakerId, Id, PersonId, ct), "Done.Paused", ct);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) =>
        StepAsync(() => editor.ResumeAsync(MakerId, Id, PersonId, ct), "Done.Resumed", ct);

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) =>
        StepAsync(() => editor.ArchiveAsync(MakerId, Id, PersonId, ct), "Done.Archived", ct);

    public Task<IActionResult> OnPostStockAsync(int? stock, CancellationToken ct) =>
        StepAsync(() => stock is null ? throw new ListingRuleException("NegativeStock") : editor.SetStockAsync(MakerId, Id, PersonId, stock.Value, ct), "Done.Stock", ct);

    /// <summary>The price alone, over the price and edit version the page showed: a change made elsewhere meanwhile is named, not overwritten.</summary>
    public async Task<IActionResult> OnPostPriceAsync(int version, string? seen, string? price, CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var problem = Money.TryParse(price, out var typed);
        if (problem != MoneyProblem.None || Money.TryParse(seen, out var before) != MoneyProblem.None)
        {
            Problem = problem == MoneyProblem.None ? Text["Outbox.Malformed"]
                : problem == MoneyProblem.Empty ? Text["Error.PriceEmpty"] : Text["Error.PriceUnreadable", Money.Explain(problem)];
            return RedirectToPage();
        }
        OfflineAnswer answer;
        try
        {
            answer = await changes.SetPriceAsync(MakerId, Id, version, before.Amount, typed.Amount, ct);
        }
        catch (ListingNotFoundException) { return NotFound(); }
        if (answer.Result is OfflineResult.Saved or OfflineResult.AlreadySaved) Done = Text["Done.Price"];
        else if (answer.Result == OfflineResult.Conflict) Problem = Text["Outbox.Conflict.Price"];
        else Problem = Text["Rule." + answer.Problem] is { ResourceNotFound: false } rule ? rule : Text["Outbox.Refused"];
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostMovePhotoAsync(int photoId, int step, CancellationToken ct) =>
        StepAsync(() => gallery.MoveAsync(MakerId, Id, photoId, step, ct), null, ct, "foto");

    public Task<IActionResult> OnPostRemovePhotoAsync(int photoId, CancellationToken ct) =>
        StepAsync(() => gallery.RemoveAsync(MakerId, Id, photoId, ct), "Done.PhotoRemoved", ct, "foto");

    public Task<IActionResult> OnPostCoverPhotoAsync(int photoId, CancellationToken ct) =>
        StepAsync(() => gallery.CoverAsync(MakerId, Id, photoId, ct), "Done.Cover", ct, "foto");

    /// <summary>
    /// Checks the header now; the job does the rest and the upload page shows its progress. The upload
    /// script asks for JSON: it gets the refusal's words or where to follow the job, never a redirect.
    /// </summary>
    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)) return await PhotoAsJsonAsync(photo, ct);
        Guid? started = null;
        var result = await StepAsync(async () => started = (await StartUploadAsync(photo, ct)).Id, null, ct, "foto");
        return started is { } id ? RedirectToPage("/Seller/Uploads/Status", new { id }) : result;
    }

    async Task<PhotoUpload> StartUploadAsync(IFormFile? photo, CancellationToken ct)
    {
        if (PhotoRules.CheckSize(photo?.Length ?? 0) is not PhotoProblem.None and var refused) throw new PhotoRefusedException(refused);
        using var buffer = new MemoryStream((int)photo!.Length);
        await photo.CopyToAsync(buffer, ct);
        return await uploads.StartAsync(MakerId, Id, buffer.ToArray(), ct);
    }

    async Task<IActionResult> PhotoAsJsonAsync(IFormFile? photo, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await ResolveMakerAsync(ct)) return NotFound();
        try
        {
            var upload = await StartUploadAsync(photo, ct);
            return new JsonResult(new { id = upload.Id, state = Url.Page("/Seller/Uploads/Status", "State", new { id = upload.Id }), page = Url.Page("/Seller/Uploads/Status", new { id = upload.Id }) });
        }
        catch (ListingNotFoundException) { return NotFound(); }
        catch (PhotoRefusedException e) { return Refused(e.Problem.ToString(), Text["Photo." + e.Problem] + " " + Text["NothingSaved"]); }
        catch (ListingRuleException e) { return Refused(e.Code, Text["Rule." + e.Code]); }
    }

    static JsonResult Refused(string problem, string message) =>
        new(new { problem, message }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
}
