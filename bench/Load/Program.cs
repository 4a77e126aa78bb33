using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

// Usage: PasKreatif.Bench.Load BASE CASE CONNECTIONS SECONDS DATA_DIR
// Cases: ping, search, product, category, checkout. Prints one JSON line: requests, seconds, errors, p50/p95/p99
// (and per step for checkout). Every catalogue URL carries a never-repeated "b" value, which the output
// cache varies by (it varies by every query key), so no measured request can be a cache hit.
var (baseUrl, kind, connections, seconds, data) = (args[0].TrimEnd('/'), args[1], int.Parse(args[2], CultureInfo.InvariantCulture),
    double.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
var workload = new Workload(data);
var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
var recorder = new Recorder();
var workers = Enumerable.Range(0, connections).Select(i => Task.Run(() => kind == "checkout"
    ? Buyer.RunAsync(baseUrl, i, workload, recorder, until)
    : Browser.RunAsync(baseUrl, kind, i, connections, workload, recorder, until))).ToArray();
var started = Stopwatch.GetTimestamp();
await Task.WhenAll(workers);
Console.WriteLine(recorder.Json(Stopwatch.GetElapsedTime(started).TotalSeconds));

/// <summary>What the requests are drawn from: title words, all slugs, the filter values of the catalogue.</summary>
sealed class Workload(string dir)
{
    public string[] Words { get; } = Lines(dir, "words.txt");
    public string[] Slugs { get; } = Lines(dir, "slugs.txt");
    public string[] Categories { get; } = Lines(dir, "categories.txt");
    public string[] Regencies { get; } = Lines(dir, "regencies.txt");
    public string[] Groups { get; } = Lines(dir, "groups.txt");
    public string[] Programmes { get; } = Lines(dir, "programmes.txt");
    public string[] ListingIds { get; } = Lines(dir, "listing-ids.txt");
    static long nonce = DateTime.UtcNow.Ticks;
    static readonly string[] Sorts = ["terbaru", "termurah", "termahal", "terlaris"];

    static string[] Lines(string dir, string name) =>
        File.Exists(Path.Combine(dir, name)) ? File.ReadAllLines(Path.Combine(dir, name)).Where(l => l.Length > 0).ToArray() : [];

    public static string Nonce() => Interlocked.Increment(ref nonce).ToString(CultureInfo.InvariantCulture);

    /// <summary>One to three title words; a third with a typing mistake; a quarter asks for page 2 to 4.</summary>
    public string SearchUrl(Random r)
    {
        var words = Enumerable.Range(0, r.Next(1, 4)).Select(_ => Words[r.Next(Words.Length)]).ToArray();
        if (r.NextDouble() < 0.33)
        {
            var i = r.Next(words.Length);
            var w = words[i];
            if (w.Length > 3)
            {
                var at = r.Next(1, w.Length - 1);
                words[i] = r.Next(2) == 0 ? w.Remove(at, 1) : w[..at] + w[at + 1] + w[at] + w[(at + 2)..];
            }
        }
        var page = r.NextDouble() < 0.25 ? $"&hal={r.Next(2, 5)}" : "";
        return $"/cari?q={Uri.EscapeDataString(string.Join(' ', words))}{page}&b={Nonce()}";
    }

    /// <summary>A category with a random subset of filters and a random sort.</summary>
    public string CategoryUrl(Random r)
    {
        var q = new List<string>();
        void Maybe(double p, string[] values, string key) { if (values.Length > 0 && r.NextDouble() < p) q.Add($"{key}={values[r.Next(values.Length)]}"); }
        Maybe(0.3, Regencies, "kabupaten");
        Maybe(0.2, Groups, "kelompok");
        Maybe(0.2, Programmes, "program");
        if (r.NextDouble() < 0.3) q.Add($"harga-min={r.Next(1, 20) * 5000}");
        if (r.NextDouble() < 0.3) q.Add($"harga-maks={r.Next(20, 200) * 5000}");
        if (r.NextDouble() < 0.2) q.Add(r.Next(2) == 0 ? "stok=ada" : "stok=pesanan");
        if (r.NextDouble() < 0.2) q.Add(r.Next(2) == 0 ? "kirim=ambil" : "kirim=antar");
        if (r.NextDouble() < 0.6) q.Add("urut=" + Sorts[r.Next(Sorts.Length)]);
        q.Add("b=" + Nonce());
        return $"/kategori/{Categories[r.Next(Categories.Length)]}?{string.Join('&', q)}";
    }
}

sealed class Recorder
{
    readonly Lock gate = new();
    readonly Dictionary<string, List<double>> steps = [];
    readonly Dictionary<string, int> failures = [];
    readonly List<string> examples = [];
    int errors, orders;

    public void Add(string step, double ms) { lock (gate) { if (!steps.TryGetValue(step, out var l)) steps[step] = l = []; l.Add(ms); } }
    public void Error() => Interlocked.Increment(ref errors);
    /// <summary>A failed request, counted by what it was (its status code, or "timeout"), so the report says which.</summary>
    public void Error(string what, string? url = null)
    {
        Interlocked.Increment(ref errors);
        lock (gate)
        {
            failures[what] = failures.GetValueOrDefault(what) + 1;
            if (url is not null && examples.Count < 5) examples.Add($"{what} {url}");
        }
    }
    public void Order() => Interlocked.Increment(ref orders);

    static double P(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public string Json(double elapsed)
    {
        lock (gate)
        {
            var all = steps.Values.SelectMany(v => v).Order().ToList();
            var perStep = steps.ToDictionary(s => s.Key, s =>
            {
                var sorted = s.Value.Order().ToList();
                return new { count = sorted.Count, p50 = P(sorted, 0.5), p95 = P(sorted, 0.95), p99 = P(sorted, 0.99) };
            });
            return JsonSerializer.Serialize(new
            {
                requests = all.Count, seconds = elapsed, errors, failures, examples, orders,
                p50 = P(all, 0.5), p95 = P(all, 0.95), p99 = P(all, 0.99), steps = perStep,
            });
        }
    }
}

static class Browser
{
    public static async Task RunAsync(string baseUrl, string kind, int worker, int workers, Workload w, Recorder rec, long until)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var random = new Random(Environment.TickCount ^ (worker * 7919));
        // Product pages: every worker walks its own share of all slugs from a random start, so none repeats in a run.
        var cursor = random.Next(Math.Max(1, w.Slugs.Length));
        string? next = null;
        while (Stopwatch.GetTimestamp() < until)
        {
            string url;
            switch (kind)
            {
                case "ping": url = "/ping"; break;
                case "search": url = w.SearchUrl(random); break;
                case "product":
                    url = $"/produk/{w.Slugs[cursor % w.Slugs.Length]}?b={Workload.Nonce()}";
                    cursor += workers;
                    break;
                case "category":
                    // Deep pages: follow the next link up to five times, then a new filter combination.
                    url = next is not null && random.NextDouble() < 0.8 ? next + (next.Contains('?') ? "&b=" : "?b=") + Workload.Nonce() : w.CategoryUrl(random);
                    break;
                default: throw new ArgumentException("unknown case " + kind);
            }
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                rec.Add(kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) rec.Error(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), url);
                if (kind == "category") next = NextLink(body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                rec.Error(e is TaskCanceledException ? "timeout" : "connection", url);
            }
        }
    }

    static string? NextLink(string html)
    {
        var at = html.IndexOf("rel=\"next\"", StringComparison.Ordinal);
        if (at < 0) return null;
        var tagStart = html.LastIndexOf('<', at);
        var href = html.IndexOf("href=\"", tagStart, StringComparison.Ordinal);
        if (href < 0 || href > html.IndexOf('>', at)) return null;
        var end = html.IndexOf('"', href + 6);
        var link = WebUtility.HtmlDecode(html[(href + 6)..end]);
        // Drop the nonce of the page it came from, keeping the query well-formed whichever key came first.
        var query = link.IndexOf('?');
        if (query < 0) return link;
        var kept = link[(query + 1)..].Split('&').Where(p => !p.StartsWith("b=", StringComparison.Ordinal)).ToArray();
        return kept.Length == 0 ? link[..query] : link[..query] + "?" + string.Join('&', kept);
    }
}

/// <summary>One guest buyer: add to cart (the POST), cart, checkout page, place the order, the order page.</summary>
static class Buyer
{
    static readonly HtmlParser Parser = new();

    public static async Task RunAsync(string baseUrl, int worker, Workload w, Recorder rec, long until)
    {
        var random = new Random(Environment.TickCount ^ (worker * 104729));
        while (Stopwatch.GetTimestamp() < until)
        {
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
                { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                var listing = w.ListingIds[random.Next(w.ListingIds.Length)];
                var addPage = await Step(rec, "add-form", () => http.GetAsync($"/keranjang/tambah/{listing}"));
                var add = Form(addPage.Body, "Quantity", "1");
                if (add is null) { rec.Error($"add-form {(int)addPage.Status}", $"/keranjang/tambah/{listing}"); continue; }
                var added = await Step(rec, "add-post", () => http.PostAsync($"/keranjang/tambah/{listing}", new FormUrlEncodedContent(add)));
                if (added.Status != HttpStatusCode.Redirect) { rec.Error($"add-post {(int)added.Status}", $"/keranjang/tambah/{listing}"); continue; }
                await Step(rec, "cart", () => http.GetAsync("/keranjang"));
                var details = await Step(rec, "checkout-form", () => http.GetAsync("/checkout"));
                var order = Form(details.Body, null, null);
                if (order is null) { rec.Error($"checkout-form {(int)details.Status}", "/checkout"); continue; }
                order["Name"] = "Pembeli Uji " + worker;
                order["Phone"] = "081234567890";
                order["Email"] = $"pembeli{worker}@contoh.test";
                order["Address"] = "Jl. Uji Beban No. 1, Mataram";
                var placed = await Step(rec, "place", () => http.PostAsync("/checkout", new FormUrlEncodedContent(order)));
                var location = placed.Location;
                if (placed.Status != HttpStatusCode.Redirect || location is null || !location.StartsWith("/pesanan/", StringComparison.Ordinal))
                {
                    // A page shown again names its problem in the alert: the report says which one.
                    rec.Error($"place {(int)placed.Status} {Alert(placed.Body)}", $"/checkout (listing {listing})");
                    continue;
                }
                var page = await Step(rec, "order-page", () => http.GetAsync(location));
                if (page.Status == HttpStatusCode.OK) rec.Order(); else rec.Error($"order-page {(int)page.Status}", location);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                rec.Error(e is TaskCanceledException ? "checkout timeout" : "checkout connection");
            }
        }
    }

    static string Alert(string html)
    {
        var alert = Parser.ParseDocument(html).QuerySelector("[role=alert], .alert");
        var text = alert is null ? "" : string.Join(' ', alert.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 80 ? text : text[..80];
    }

    sealed record Answer(HttpStatusCode Status, string Body, string? Location);

    static async Task<Answer> Step(Recorder rec, string name, Func<Task<HttpResponseMessage>> send)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        rec.Add(name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return new Answer(response.StatusCode, body, response.Headers.Location?.OriginalString);
    }

    /// <summary>The values a browser would send from the page's first POST form (not its other handlers).</summary>
    static Dictionary<string, string>? Form(string html, string? field, string? value)
    {
        var form = Parser.ParseDocument(html).Forms.FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
            && f.QuerySelector("input[name=__RequestVerificationToken]") is not null);
        if (form is null) return null;
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name:
                    if (input.Type is "radio" or "checkbox") { if (input.IsChecked) values[name] = input.Value; }
                    else if (input.Type != "submit") values[name] = input.Value;
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    values[name] = select.Value ?? "";
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    values[name] = area.Value;
                    break;
            }
        }
        if (field is not null) values[field] = value!;
        return values;
    }
}
