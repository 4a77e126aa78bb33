using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PasKreatif.Ledger;
using PasKreatif.Mail;
using PasKreatif.Makers;
using PasKreatif.Moderation;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Independence;

/// <summary>
/// The mail each mentor gets on the 1st: per group, last month's net revenue, makers per band, listings waiting,
/// and each maker's line; then every order in their groups that waits longer than two days (what, from whom,
/// since when) and every maker who owes a refund back. Run by a Hangfire recurring job; one mail per mentor
/// through <see cref="MailQueue"/>.
/// </summary>
public sealed class MentorMonthlySummary(MarketplaceDb db, IndependenceReport report, ModerationQueue queue, OpenOrders openOrders, MailQueue mail,
    ShopLinks links, TimeProvider clock)
{
    public const string JobId = "mentor-monthly-summary";
    /// <summary>08.00 WIB on the first of each month.</summary>
    public const string Cron = "0 8 1 * *";
    /// <summary>Orders waiting longer than this are named in the mail.</summary>
    public static readonly TimeSpan LongWait = TimeSpan.FromDays(2);

    /// <summary>Queues one summary per mentor with an email address; returns how many were queued.</summary>
    public async Task<int> SendAsync(CancellationToken ct = default)
    {
        var mentors = await db.GroupMentors.Select(m => m.PersonId).Distinct().ToListAsync(ct);
        var people = await db.Users.Where(u => mentors.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture }).OrderBy(u => u.DisplayName).ToListAsync(ct);
        var sent = 0;
        foreach (var person in people)
        {
            var scope = await StaffScope.ForAsync(db, person.Id, [Roles.Mentor], ct);
            var message = await ComposeAsync(scope, person.DisplayName, person.PreferredCulture, ct);
            if (message is null) continue;
            mail.Enqueue(new OutgoingMail(person.Email!, message.Value.Subject, message.Value.Body, ToName: person.DisplayName));
            sent++;
        }
        return sent;
    }

    public async Task<(string Subject, string Body)?> ComposeAsync(StaffScope scope, string name, string culture, CancellationToken ct = default)
    {
        var groups = await scope.Groups(db).OrderBy(g => g.Name).Select(g => g.Id).ToListAsync(ct);
        if (groups.Count == 0) return null;
        var waiting = await queue.WaitingAsync(scope, ct);
        var info = CultureInfo.GetCultureInfo(culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id");
        var body = new StringBuilder();
        string? monthName = null;
        foreach (var groupId in groups)
        {
            var rollUp = await report.GroupAsync(scope, groupId, ct);
            var last = rollUp.Trend[^1];
            monthName ??= last.Month.ToString("MMMM yyyy", info);
            body.AppendLine().AppendLine(BackOfficeMail.Text("SummaryGroup", culture, rollUp.Name, last.Net,
                rollUp.Bands[IndependenceBand.Memulai], rollUp.Bands[IndependenceBand.Berkembang], rollUp.Bands[IndependenceBand.Mandiri],
                waiting.Count(w => w.GroupName == rollUp.Name)));
            foreach (var maker in rollUp.Makers.Rows)
                body.AppendLine(BackOfficeMail.Text("SummaryMaker", culture, maker.DisplayName, maker.NetLastMonth, maker.Percent, maker.Band));
        }
        await AppendLongWaitsAsync(scope, culture, info, body, ct);
        await AppendOwedAsync(scope, culture, body, ct);
        var text = BackOfficeMail.Text("SummaryIntro", culture, name, monthName!) + Environment.NewLine + body + Environment.NewLine
            + BackOfficeMail.Text("SummaryOutro", culture, links.BackOffice);
        return (BackOfficeMail.Text("SummarySubject", culture, monthName!), text);
    }

    async Task AppendLongWaitsAsync(StaffScope scope, string culture, CultureInfo info, StringBuilder body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = await openOrders.ZoneOfAsync(scope, ct);
        var waits = (await openOrders.WaitsAsync(scope, ct)).Where(w => now - w.Since > LongWait).ToList();
        if (waits.Count == 0) return;
        body.AppendLine().AppendLine(BackOfficeMail.Text("SummaryWaitsTitle", culture, waits.Count, links.To(ShopPaths.BackOfficeOrders)));
        foreach (var w in waits)
            body.AppendLine(BackOfficeMail.Text("SummaryWait", culture, w.Number, BackOfficeMail.Text("Wait." + w.What, culture),
                BackOfficeMail.Text("Party." + w.Who, culture, w.WhoName), w.Since.ToZone(zone).ToString("d MMM yyyy", info), (int)(now - w.Since).TotalDays));
    }

    async Task AppendOwedAsync(StaffScope scope, string culture, StringBuilder body, CancellationToken ct)
    {
        var totals = await LedgerTotals.OfAsync(db, scope.Makers(db).Select(m => m.Id), ct);
        var owingIds = totals.Where(t => t.Value.Standing.IsOwed).Select(t => t.Key).ToList();
        if (owingIds.Count == 0) return;
        var owing = await scope.Makers(db).Where(m => owingIds.Contains(m.Id)).OrderBy(m => m.DisplayName).Select(m => new { m.Id, m.DisplayName }).ToListAsync(ct);
        body.AppendLine().AppendLine(BackOfficeMail.Text("SummaryOwedTitle", culture));
        foreach (var maker in owing)
            body.AppendLine(BackOfficeMail.Text("SummaryOwed", culture, maker.DisplayName, totals[maker.Id].Standing.Owed));
    }
}
