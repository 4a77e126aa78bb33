using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Notifications;
using PasKreatif.People;
using PasKreatif.Questions;

namespace PasKreatif.Integration.Tests.Trust;

public class QuestionTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const string GuestEmail = "rina.tamu@contoh.id";
    const string BuyerPhone = "0812-3456-7890";
    const string BuyerMail = "rina.pribadi@gmail.com";

    [Fact]
    public async Task The_question_form_names_the_product_on_sale_and_is_not_found_for_one_that_is_not()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var waiting = await BackOfficeData.SubmittedListingAsync(db, (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min(), "Tas Belum Tayang " + Guid.NewGuid().ToString("N")[..6]);

        using var guest = ShopClient.For(factory);
        var form = await guest.GetDocumentAsync($"/produk/{listing.Slug}/tanya");
        Assert.Contains(listing.Title, form.QuerySelector("h1")!.TextContent);
        await guest.GetDocumentAsync($"/produk/{waiting.Slug}/tanya", HttpStatusCode.NotFound);
        await guest.GetDocumentAsync("/produk/tidak-ada-sama-sekali/tanya", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Contact_details_never_cross_the_writer_is_warned_and_the_other_side_sees_them_masked()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var maker = await db.Makers.Where(m => m.Id == listing.MakerId).Select(m => new { m.Person!.UserName, m.Person.Email }).SingleAsync();
        var question = $"Apakah bisa pesan 10 buah? Hubungi saya di {BuyerPhone} atau {BuyerMail}";

        using var guest = ShopClient.For(factory);
        var product = await guest.GetDocumentAsync($"/produk/{listing.Slug}");
        Assert.NotNull(product.QuerySelector($"a[href='/produk/{listing.Slug}/tanya']"));
        var fields = new Dictionary<string, string> { ["Email"] = GuestEmail, ["Name"] = "Rina Tamu", ["Question"] = question };
        var warned = await guest.SubmitAsync($"/produk/{listing.Slug}/tanya", fields);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var warnedPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await warned.Content.ReadAsStringAsync());
        Assert.NotNull(warnedPage.QuerySelector(".contact-warning"));
        Assert.Equal(question, warnedPage.QuerySelector("textarea#Question")!.TextContent); // nothing the writer typed is lost
        Assert.False(await db.Set<Question>().AnyAsync(q => q.ListingId == listing.Id));

        var sent = await guest.PostFormAsync(warnedPage.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!, $"/produk/{listing.Slug}/tanya", fields);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Pertanyaan terkirim", await sent.Content.ReadAsStringAsync());
        await using (var check = factory.OpenDb())
        {
            var stored = await check.Set<Question>().SingleAsync(q => q.ListingId == listing.Id);
            Assert.Equal(question, stored.Text); // kept as written
            Assert.Equal(GuestEmail, stored.AskerEmail);
            Assert.True(await check.Set<Notification>().AnyAsync(n => n.MakerId == listing.MakerId && n.Kind == NotificationKind.Question && n.Subject == listing.Title));
        }

        using var makerClient = ShopClient.For(factory);
        await makerClient.SignInAsync(maker.UserName!);
        var inbox = await makerClient.GetDocumentAsync("/toko-saya/pertanyaan");
        var card = inbox.QuerySelectorAll(".card").Single(c => c.TextContent.Contains(listing.Title));
        Assert.Contains("Apakah bisa pesan 10 buah? Hubungi saya di", card.TextContent);
        Assert.Contains(ContactDetails.Hidden, card.TextContent);
        foreach (var secret in new[] { BuyerPhone, "3456", BuyerMail, GuestEmail, "Rina Tamu" })
            Assert.DoesNotContain(secret, inbox.Body!.InnerHtml);
        Assert.Contains("Rina", card.TextContent); // first name only

        var answerForm = card.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!;
        var answer = "Bisa, Kak. WA saja ke +62 813-9876-5432 atau toko.saya@yahoo.co.id";
        var answered = await makerClient.PostFormAsync(answerForm, "/toko-saya/pertanyaan", new Dictionary<string, string> { ["answer"] = answer, ["makePublic"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("disembunyikan dari penanya", await makerClient.Http.GetStringAsync("/toko-saya/pertanyaan"));

        var mail = Assert.Single(BackOfficeData.QueuedMails(factory), m => m.To == GuestEmail);
        Assert.Contains("Bisa, Kak. WA saja ke", mail.TextBody);
        foreach (var secret in new[] { "813-9876-5432", "9876", "toko.saya@yahoo.co.id" })
            Assert.DoesNotContain(secret, mail.TextBody);
        if (maker.Email is { Length: > 0 } makerEmail) Assert.DoesNotContain(makerEmail, mail.TextBody);

        var publicPage = await guest.GetDocumentAsync($"/produk/{listing.Slug}");
        var qa = publicPage.QuerySelector("#questions-heading")!.ParentElement!.TextContent;
        Assert.Contains("Bisa, Kak. WA saja ke", qa);
        foreach (var secret in new[] { "9876", "toko.saya@yahoo.co.id", "3456", BuyerMail, GuestEmail })
            Assert.DoesNotContain(secret, publicPage.Body!.InnerHtml);
    }

    [Fact]
    public async Task Questions_are_limited_per_asker_per_hour_by_a_count_in_the_database_and_bad_input_keeps_the_text()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        using var guest = ShopClient.For(factory);
        var badEmail = await guest.SubmitAsync($"/produk/{listing.Slug}/tanya", new Dictionary<string, string> { ["Email"] = "bukan-email", ["Question"] = "Ada warna merah?" });
        var body = await badEmail.Content.ReadAsStringAsync();
        Assert.Contains("Tulis alamat email yang benar", body);
        Assert.Contains("Ada warna merah?", body);

        for (var i = 0; i < QuestionRules.PerHourPerAsker; i++)
        {
            var ok = await guest.SubmitAsync($"/produk/{listing.Slug}/tanya", new Dictionary<string, string> { ["Email"] = "sering@contoh.id", ["Question"] = $"Pertanyaan ke-{i}" });
            Assert.Contains("Pertanyaan terkirim", await ok.Content.ReadAsStringAsync());
        }
        var refused = await guest.SubmitAsync($"/produk/{listing.Slug}/tanya", new Dictionary<string, string> { ["Email"] = "sering@contoh.id", ["Question"] = "Satu lagi" });
        Assert.Contains("Terlalu banyak pertanyaan", await refused.Content.ReadAsStringAsync());
        await using var check = factory.OpenDb();
        Assert.Equal(QuestionRules.PerHourPerAsker, await check.Set<Question>().CountAsync(q => q.AskerEmail == "sering@contoh.id"));

        // An hour later (asked-at moved back) the asker may ask again: the window is counted from stored times.
        await check.Set<Question>().Where(q => q.AskerEmail == "sering@contoh.id").ExecuteUpdateAsync(s => s.SetProperty(q => q.AskedAt, q => q.AskedAt.AddHours(-2)));
        var later = await guest.SubmitAsync($"/produk/{listing.Slug}/tanya", new Dictionary<string, string> { ["Email"] = "sering@contoh.id", ["Question"] = "Satu lagi" });
        Assert.Contains("Pertanyaan terkirim", await later.Content.ReadAsStringAsync());
    }
}
