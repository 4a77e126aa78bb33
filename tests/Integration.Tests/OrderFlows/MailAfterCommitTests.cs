using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>Mail only for what committed: a change that is rolled back, even at its very commit, tells nobody anything.</summary>
public class MailAfterCommitTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    async Task<HttpResponseMessage> WebhookAsync(string id, object data)
    {
        using var client = factory.CreateClient();
        return await FakeStripe.DeliverAsync(client, id, "checkout.session.completed", data);
    }

    [Fact]
    public async Task A_card_payment_whose_transaction_fails_at_commit_mails_nobody_and_its_redelivery_mails_once()
    {
        var order = await PlaceAsync(factory, "Card", "komit@contoh.test", [("pembuat", 0, 1)]);
        var session = factory.Stripe.Sessions.Single(s => s.OrderId == order.Id);
        var paid = factory.Stripe.Pay(session.Id, $"pi_commit_{order.Id}");
        await using var db = factory.OpenDb();
        // A constraint checked only at COMMIT: the webhook's whole effect (and anything it queued) must vanish with it.
        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION refuse_commit_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Id" LIKE 'evt_rollback_%' THEN RAISE EXCEPTION 'commit refused for the test'; END IF; RETURN NULL; END $$;
            CREATE CONSTRAINT TRIGGER refuse_commit_for_test AFTER INSERT ON "ProcessedWebhookEvents"
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit_for_test();
            """);
        bool PaidMail(PasKreatif.Mail.OutgoingMail m) => m.To == "komit@contoh.test" && m.Subject == $"Pembayaran pesanan {order.Number} diterima";

        var failed = await WebhookAsync($"evt_rollback_{order.Id}", paid);
        Assert.False(failed.IsSuccessStatusCode, $"Stripe must retry a delivery that did not commit, got {failed.StatusCode}");
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
        Assert.DoesNotContain(BackOfficeData.QueuedMails(factory), m => PaidMail(m));
        Assert.False(await db.Set<PasKreatif.Mail.OutboxMail>().AnyAsync(m => m.To == "komit@contoh.test" && m.Subject.Contains("Pembayaran")));
        var makerMails = BackOfficeData.QueuedMails(factory).Count(m => m.Subject.StartsWith($"Pesanan baru {order.Number}"));
        Assert.Equal(0, makerMails);

        var delivered = await WebhookAsync($"evt_commit_{order.Id}", paid);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
        Assert.Single(BackOfficeData.QueuedMails(factory), m => PaidMail(m));
        Assert.False(await db.Set<PasKreatif.Mail.OutboxMail>().AnyAsync()); // handed to the queue once committed, nothing left behind
    }
}
