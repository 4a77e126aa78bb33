using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>A browser-like HTTP client: keeps cookies, reads forms and their antiforgery tokens.</summary>
public sealed class ShopClient(HttpClient http) : IDisposable
{
    public const string DemoPassword = "PasKreatif-2026";
    static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static ShopClient For(ShopFactory factory) => factory is SimulatorShopFactory { BaseUrl.Length: > 0 } kestrel
        // On Kestrel the factory's own client would follow redirects itself.
        ? new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = new Uri(kestrel.BaseUrl) })
        : new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<IHtmlDocument> GetDocumentAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Fills the page's first POST form (antiforgery token included) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> fields, string formSelector = "main form[method=post]")
    {
        var page = await GetDocumentAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}");
        return await PostFormAsync(form, url, fields);
    }

    public async Task<HttpResponseMessage> PostFormAsync(IHtmlFormElement form, string pageUrl, IDictionary<string, string> fields)
    {
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is "hidden" or "text" or "email")
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
            values[select.Name!] = select.Value ?? "";
        foreach (var (key, value) in fields) values[key] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts to a URL whose form is not shown (a used link, a forged request) with this client's own valid token.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string url, IDictionary<string, string> fields)
    {
        var page = await GetDocumentAsync("/masuk");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return await Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    public async Task<HttpResponseMessage> SignInAsync(string login, string password = DemoPassword) =>
        await SubmitAsync("/masuk", new Dictionary<string, string> { ["Login"] = login, ["Password"] = password });

    public void Dispose() => Http.Dispose();
}
