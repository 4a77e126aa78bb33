using Microsoft.Extensions.Configuration;

namespace PasKreatif.Domain.Tests;

public class ShopLinksTests
{
    static ShopLinks From(string? value) =>
        ShopLinks.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ShopLinks.Key] = value }).Build());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_address_means_the_local_default_never_a_relative_link(string? value)
    {
        var links = From(value);
        Assert.Equal("http://127.0.0.1:5080", links.BaseUrl);
        Assert.Equal("http://127.0.0.1:5080/pesanan/abc", links.OrderPage("abc"));
    }

    [Fact]
    public void Links_are_joined_with_one_slash_whatever_the_address_ends_with()
    {
        var links = From(" https://paskreatif.id/ ");
        Assert.Equal("https://paskreatif.id", links.BaseUrl);
        Assert.Equal("https://paskreatif.id/produk/kue-lapis", links.Product("kue-lapis"));
        Assert.Equal("https://paskreatif.id/toko-saya", links.Workspace);
        Assert.Equal("https://paskreatif.id/admin", links.BackOffice);
        Assert.Equal("https://paskreatif.id/pesanan/t1#ulasan", links.ReviewPage("t1"));
        Assert.Equal("https://paskreatif.id/atur-sandi?x=1", links.To("atur-sandi?x=1"));
    }

    [Fact]
    public void A_shop_under_a_path_keeps_its_path()
    {
        Assert.Equal("https://contoh.id/toko/pembuat/ibu-sari", From("https://contoh.id/toko/").Maker("ibu-sari"));
    }

    [Theory]
    [InlineData("paskreatif.id")]
    [InlineData("/toko")]
    [InlineData("ftp://paskreatif.id")]
    [InlineData("https://paskreatif.id/?a=1")]
    public void An_address_that_would_mail_broken_links_stops_the_shop_with_a_message_naming_the_setting(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => From(value));
        Assert.Contains("Shop:BaseUrl", refused.Message);
    }
}
