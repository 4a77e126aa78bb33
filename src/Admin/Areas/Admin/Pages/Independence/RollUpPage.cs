using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Independence;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Independence;

/// <summary>A group's or an office's roll-up page: charts, their tables, and each table as CSV.</summary>
public abstract class RollUpPage(StaffScopeAccessor scopes, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public IndependenceRollUp RollUp { get; private set; } = null!;
    protected IStringLocalizer<BackOfficeText> Text => text;

    protected abstract Task<IndependenceRollUp> LoadAsync(StaffScope scope, int id, CancellationToken ct);

    public async Task OnGetAsync(int id, CancellationToken ct) => RollUp = await LoadAsync(await scopes.GetAsync(ct), id, ct);

    public async Task<IActionResult> OnGetCsvAsync(int id, string? table, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        var name = Slugs.From(RollUp.Name);
        return table switch
        {
            "tren" => CsvFile.Result($"tren-{name}.csv", RollUp.Trend.Select(t => new object?[] { t.Month, t.Net })
                .Prepend([text["Month"], text["NetRevenue"]])),
            "tingkat" => CsvFile.Result($"tingkat-{name}.csv", RollUp.Bands.Select(b => new object?[] { b.Key.ToString(), b.Value })
                .Prepend([text["Band"], text["MakerCount"]])),
            "program" => CsvFile.Result($"program-{name}.csv", RollUp.TopProgrammes.Select(p => new object?[] { p.Programme, p.GroupName, p.Net })
                .Prepend([text["Programme"], text["Group"], text["NetRevenue"]])),
            "pembuat" => CsvFile.Result($"pembuat-{name}.csv", RollUp.Makers.Select(m => new object?[] { m.DisplayName, m.GroupName, m.NetLastMonth, m.Percent, m.Band.ToString(), m.Net12Months })
                .Prepend([text["Maker"], text["Group"], text["NetLastMonth"], text["PercentOfTarget"], text["Band"], text["Net12Months"]])),
            _ => NotFound(),
        };
    }
}

public class GroupModel(StaffScopeAccessor scopes, IndependenceReport report, IStringLocalizer<BackOfficeText> text) : RollUpPage(scopes, text)
{
    protected override Task<IndependenceRollUp> LoadAsync(StaffScope scope, int id, CancellationToken ct) => report.GroupAsync(scope, id, ct);
}

public class OfficeModel(StaffScopeAccessor scopes, IndependenceReport report, IStringLocalizer<BackOfficeText> text) : RollUpPage(scopes, text)
{
    protected override Task<IndependenceRollUp> LoadAsync(StaffScope scope, int id, CancellationToken ct) => report.OfficeAsync(scope, id, ct);
}
