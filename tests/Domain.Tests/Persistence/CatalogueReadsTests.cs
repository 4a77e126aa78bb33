using PasKreatif.Persistence;

namespace PasKreatif.Domain.Tests.Persistence;

public class CatalogueReadsTests
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/cari")]
    [InlineData("HEAD", "/kategori/kue")]
    [InlineData("GET", "/produk/tas-anyaman")]
    [InlineData("GET", "/program/bengkel-kayu")]
    [InlineData("GET", "/pembuat/sari")]
    [InlineData("GET", "/sitemap.xml")]
    public void Anonymous_catalogue_reads_may_come_from_a_standby(string method, string path) =>
        Assert.True(CatalogueReads.FromStandby(method, path, signedIn: false, wroteRecently: false));

    [Theory]
    [InlineData("POST", "/cari", false, false)] // any write
    [InlineData("GET", "/produk/tas-anyaman", true, false)] // a signed-in maker sees their own edit
    [InlineData("GET", "/produk/tas-anyaman", false, true)] // a visitor just posted something
    [InlineData("GET", "/produk/tas-anyaman/tanya", false, false)]
    [InlineData("GET", "/keranjang", false, false)]
    [InlineData("GET", "/checkout", false, false)]
    [InlineData("GET", "/pesanan/abc", false, false)]
    [InlineData("GET", "/toko-saya", false, false)]
    [InlineData("GET", "/admin", false, false)]
    public void Everything_else_reads_the_primary(string method, string path, bool signedIn, bool wroteRecently) =>
        Assert.False(CatalogueReads.FromStandby(method, path, signedIn, wroteRecently));
}
