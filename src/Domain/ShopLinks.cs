using Microsoft.Extensions.Configuration;

namespace PasKreatif;

/// <summary>
/// The shop's public address and the links built from it, for mail, WhatsApp messages, the sitemap and the
/// same-origin check. The one reader of <c>Shop:BaseUrl</c>: a blank value means the local default, so a mailed
/// link is never relative.
/// </summary>
public sealed record ShopLinks
{
    public const string Key = "Shop:BaseUrl";
    public const string LocalDefault = "http://127.0.0.1:5080";

    public ShopLinks(string baseUrl)
    {
        var trimmed = baseUrl.Trim().TrimEnd('/');
        // A typo here would mail broken links to every buyer; the shop refuses to start instead.
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidOperationException($"{Key} must be an absolute http or https address such as https://paskreatif.id, not \"{baseUrl}\".");
        BaseUrl = trimmed;
    }

    /// <summary>The address without a trailing slash.</summary>
    public string BaseUrl { get; }

    public static ShopLinks From(IConfiguration configuration) =>
        new(configuration[Key] is { } url && !string.IsNullOrWhiteSpace(url) ? url : LocalDefault);

    /// <summary>An absolute link to a path of the shop ("/produk/kue").</summary>
    public string To(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    public string OrderPage(string token) => To(ShopPaths.Order(token));

    /// <summary>Where the buyer reviews a completed order: the order page's review section, open to guests by its token.</summary>
    public string ReviewPage(string token) => OrderPage(token) + "#ulasan";

    public string Product(string slug) => To(ShopPaths.Product(slug));

    public string Maker(string slug) => To(ShopPaths.Maker(slug));

    public string Workspace => To(ShopPaths.Workspace);

    public string BackOffice => To(ShopPaths.BackOffice);
}
