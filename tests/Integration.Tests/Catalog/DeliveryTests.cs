using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>Delivery: compressed text, fingerprinted assets cached for a year, an indexable typo search.</summary>
public class DeliveryTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    static async Task<HttpResponseMessage> GetAsync(ShopClient client, string url, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await client.Http.SendAsync(request);
    }

    static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream plain = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(plain);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Catalogue_pages_come_compressed_with_brotli_or_gzip()
    {
        using var client = ShopClient.For(factory);
        foreach (var (url, encoding) in new[] { ("/", "br"), ($"/kategori/{StandardCategories.Cakes}", "gzip"), ("/cari?q=kue", "br") })
        {
            // Twice: the first answer is rendered, the second comes from the output cache.
            for (var visit = 0; visit < 2; visit++)
            {
                using var response = await GetAsync(client, url, encoding);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
                Assert.Contains("Accept-Encoding", response.Headers.Vary);
                Assert.Contains("</html>", await TextOfAsync(response));
            }
        }
    }

    [Fact]
    public async Task A_page_with_an_antiforgery_token_is_never_compressed()
    {
        using var client = ShopClient.For(factory);
        using var response = await GetAsync(client, "/masuk", "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_in_visitors_get_uncompressed_pages()
    {
        using var client = ShopClient.For(factory);
        await client.SignInAsync("pembeli");
        using var response = await GetAsync(client, "/", "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Fingerprinted_css_is_compressed_and_cached_for_a_year()
    {
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/");
        var sheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.NotEmpty(sheets);
        foreach (var href in sheets)
        {
            Assert.Contains("?v=", href);
            using var response = await GetAsync(client, href, "br");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            var cache = response.Headers.CacheControl!;
            Assert.True(cache.Public);
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains("immutable", cache.ToString());
            Assert.Contains("{", await TextOfAsync(response));
        }

        // Without the fingerprint the same file may change, so it is revalidated daily.
        using var plain = await GetAsync(client, sheets[0].Split('?')[0], "gzip");
        Assert.Equal(TimeSpan.FromDays(1), plain.Headers.CacheControl!.MaxAge);
        Assert.DoesNotContain("immutable", plain.Headers.CacheControl.ToString());
    }
}
