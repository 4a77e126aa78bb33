using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;
using PasKreatif.Questions;

namespace PasKreatif.Storefront.Pages.Seller.Trust;

public class QuestionsModel(CurrentMaker current, QuestionDesk desk, IStringLocalizer<WorkspaceText> workspace, IStringLocalizer<TrustText> text)
    : TrustWorkspacePage(current, workspace, text)
{
    public IReadOnlyList<MakerQuestion> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        Rows = await desk.ForMakerAsync(MakerId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(int questionId, string? answer, bool makePublic, CancellationToken ct) =>
        TrustStepAsync(async () => await desk.AnswerAsync(MakerId, questionId, answer ?? "", makePublic, ct) ? "AnswerSentContactHidden" : "AnswerSent",
            ct);
}
