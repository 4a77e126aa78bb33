using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Media;

namespace PasKreatif.Storefront.Pages.Seller.Uploads;

public class StatusModel(CurrentMaker current, PhotoUploads uploads, IStringLocalizer<WorkspaceText> text) : WorkspacePage(current, text)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PhotoUploadStatus Upload { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var upload = await uploads.StatusAsync(MakerId, Id, ct);
        if (upload is null) return NotFound();
        Upload = upload;
        return Page();
    }

    /// <summary>For the progress script: the same state as JSON, never cached.</summary>
    public async Task<IActionResult> OnGetStateAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var upload = await uploads.StatusAsync(MakerId, Id, ct);
        if (upload is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        var message = upload.State switch
        {
            PhotoUploadState.Refused => Text["Photo." + upload.Problem] + " " + Text["NothingSaved"],
            PhotoUploadState.Done => Text["UploadDone"].Value,
            _ => Text["UploadState." + upload.State].Value,
        };
        return new JsonResult(new { state = upload.State.ToString(), progress = upload.Progress, finished = upload.Finished, problem = upload.Problem.ToString(), message });
    }
}
