using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Security;

public class AntiforgeryTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const string TokenField = "__RequestVerificationToken";
    const int PagesPerRole = 45;
    static readonly HtmlParser Parser = new();
    static readonly Uri Site = new("http://localhost/");

    /// <summary>Posts that prove themselves another way, with the reason.</summary>
    static readonly Dictionary<string, string> Exempt = new()
    {
        ["POST /stripe/webhook"] = "Stripe signs each call (Stripe-Signature), checked by StripeWebhook",
        ["PAGE /status/{code:int}"] = "only shows the status of a refused post re-executed here (403, 404, 429); changes nothing",
        // Buyers/QuickAddTests: a post from another site, or one saying nothing of its origin, adds nothing.
        ["POST /keranjang/tambah-cepat/{listingId:int}"] = "one tap from output-cached pages: the browser's Origin or Sec-Fetch-Site must be the shop's, cookies are SameSite=Lax",
    };

    [Fact]
    public async Task Every_post_form_found_by_crawling_as_each_role_refuses_a_request_without_its_token()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var forms = new HashSet<string>();
        var failures = new StringBuilder();
        for (var role = 0; role < RouteTable.Roles.Length; role++)
        {
            using var client = ShopClient.For(factory);
            if (RouteTable.Logins[role] is { } login) await client.SignInAsync(login);
            var queue = new Queue<string>(RouteTable.Rows.Where(r => r.Route.StartsWith("PAGE ", StringComparison.Ordinal) && r.Outcomes[role] == "ok")
                .Select(r => RouteSamples.Fill(r.Sample, samples)));
            var seen = new HashSet<string>(queue);
            var visited = 0;
            while (queue.Count > 0 && visited++ < PagesPerRole)
            {
                var url = queue.Dequeue();
                using var response = await client.Http.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
                {
                    var action = new Uri(new Uri(Site, url), form.GetAttribute("action") ?? "").PathAndQuery;
                    if (!forms.Add(RouteTable.Roles[role] + " " + action)) continue;
                    if (action.StartsWith("/keranjang/tambah-cepat/", StringComparison.Ordinal)) continue; // see Exempt
                    if (form.QuerySelector($"input[name={TokenField}]") is null) // the page itself must carry the token
                        failures.AppendLine($"{RouteTable.Roles[role]}: the form posting to {action} on {url} has no antiforgery token");
                    var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Name != TokenField)
                        .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
                    using var forged = await client.Http.PostAsync(action, new FormUrlEncodedContent(fields));
                    if (forged.StatusCode != HttpStatusCode.BadRequest)
                        failures.AppendLine($"{RouteTable.Roles[role]}: POST {action} (form on {url}) without a token answered {(int)forged.StatusCode}");
                }
                foreach (var link in page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
                    if (Crawlable(link) && seen.Add(link)) queue.Enqueue(link);
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        // The crawl must really reach the forms: sign-out, cart, workspace and back office.
        Assert.Contains("buyer /keluar", forms);
        Assert.Contains(forms, f => f.StartsWith("maker /toko-saya/", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith("admin /admin/", StringComparison.Ordinal));
        Assert.True(forms.Count >= 15, $"Only {forms.Count} forms found: {string.Join(", ", forms)}");
    }

    [Fact]
    public async Task Every_post_handler_the_app_maps_refuses_a_request_without_a_token()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var rows = RouteTable.Rows.ToDictionary(r => r.Route);
        var failures = new StringBuilder();
        var checkedHandlers = 0;
        var clients = new Dictionary<int, ShopClient>();
        try
        {
            foreach (var route in AppRoutes.Of(factory))
            {
                if (!rows.TryGetValue(route.Key, out var row)) continue; // AuthorizationMatrixTests names the missing row
                var handlers = route.Page is not null ? await AppRoutes.PostHandlersAsync(factory, route)
                    : route.Methods.Contains("POST") ? [""] : [];
                if (handlers.Count == 0) continue;
                if (Exempt.ContainsKey(route.Key)) continue;
                // As the first role the table lets in, so authorization is passed and only the token is missing.
                // A 404 row (a sample id that does not exist) still passes authorization before the token is checked.
                var role = Array.FindIndex(row.Outcomes, o => o == "ok");
                if (role < 0) role = Array.FindIndex(row.Outcomes, o => o == "404");
                if (role < 0) role = 0;
                if (!clients.TryGetValue(role, out var client))
                {
                    client = clients[role] = ShopClient.For(factory);
                    if (RouteTable.Logins[role] is { } login) await client.SignInAsync(login);
                }
                var url = RouteSamples.Fill(row.Sample, samples);
                foreach (var handler in handlers)
                {
                    var target = handler.Length == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
                    using var response = await client.Http.PostAsync(target, new FormUrlEncodedContent([]));
                    checkedHandlers++;
                    if (response.StatusCode != HttpStatusCode.BadRequest)
                        failures.AppendLine($"{RouteTable.Roles[role]}: POST {target} ({route.Key}) without a token answered {(int)response.StatusCode}");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(checkedHandlers >= 20, $"Only {checkedHandlers} POST handlers found");
    }

    static bool Crawlable(string href) =>
        !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/media/", StringComparison.Ordinal)
        && !href.StartsWith("/admin/jobs", StringComparison.Ordinal) && !href.Contains("handler=Csv", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/bahasa/", StringComparison.Ordinal) && !href.StartsWith("/zona/", StringComparison.Ordinal)
        && !href.EndsWith(".xml", StringComparison.Ordinal) && !href.EndsWith(".csv", StringComparison.Ordinal);
}
