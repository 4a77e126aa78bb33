using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>One dispatch queues every committed mail, however many batches they fill, and each once.</summary>
public class OutboxDispatchTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    [Theory]
    [InlineData(50)] // exactly one full batch: the next, empty one ends the dispatch
    [InlineData(123)] // two full batches and a short one
    public async Task Every_committed_mail_is_queued_once_by_one_dispatch(int count)
    {
        var to = $"antrean{count}-{Guid.NewGuid():N}@contoh.test";
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        await outbox.DispatchAsync(); // whatever earlier tests left
        for (var i = 0; i < count; i++) outbox.Add(new OutgoingMail(to, $"Surat {i}", "Isi"));
        await db.SaveChangesAsync();

        var queued = await outbox.DispatchAsync();

        Assert.Equal(count, queued);
        var mails = BackOfficeData.QueuedMails(factory).Where(m => m.To == to).Select(m => m.Subject).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"Surat {i}").Order(), mails.Order());
        Assert.False(await db.Set<OutboxMail>().AnyAsync(m => m.To == to));
        Assert.Equal(0, await outbox.DispatchAsync());
    }
}
