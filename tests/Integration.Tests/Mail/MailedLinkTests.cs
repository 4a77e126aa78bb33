using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Mail;

/// <summary>A deployment that sets Shop__BaseUrl to nothing (an empty variable in a compose file, say).</summary>
public class BlankBaseUrlShopFactory : ShopFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Shop:BaseUrl", "  ");
    }
}

public class MailedLinkTests(BlankBaseUrlShopFactory factory) : IClassFixture<BlankBaseUrlShopFactory>
{
    static readonly Regex Link = new(@"(\S*)/(konfirmasi-email|atur-ulang-sandi)\?\S+");

    [Fact]
    public async Task With_a_blank_shop_address_the_mailed_sign_up_and_reset_links_are_still_whole_addresses()
    {
        using var client = ShopClient.For(factory);
        var made = await client.SubmitAsync("/daftar", new Dictionary<string, string>
        {
            ["Name"] = "Dewi Pembeli", ["Email"] = "dewi.tautan@contoh.test", ["Phone"] = "", ["Password"] = "rahasia-dewi-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var asked = await client.SubmitAsync("/lupa-sandi", new Dictionary<string, string> { ["Email"] = "pembeli3@pas-kreatif.test" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        var mails = BackOfficeData.QueuedMails(factory);
        foreach (var to in new[] { "dewi.tautan@contoh.test", "pembeli3@pas-kreatif.test" })
        {
            var mail = Assert.Single(mails, m => m.To == to);
            var link = Link.Match(mail.TextBody);
            Assert.True(link.Success, mail.TextBody);
            Assert.Equal("http://127.0.0.1:5080", link.Groups[1].Value);
        }
    }

    [Fact]
    public async Task The_sitemap_and_robots_name_whole_addresses_too()
    {
        using var client = ShopClient.For(factory);
        Assert.Contains("Sitemap: http://127.0.0.1:5080/sitemap.xml", await client.Http.GetStringAsync("/robots.txt"));
        Assert.Contains("<loc>http://127.0.0.1:5080/", await client.Http.GetStringAsync("/sitemap.xml"));
    }
}
