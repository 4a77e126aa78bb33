using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Integration.Tests.Security;

public class PasswordResetTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_forgotten_password_is_reset_by_a_mailed_link_that_works_once()
    {
        using var client = ShopClient.For(factory);
        var asked = await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "Pembeli3@pas-kreatif.test " });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var sent = await client.GetDocumentAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("Jika ada akun dengan alamat itu", sent.QuerySelector("main")!.TextContent);

        var mail = Assert.Single(MailsTo("pembeli3@pas-kreatif.test"));
        Assert.Equal("Atur ulang kata sandi PAS Kreatif", mail.Subject);
        Assert.Contains("2 jam", mail.TextBody);
        var link = ResetLink(mail);

        var form = await client.GetDocumentAsync(link);
        Assert.NotNull(form.QuerySelector("input[name=Password]"));
        var mismatch = await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "baru-sekali-2026", ["ConfirmPassword"] = "lain-sekali-2026" });
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("Kedua kata sandi tidak sama.", await mismatch.Content.ReadAsStringAsync());

        var done = await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "baru-sekali-2026", ["ConfirmPassword"] = "baru-sekali-2026" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("selesai", done.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using (var buyer = ShopClient.For(factory))
        {
            Assert.Equal(HttpStatusCode.OK, (await buyer.SignInAsync("pembeli3")).StatusCode); // the old password is gone
            Assert.Equal(HttpStatusCode.Redirect, (await buyer.SignInAsync("pembeli3", "baru-sekali-2026")).StatusCode);
        }

        // The same link a second time: the reset renewed the security stamp it was bound to.
        var again = await client.GetDocumentAsync(link);
        Assert.Null(again.QuerySelector("input[name=Password]"));
        Assert.Contains("sudah dipakai", again.QuerySelector("main")!.TextContent);
        var replay = await client.PostWithTokenAsync(link, new Dictionary<string, string> { ["Password"] = "ketiga-kalinya-2026", ["ConfirmPassword"] = "ketiga-kalinya-2026" });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        using var third = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.OK, (await third.SignInAsync("pembeli3", "ketiga-kalinya-2026")).StatusCode);
    }

    [Fact]
    public async Task The_page_never_tells_whether_an_address_exists()
    {
        using var client = ShopClient.For(factory);
        var known = await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "pembeli4@pas-kreatif.test" });
        var unknown = await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "tidak-ada@contoh.test" });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Single(MailsTo("pembeli4@pas-kreatif.test"));
        Assert.Empty(MailsTo("tidak-ada@contoh.test"));

        var bad = await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "bukan-alamat" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("value=\"bukan-alamat\"", page); // what was typed stays
        Assert.Empty(MailsTo("bukan-alamat"));
    }

    [Fact]
    public async Task The_mail_speaks_the_person_s_language_and_the_link_lasts_the_configured_two_hours()
    {
        await using (var db = factory.OpenDb())
            await db.Users.Where(u => u.UserName == "pembeli5").ExecuteUpdateAsync(u => u.SetProperty(p => p.PreferredCulture, "en"));
        using var client = ShopClient.For(factory);
        await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "pembeli5@pas-kreatif.test" });

        var mail = Assert.Single(MailsTo("pembeli5@pas-kreatif.test"));
        Assert.Equal("Reset your PAS Kreatif password", mail.Subject);
        Assert.Contains("within 2 hours", mail.TextBody);
        Assert.Equal(TimeSpan.FromHours(2), factory.Services.GetRequiredService<IOptions<PasswordResetTokenOptions>>().Value.TokenLifespan);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_and_a_reset_opens_it()
    {
        using var client = ShopClient.For(factory);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("pembeli2", "salah-terus-2026")).StatusCode);
        var locked = await client.SignInAsync("pembeli2");
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        await using (var db = factory.OpenDb())
        {
            var end = (await db.Users.SingleAsync(u => u.UserName == "pembeli2")).LockoutEnd!.Value;
            var left = end - DateTimeOffset.UtcNow;
            Assert.InRange(left.TotalMinutes, 14, 15.01);
        }

        await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "pembeli2@pas-kreatif.test" });
        var link = ResetLink(Assert.Single(MailsTo("pembeli2@pas-kreatif.test")));
        await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "buka-kunci-2026", ["ConfirmPassword"] = "buka-kunci-2026" });
        using var fresh = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync("pembeli2", "buka-kunci-2026")).StatusCode);
    }

    List<OutgoingMail> MailsTo(string address) => BackOfficeData.QueuedMails(factory).Where(m => m.To == address).ToList();

    internal static string ResetLink(OutgoingMail mail) =>
        new Uri(Regex.Match(mail.TextBody, @"https?://\S+/atur-ulang-sandi\?\S+").Value).PathAndQuery;
}

public class PasswordResetExpiryTests(PasswordResetExpiryTests.ShortLinkFactory factory) : IClassFixture<PasswordResetExpiryTests.ShortLinkFactory>
{
    public sealed class ShortLinkFactory : ShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PasswordReset:Hours", "0.0005"); // 1.8 seconds
        }
    }

    [Fact]
    public async Task A_link_past_its_lifetime_is_refused()
    {
        using var client = ShopClient.For(factory);
        await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "pembeli@pas-kreatif.test" });
        var mail = Assert.Single(BackOfficeData.QueuedMails(factory), m => m.To == "pembeli@pas-kreatif.test");
        var link = PasswordResetTests.ResetLink(mail);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetDocumentAsync(link)).QuerySelector("input[name=Password]") is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The link still worked a minute after its 1.8-second lifetime.");
            await Task.Delay(200);
        }
        var refused = await client.PostWithTokenAsync(link, new Dictionary<string, string> { ["Password"] = "terlambat-2026", ["ConfirmPassword"] = "terlambat-2026" });
        Assert.Contains("kedaluwarsa", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("pembeli")).StatusCode);
    }
}
