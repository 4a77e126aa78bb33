using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>
/// Every GET route the app maps (read from its endpoints, so a new page is covered by itself), with hostile values in
/// each query key it reads, as the first role the route table lets in: never a 500, never an empty page.
/// </summary>
public class QueryFuzzTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static readonly string[] Hostile =
    [
        "%00", "a%00b", "%C3%28", "%FF", "%ED%A0%80", new string('x', 5000), "-1", "99999999999999999999", "-2147483649", "1e309",
    ];

    /// <summary>Routes that are not pages of the shop: the jobs dashboard (Hangfire's own) and the error page, which is a 500 by design.</summary>
    static readonly string[] Skipped = ["/admin/jobs", "/galat"];

    static readonly Type[] Simple = [typeof(string), typeof(int), typeof(long), typeof(bool), typeof(Guid), typeof(decimal), typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];

    [Fact]
    public async Task Every_GET_route_answers_hostile_query_strings_with_a_page()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var rows = RouteTable.Rows.ToDictionary(r => r.Route);
        var failures = new StringBuilder();
        var clients = new Dictionary<int, ShopClient>();
        var routes = 0;
        var requests = 0;
        try
        {
            foreach (var route in AppRoutes.Of(factory))
            {
                if (route.Page is null && route.Methods.Count > 0 && !route.Methods.Contains("GET")) continue;
                if (!rows.TryGetValue(route.Key, out var row)) continue; // AuthorizationMatrixTests names the missing row
                if (Skipped.Any(s => row.Sample.StartsWith(s, StringComparison.Ordinal))) continue;
                var role = Array.FindIndex(row.Outcomes, o => o == "ok");
                if (role < 0) role = 0;
                if (!clients.TryGetValue(role, out var client))
                {
                    client = clients[role] = ShopClient.For(factory);
                    if (RouteTable.Logins[role] is { } login) await client.SignInAsync(login);
                }
                var url = RouteSamples.Fill(row.Sample, samples);
                var keys = await QueryKeysAsync(route);
                routes++;
                foreach (var key in keys)
                    foreach (var value in Hostile)
                    {
                        var target = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(key) + "=" + value;
                        using var response = await client.Http.GetAsync(target);
                        requests++;
                        var code = (int)response.StatusCode;
                        var body = await response.Content.ReadAsByteArrayAsync();
                        if (code >= 500 || (body.Length == 0 && code is < 300 or >= 400))
                            failures.AppendLine($"{RouteTable.Roles[role]}: GET {Shorten(target)} ({route.Key}) answered {code} with {body.Length} bytes");
                    }
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(routes >= 60, $"only {routes} GET routes fuzzed");
        Assert.True(requests >= 500, $"only {requests} requests sent");
    }

    /// <summary>What the route reads from the query: a page's bound properties and its GET handlers' parameters, an endpoint's simple parameters.</summary>
    async Task<IReadOnlyList<string>> QueryKeysAsync(AppRoutes.AppRoute route)
    {
        var inRoute = route.Endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (route.Page is not null)
        {
            var compiled = await factory.Services.GetRequiredService<PageLoader>().LoadAsync(route.Page, route.Endpoint.Metadata);
            foreach (var property in compiled.BoundProperties)
                keys.Add(property.BindingInfo?.BinderModelName ?? property.Name);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase)))
            {
                if (handler.Name is not null) keys.Add("handler");
                foreach (var parameter in handler.Parameters)
                    if (IsSimple(parameter.ParameterType) && parameter.BindingInfo?.BindingSource != BindingSource.Services)
                        keys.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name);
            }
        }
        else if (route.Endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
        {
            foreach (var parameter in method.GetParameters().Where(p => IsSimple(p.ParameterType)))
                keys.Add(parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!);
        }
        keys.ExceptWith(inRoute);
        // Every route also meets a key it does not know, as any page can.
        keys.Add("x");
        return keys.Order(StringComparer.Ordinal).ToList();
    }

    static bool IsSimple(Type type) => Simple.Contains(Nullable.GetUnderlyingType(type) ?? type) || (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    static string Shorten(string url) => url.Length > 160 ? url[..150] + "…(" + url.Length + ")" : url;
}

/// <summary>Every POST form a role's pages show, sent back with a NUL in each field it has: never a 500, never an empty page.</summary>
public class FormFuzzTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static readonly HtmlParser Parser = new();

    /// <summary>Forms that end the crawl's own session or account.</summary>
    static readonly string[] Skipped = ["/keluar", "/akun/hapus", "handler=Lock", "handler=Delete"];

    [Fact]
    public async Task A_NUL_in_any_field_of_any_form_never_breaks_the_page()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var forms = new HashSet<string>();
        var failures = new StringBuilder();
        for (var role = 0; role < RouteTable.Roles.Length; role++)
        {
            using var client = ShopClient.For(factory);
            if (RouteTable.Logins[role] is { } login) await client.SignInAsync(login);
            foreach (var row in RouteTable.Rows.Where(r => r.Route.StartsWith("PAGE ", StringComparison.Ordinal) && r.Outcomes[role] == "ok"))
            {
                var url = RouteSamples.Fill(row.Sample, samples);
                using var response = await client.Http.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                foreach (var form in page.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
                    .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
                {
                    var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                    if (Skipped.Any(s => action.Contains(s, StringComparison.OrdinalIgnoreCase)) || !forms.Add(RouteTable.Roles[role] + " " + action)) continue;
                    var fields = new Dictionary<string, string>();
                    foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "file"))
                        fields[input.Name!] = input.Name == "__RequestVerificationToken" ? input.Value : input.Value + "\0";
                    foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)))
                        fields[area.Name!] = "teks\0" + area.Value;
                    foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
                        fields[select.Name!] = (select.Value ?? "") + "\0";
                    using var posted = await client.Http.PostAsync(action, new FormUrlEncodedContent(fields));
                    var code = (int)posted.StatusCode;
                    var body = await posted.Content.ReadAsByteArrayAsync();
                    if (code >= 500 || (body.Length == 0 && code is < 300 or >= 400))
                        failures.AppendLine($"{RouteTable.Roles[role]}: POST {action} (form on {url}) with NULs answered {code} with {body.Length} bytes");
                }
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(forms.Count >= 15, $"only {forms.Count} forms posted");
    }
}
