using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// A local stand-in for Stripe's HTTP API on 127.0.0.1, answering what Stripe.net calls (Checkout
/// sessions: create with expires_at, retrieve, expire; refunds with an amount and an idempotency key)
/// with Stripe's JSON shapes, and signing webhook payloads as Stripe does. It keeps each session's
/// state, so an expired session cannot be completed and a completed one cannot be expired.
/// </summary>
public sealed class FakeStripe : IDisposable
{
    public const string SecretKey = "sk_test_fake_paskreatif";
    public const string WebhookSecret = "whsec_test_paskreatif";
    readonly HttpListener listener = new();
    readonly CancellationTokenSource stop = new();
    readonly ConcurrentDictionary<string, FakeSession> sessions = new();
    readonly ConcurrentDictionary<string, Dictionary<string, object?>> refundsByKey = new();
    int counter;

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Form)> Requests { get; } = new();
    /// <summary>What the next refunds answer: "succeeded", "pending", or "error" (an HTTP 500).</summary>
    public string RefundOutcome { get; set; } = "succeeded";

    /// <summary>A Checkout session as the fake keeps it.</summary>
    public sealed class FakeSession
    {
        public required string Id { get; init; }
        public required int OrderId { get; init; }
        public required long AmountTotal { get; init; }
        public long? ExpiresAt { get; init; }
        public string Status { get; set; } = "open";
        public string? PaymentIntent { get; set; }
    }

    public IReadOnlyCollection<FakeSession> Sessions => sessions.Values.ToList();

    public FakeSession Session(string id) => sessions[id];

    /// <summary>The buyer pays a session at Stripe: it completes (refused when Stripe expired it) and its webhook object is returned.</summary>
    public object Pay(string sessionId, string paymentIntent)
    {
        var session = sessions[sessionId];
        lock (session)
        {
            if (session.Status != "open") throw new InvalidOperationException($"Session {sessionId} is {session.Status}: Stripe would not take the payment.");
            session.Status = "complete";
            session.PaymentIntent = paymentIntent;
        }
        return SessionJson(session);
    }

    /// <summary>A payment Stripe took anyway (a buyer who paid in the last second of a session the shop then expired): the completed webhook object.</summary>
    public object PaidAnyway(string sessionId, string paymentIntent)
    {
        var session = sessions[sessionId];
        session.Status = "complete";
        session.PaymentIntent = paymentIntent;
        return SessionJson(session);
    }

    public FakeStripe()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) when (stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var form = Parse(await reader.ReadToEndAsync());
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue((context.Request.HttpMethod, path, form));
        var n = Interlocked.Increment(ref counter);
        var authorised = context.Request.Headers["Authorization"] == $"Bearer {SecretKey}";
        object body; var status = 200;
        if (!authorised) { status = 401; body = Error("Invalid API Key provided"); }
        else if (context.Request.HttpMethod == "POST" && path == "/v1/checkout/sessions")
        {
            var session = new FakeSession
            {
                Id = $"cs_test_{n:D6}", OrderId = int.Parse(form.GetValueOrDefault("client_reference_id") ?? "0", CultureInfo.InvariantCulture),
                AmountTotal = AmountTotal(form),
                ExpiresAt = form.TryGetValue("expires_at", out var expires) ? long.Parse(expires, CultureInfo.InvariantCulture) : null,
            };
            sessions[session.Id] = session;
            body = SessionJson(session);
        }
        else if (path.StartsWith("/v1/checkout/sessions/", StringComparison.Ordinal))
        {
            var parts = path["/v1/checkout/sessions/".Length..].Split('/');
            if (!sessions.TryGetValue(parts[0], out var session)) { status = 404; body = Error("No such checkout.session"); }
            else if (context.Request.HttpMethod == "POST" && parts.Length == 2 && parts[1] == "expire")
            {
                lock (session)
                {
                    if (session.Status == "open") { session.Status = "expired"; body = SessionJson(session); }
                    else { status = 400; body = Error($"This Checkout Session is not in an expirable state (status: {session.Status})."); }
                }
            }
            else body = SessionJson(session);
        }
        else if (context.Request.HttpMethod == "POST" && path == "/v1/refunds")
        {
            var key = context.Request.Headers["Idempotency-Key"] ?? $"none-{n}";
            if (RefundOutcome == "error") { status = 500; body = Error("Stripe is having a moment"); }
            else body = refundsByKey.GetOrAdd(key, _ => new Dictionary<string, object?>
            {
                ["id"] = $"re_test_{n:D6}", ["object"] = "refund", ["status"] = RefundOutcome, ["currency"] = "idr",
                ["payment_intent"] = form.GetValueOrDefault("payment_intent"),
                ["amount"] = long.Parse(form.GetValueOrDefault("amount") ?? "0", CultureInfo.InvariantCulture),
            });
        }
        else { status = 404; body = Error("Unrecognized request URL"); }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = $"req_{n}";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>Refunds Stripe actually made (one per idempotency key, as Stripe does): payment intent and amount in hundredths.</summary>
    public IReadOnlyList<(string? PaymentIntent, long Amount)> Refunds =>
        refundsByKey.Values.Select(r => ((string?)r["payment_intent"], (long)r["amount"]!)).ToList();

    Dictionary<string, object?> SessionJson(FakeSession session) => new()
    {
        ["id"] = session.Id, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = session.Status,
        ["payment_status"] = session.Status == "complete" ? "paid" : "unpaid",
        ["client_reference_id"] = session.OrderId.ToString(CultureInfo.InvariantCulture), ["currency"] = "idr",
        ["amount_total"] = session.AmountTotal, ["expires_at"] = session.ExpiresAt,
        ["metadata"] = new Dictionary<string, string> { ["order_id"] = session.OrderId.ToString(CultureInfo.InvariantCulture) },
        ["payment_intent"] = session.PaymentIntent, ["url"] = $"{BaseUrl}/pay/{session.Id}",
    };

    /// <summary>The sum the shop asked Stripe to charge, in Stripe's hundredths.</summary>
    static long AmountTotal(Dictionary<string, string> form) =>
        Enumerable.Range(0, 100).TakeWhile(i => form.ContainsKey($"line_items[{i}][quantity]"))
            .Sum(i => long.Parse(form[$"line_items[{i}][quantity]"], CultureInfo.InvariantCulture) * long.Parse(form[$"line_items[{i}][price_data][unit_amount]"], CultureInfo.InvariantCulture));

    static Dictionary<string, string> Metadata(Dictionary<string, string> form, string prefix) =>
        form.Where(p => p.Key.StartsWith(prefix + "[", StringComparison.Ordinal))
            .ToDictionary(p => p.Key[(prefix.Length + 1)..^1], p => p.Value);

    static object Error(string message) => new { error = new { message, type = "invalid_request_error" } };

    static Dictionary<string, string> Parse(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    /// <summary>A webhook event as Stripe sends it: the JSON and its Stripe-Signature header.</summary>
    public static (string Payload, string Signature) Event(string id, string type, object dataObject, DateTimeOffset? signedAt = null, string secret = WebhookSecret)
    {
        var created = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["object"] = "event", ["api_version"] = Stripe.StripeConfiguration.ApiVersion, ["created"] = created,
            ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = type,
            ["request"] = new { id = (string?)null, idempotency_key = (string?)null },
            ["data"] = new { @object = dataObject },
        });
        return (payload, Sign(payload, created, secret));
    }

    /// <summary>Delivers an event to the shop's webhook as Stripe would, signed.</summary>
    public static async Task<HttpResponseMessage> DeliverAsync(HttpClient shop, string id, string type, object dataObject)
    {
        var (payload, signature) = Event(id, type, dataObject);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        return await shop.SendAsync(request);
    }

    public static string Sign(string payload, long timestamp, string secret = WebhookSecret)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ts}.{payload}"));
        return $"t={ts},v1={Convert.ToHexStringLower(mac)}";
    }

    public static object CompletedSession(int orderId, string paymentIntent, string sessionId = "cs_test_done") => new Dictionary<string, object?>
    {
        ["id"] = sessionId, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "complete", ["payment_status"] = "paid",
        ["client_reference_id"] = orderId.ToString(CultureInfo.InvariantCulture), ["currency"] = "idr",
        ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString(CultureInfo.InvariantCulture) },
        ["payment_intent"] = paymentIntent,
    };

    public static object RefundedCharge(string paymentIntent, long amountHundredths, long? chargedHundredths = null) => new Dictionary<string, object?>
    {
        ["id"] = "ch_" + paymentIntent[3..], ["object"] = "charge", ["payment_intent"] = paymentIntent, ["currency"] = "idr",
        ["amount"] = chargedHundredths ?? amountHundredths, ["amount_refunded"] = amountHundredths,
        ["refunded"] = amountHundredths >= (chargedHundredths ?? amountHundredths), ["paid"] = true, ["status"] = "succeeded",
    };

    public static object ExpiredSession(string sessionId, int orderId) => new Dictionary<string, object?>
    {
        ["id"] = sessionId, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "expired", ["payment_status"] = "unpaid",
        ["client_reference_id"] = orderId.ToString(CultureInfo.InvariantCulture), ["currency"] = "idr",
        ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString(CultureInfo.InvariantCulture) },
    };

    public static object FailedIntent(int orderId, string paymentIntent) => new Dictionary<string, object?>
    {
        ["id"] = paymentIntent, ["object"] = "payment_intent", ["status"] = "requires_payment_method", ["currency"] = "idr",
        ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString(CultureInfo.InvariantCulture) },
    };

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (stop.IsCancellationRequested) return;
        stop.Cancel();
        listener.Stop();
        listener.Close();
    }
}
