using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;
using PasKreatif.Reviews;

namespace PasKreatif.Storefront.Pages.Seller.Trust;

public class ReviewsModel(CurrentMaker current, ReviewQueries queries, ReviewDesk desk, IStringLocalizer<WorkspaceText> workspace, IStringLocalizer<TrustText> text)
    : TrustWorkspacePage(current, workspace, text)
{
    public IReadOnlyList<MakerReviewRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        Rows = await queries.ForMakerWorkspaceAsync(MakerId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostReplyAsync(int reviewId, string? reply, CancellationToken ct) =>
        TrustStepAsync(async () =>
        {
            await desk.ReplyAsync(MakerId, reviewId, reply ?? "", ct);
            return "ReplySaved";
        }, ct);
}
