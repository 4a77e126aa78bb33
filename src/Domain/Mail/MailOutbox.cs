using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Mail;

/// <summary>A mail written in the same transaction as the change it tells about; handed to <see cref="MailQueue"/> once that committed.</summary>
public class OutboxMail
{
    public long Id { get; private set; }
    public string To { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    OutboxMail() { }

    public static OutboxMail Of(OutgoingMail mail, DateTimeOffset now) => new()
    {
        To = mail.To, ToName = mail.ToName, Subject = mail.Subject, TextBody = mail.TextBody, HtmlBody = mail.HtmlBody, CreatedAt = now,
    };

    public OutgoingMail ToMail() => new(To, Subject, TextBody, HtmlBody, ToName);
}

/// <summary>
/// Mail only for what committed: <see cref="Add"/> puts a message in the caller's unit of work, so a
/// rolled-back change sends nothing; <see cref="DispatchAsync"/> (after the commit, and every minute
/// by the orders' follow-up job for whatever a crash left) moves committed messages to the queue.
/// </summary>
public sealed class MailOutbox(MarketplaceDb db, MailQueue queue, TimeProvider clock)
{
    const int BatchSize = 50;

    /// <summary>Stored with the caller's next SaveChanges, inside its transaction.</summary>
    public void Add(OutgoingMail mail)
    {
        if (string.IsNullOrWhiteSpace(mail.To)) return;
        db.Set<OutboxMail>().Add(OutboxMail.Of(mail, clock.GetUtcNow()));
    }

    /// <summary>Queues every committed message; inside an open transaction it waits for the outer commit and does nothing.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null) return 0;
        var total = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // SKIP LOCKED: two instances draining at once take different rows, each message is queued once.
            var batch = await db.Set<OutboxMail>()
                .FromSql($"""SELECT * FROM "OutboxMails" ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""")
                .AsNoTracking().ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var mail in batch) queue.Enqueue(mail.ToMail());
            var ids = batch.Select(m => m.Id).ToList();
            await db.Set<OutboxMail>().Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
            total += batch.Count;
            // A short batch took every row there was (or that no other instance holds): no round trip to find none.
            if (batch.Count < BatchSize) return total;
        }
    }
}
