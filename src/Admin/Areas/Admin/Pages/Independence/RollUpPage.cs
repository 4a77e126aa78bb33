using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Independence;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Independence;

/// <summary>A group's or an office's roll-up page: charts, their tables (the makers' a page at a time), and each table as CSV.</summary>
public abstract class RollUpPage(StaffScopeAccessor scopes, IndependenceReport report, IStringLocalizer<BackOfficeText> text) : ListPageModel
{
    public IndependenceRollUp RollUp { get; private set; } = null!;
    protected abstract RollUpOf Of { get; }

    async Task<RollUpFrame> FrameAsync(int id, CancellationToken ct) => await report.FrameAsync(await scopes.GetAsync(ct), Of, id, ct);

    public async Task OnGetAsync(int id, CancellationToken ct) => RollUp = await report.RollUpAsync(await FrameAsync(id, ct), Asked, ct);

    /// <summary>One table as CSV: only that table is computed, and the makers' rows are written as they are read.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, string? table, CancellationToken ct)
    {
        if (table is not ("tren" or "tingkat" or "program" or "pembuat")) return NotFound();
        var frame = await FrameAsync(id, ct);
        var name = Slugs.From(frame.Name);
        return table switch
        {
            "tren" => CsvFile.Result($"tren-{name}.csv", (await report.TrendAsync(frame, ct)).Select(t => new object?[] { t.Month, t.Net })
                .Prepend([text["Month"], text["NetRevenue"]])),
            "tingkat" => CsvFile.Result($"tingkat-{name}.csv", (await report.BandsAsync(frame, ct)).Select(b => new object?[] { b.Key.ToString(), b.Value })
                .Prepend([text["Band"], text["MakerCount"]])),
            "program" => CsvFile.Result($"program-{name}.csv", (await report.TopProgrammesAsync(frame, ct)).Select(p => new object?[] { p.Programme, p.GroupName, p.Net })
                .Prepend([text["Programme"], text["Group"], text["NetRevenue"]])),
            _ => CsvFile.Stream($"pembuat-{name}.csv", [text["Maker"], text["Group"], text["NetLastMonth"], text["PercentOfTarget"], text["Band"], text["Net12Months"]],
                report.AllMakersAsync(frame, ct).Select(m => (IEnumerable<object?>)[m.DisplayName, m.GroupName, m.NetLastMonth, m.Percent, m.Band.ToString(), m.Net12Months])),
        };
    }
}

public class GroupModel(StaffScopeAccessor scopes, IndependenceReport report, IStringLocalizer<BackOfficeText> text) : RollUpPage(scopes, report, text)
{
    protected override RollUpOf Of => RollUpOf.Group;
}

public class OfficeModel(StaffScopeAccessor scopes, IndependenceReport report, IStringLocalizer<BackOfficeText> text) : RollUpPage(scopes, report, text)
{
    protected override RollUpOf Of => RollUpOf.Office;
}
