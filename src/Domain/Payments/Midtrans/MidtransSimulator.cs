using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PasKreatif.Payments.Midtrans;

/// <summary>
/// Midtrans' Core API as a book of transactions answered in its wire format: POST /v2/charge for qris,
/// gopay, shopeepay, bank_transfer (bca, bni, bri, permata) and echannel; GET /v2/{id}/status; POST
/// /v2/{id}/cancel, /expire and /refund, with Midtrans' status_code in every body. A cancelled transaction
/// cannot be paid, a paid one cannot be cancelled, only QRIS and e-wallets refund. The demo's payment
/// simulator serves it to the shop over HTTP, and so does the tests' fake: one wire format, kept here.
/// </summary>
public sealed class MidtransSimulator(string serverKey)
{
    readonly ConcurrentDictionary<string, Transaction> transactions = new();
    int counter;

    /// <summary>A server key of the simulator's own, new at each start: nothing signed with it is worth anything elsewhere.</summary>
    public static string NewServerKey() => "SIMULASI-server-" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    public string ServerKey => serverKey;
    /// <summary>The address its actions (QR image, status, cancel) name; set once the host listens.</summary>
    public string BaseUrl { get; set; } = "";
    /// <summary>Where an e-wallet's deep link sends the buyer; Midtrans' sandbox app pages unless told otherwise.</summary>
    public Func<Transaction, string> AppLink { get; set; } = t => t.PaymentType == "gopay"
        ? $"https://simulator.sandbox.midtrans.com/gopay/partner/app/payment-pin?id={t.TransactionId}"
        : $"https://simulator.sandbox.midtrans.com/shopeepay/ui/checkout?id={t.TransactionId}";

    public sealed class Transaction
    {
        public required string OrderId { get; init; }
        public required string TransactionId { get; init; }
        public required string PaymentType { get; init; }
        public string? Bank { get; init; }
        public required long GrossAmount { get; init; }
        public required JsonNode Request { get; init; }
        public string Status { get; set; } = "pending";
        public string? QrString { get; init; }
        public string? DeepLink { get; set; }
        public string? VaNumber { get; init; }
        public string? BillKey { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
        public List<(string Key, long Amount, long Id)> Refunds { get; } = [];
        public string Gross => GrossAmount.ToString(CultureInfo.InvariantCulture) + ".00";
        public bool Refundable => PaymentType is "qris" or "gopay" or "shopeepay";
    }

    public IReadOnlyCollection<Transaction> Transactions => transactions.Values.ToList();
    public Transaction this[string orderId] => transactions[orderId];
    public Transaction? Find(string orderId) => transactions.GetValueOrDefault(orderId);

    /// <summary>The buyer pays at the bank or in the app; false when the transaction no longer waits, as Midtrans would not take the money.</summary>
    public bool TryPay(string orderId)
    {
        if (!transactions.TryGetValue(orderId, out var t)) return false;
        lock (t)
        {
            if (t.Status != "pending") return false;
            t.Status = "settlement";
            return true;
        }
    }

    /// <summary>Sets a transaction's status as Midtrans would change it by itself (paid in its last second, expired, denied, refunded from the dashboard).</summary>
    public void Become(string orderId, string status)
    {
        var t = transactions[orderId];
        lock (t) t.Status = status;
    }

    /// <summary>A transaction Midtrans holds that the shop never opened.</summary>
    public void Foreign(string orderId, long gross, string status = "settlement") =>
        transactions[orderId] = new Transaction
        {
            OrderId = orderId, TransactionId = Guid.NewGuid().ToString(), PaymentType = "qris", GrossAmount = gross, Request = new JsonObject(), Status = status,
        };

    /// <summary>The status_code Midtrans gives a transaction status in its notifications and status answers.</summary>
    public static string StatusCode(string status) => status switch
    {
        "pending" => "201",
        "expire" => "407",
        "deny" or "failure" => "202",
        _ => "200",
    };

    /// <summary>An HTTP notification's body for a transaction as it stands (or as <paramref name="status"/> and <paramref name="gross"/> say), without its signature_key.</summary>
    public JsonObject NotificationBody(string orderId, string? status = null, string? gross = null)
    {
        var t = transactions[orderId];
        var transactionStatus = status ?? t.Status;
        var body = new JsonObject
        {
            ["transaction_time"] = "2026-12-02 11:00:00", ["transaction_status"] = transactionStatus, ["transaction_id"] = t.TransactionId,
            ["status_message"] = "midtrans payment notification", ["status_code"] = StatusCode(transactionStatus),
            ["payment_type"] = t.PaymentType, ["order_id"] = orderId, ["merchant_id"] = "G000000000", ["gross_amount"] = gross ?? t.Gross,
            ["fraud_status"] = "accept", ["currency"] = "IDR",
        };
        if (transactionStatus == "settlement") body["settlement_time"] = "2026-12-02 11:00:05";
        return body;
    }

    /// <summary>The notification Midtrans sends for a transaction now, signed with this simulator's server key.</summary>
    public string SignedNotification(string orderId)
    {
        var body = NotificationBody(orderId);
        body["signature_key"] = MidtransStatus.Signature(orderId, (string)body["status_code"]!, (string)body["gross_amount"]!, serverKey);
        return body.ToJsonString();
    }

    /// <summary>One call of the Core API: its HTTP status and JSON body, as Midtrans answers it (authorised by HTTP Basic with the server key).</summary>
    public (int Http, string Body) Answer(string method, string path, string? text, string? authorization)
    {
        JsonNode? body;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return (400, Error("400", "One or more parameters in the payload is invalid.").ToJsonString());
        }
        var n = Interlocked.Increment(ref counter);
        var auth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(serverKey + ":"));
        JsonObject answer;
        var http = 200;
        if (authorization != auth)
        {
            http = 401;
            answer = Error("401", "Access denied due to unauthorized transaction, please check client or server key");
        }
        else if (method == "POST" && path == "/v2/charge") answer = body is null ? Error("400", "One or more parameters in the payload is invalid.") : Charge(body, n);
        else if (path.StartsWith("/v2/", StringComparison.Ordinal) && path.Split('/') is [_, _, var id, var action])
        {
            id = Uri.UnescapeDataString(id);
            if (!transactions.TryGetValue(id, out var t)) answer = Error("404", "Transaction doesn't exist.");
            else if (method == "GET" && action == "status") answer = Describe(t, StatusCode(t.Status), "Success, transaction is found");
            else if (method == "POST" && action is "cancel" or "expire")
            {
                lock (t)
                {
                    if (t.Status != "pending") answer = Error("412", "Merchant cannot modify the status of the transaction");
                    else
                    {
                        t.Status = action == "cancel" ? "cancel" : "expire";
                        answer = Describe(t, action == "cancel" ? "200" : "407", action == "cancel" ? "Success, transaction is canceled" : "Success, transaction has expired");
                    }
                }
            }
            else if (method == "POST" && action == "refund") answer = Refund(t, body, n);
            else { http = 404; answer = Error("404", "The requested resource is not found"); }
        }
        else { http = 404; answer = Error("404", "The requested resource is not found"); }
        return (http, answer.ToJsonString());
    }

    JsonObject Charge(JsonNode request, int n)
    {
        string orderId, type;
        long gross;
        try
        {
            orderId = (string)request["transaction_details"]!["order_id"]!;
            gross = (long)request["transaction_details"]!["gross_amount"]!;
            type = (string)request["payment_type"]!;
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
        {
            return Error("400", "One or more parameters in the payload is invalid.", "transaction_details and payment_type are required");
        }
        var bank = (string?)request["bank_transfer"]?["bank"];
        if (transactions.ContainsKey(orderId)) return Error("406", "The request could not be completed due to a conflict with the current state of the target resource, please try again");
        var items = request["item_details"]?.AsArray();
        if (items is not null && items.Sum(i => (long)i!["price"]! * (int)i["quantity"]!) != gross)
            return Error("400", "One or more parameters in the payload is invalid.", "transaction_details.gross_amount is not equal to the sum of item_details");
        var expiry = request["custom_expiry"];
        DateTimeOffset? expiresAt = expiry is null ? null
            : DateTimeOffset.ParseExact(WithColon((string)expiry["order_time"]!), "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)
                .AddSeconds((long)expiry["expiry_duration"]! * ((string?)expiry["unit"] switch { "minute" => 60, "hour" => 3600, "day" => 86400, _ => 1 }));
        var transactionId = $"{n:D8}-0000-4000-8000-{Guid.NewGuid().ToString("N")[..12]}";
        var t = new Transaction
        {
            OrderId = orderId, TransactionId = transactionId, PaymentType = type, Bank = bank, GrossAmount = gross, Request = request, ExpiresAt = expiresAt,
            QrString = type == "qris" ? Qris(orderId, gross) : null,
            VaNumber = type == "bank_transfer" ? (bank switch { "bca" => "12345", "bni" => "98812", "bri" => "85780", _ => "87780" }) + n.ToString("D10", CultureInfo.InvariantCulture) : null,
            BillKey = type == "echannel" ? "7783" + n.ToString("D8", CultureInfo.InvariantCulture) : null,
        };
        if (type is "gopay" or "shopeepay") t.DeepLink = AppLink(t);
        transactions[orderId] = t;
        var message = type switch
        {
            "qris" => "QRIS transaction is created",
            "gopay" => "GoPay transaction is created",
            "shopeepay" => "ShopeePay transaction is created",
            "echannel" => "OK, Mandiri Bill transaction is successful",
            _ => "Success, Bank Transfer transaction is created",
        };
        return Describe(t, "201", message);
    }

    JsonObject Refund(Transaction t, JsonNode? request, int n)
    {
        lock (t)
        {
            if (!t.Refundable) return Error("412", "Payment Type not supported for refund");
            if (t.Status is not ("settlement" or "partial_refund")) return Error("412", "Merchant cannot modify the status of the transaction");
            var key = (string?)request?["refund_key"] ?? $"auto-{n}";
            var amount = (long?)request?["amount"] ?? t.GrossAmount;
            var existing = t.Refunds.FirstOrDefault(r => r.Key == key);
            if (existing.Key is null)
            {
                if (t.Refunds.Sum(r => r.Amount) + amount > t.GrossAmount) return Error("412", "Refund amount exceeds the remaining amount");
                existing = (key, amount, 1000 + n);
                t.Refunds.Add(existing);
                t.Status = t.Refunds.Sum(r => r.Amount) >= t.GrossAmount ? "refund" : "partial_refund";
            }
            var answer = Describe(t, "200", "Success, refund request is approved");
            answer["refund_chargeback_id"] = existing.Id;
            answer["refund_amount"] = existing.Amount.ToString(CultureInfo.InvariantCulture) + ".00";
            answer["refund_key"] = existing.Key;
            return answer;
        }
    }

    JsonObject Describe(Transaction t, string statusCode, string message)
    {
        var o = new JsonObject
        {
            ["status_code"] = statusCode, ["status_message"] = message, ["transaction_id"] = t.TransactionId, ["order_id"] = t.OrderId,
            ["merchant_id"] = "G000000000", ["gross_amount"] = t.Gross, ["currency"] = "IDR", ["payment_type"] = t.PaymentType,
            ["transaction_time"] = "2026-12-02 11:00:00", ["transaction_status"] = t.Status, ["fraud_status"] = "accept",
        };
        if (t.ExpiresAt is { } at) o["expiry_time"] = at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (t.QrString is not null)
        {
            o["qr_string"] = t.QrString;
            o["acquirer"] = "gopay";
        }
        var actions = new JsonArray();
        if (t.PaymentType is "qris" or "gopay") actions.Add(Action("generate-qr-code", "GET", $"{BaseUrl}/v2/{t.PaymentType}/{t.TransactionId}/qr-code"));
        if (t.DeepLink is not null) actions.Add(Action("deeplink-redirect", "GET", t.DeepLink));
        if (t.PaymentType is "qris" or "gopay" or "shopeepay")
        {
            actions.Add(Action("get-status", "GET", $"{BaseUrl}/v2/{t.TransactionId}/status"));
            actions.Add(Action("cancel", "POST", $"{BaseUrl}/v2/{t.TransactionId}/cancel"));
            o["actions"] = actions;
        }
        if (t.PaymentType == "bank_transfer" && t.Bank == "permata") o["permata_va_number"] = t.VaNumber;
        else if (t.PaymentType == "bank_transfer") o["va_numbers"] = new JsonArray(new JsonObject { ["bank"] = t.Bank, ["va_number"] = t.VaNumber });
        if (t.BillKey is not null)
        {
            o["bill_key"] = t.BillKey;
            o["biller_code"] = "70012";
        }
        if (t.Refunds.Count > 0)
        {
            o["refund_amount"] = t.Refunds.Sum(r => r.Amount).ToString(CultureInfo.InvariantCulture) + ".00";
            o["refunds"] = new JsonArray(t.Refunds.Select(r => (JsonNode)new JsonObject
            {
                ["refund_chargeback_id"] = r.Id, ["refund_amount"] = r.Amount.ToString(CultureInfo.InvariantCulture) + ".00",
                ["created_at"] = "2026-12-02 12:00:00", ["reason"] = "PAS Kreatif", ["refund_key"] = r.Key,
            }).ToArray());
        }
        return o;
    }

    /// <summary>Midtrans writes offsets as "+0700"; .NET reads "+07:00".</summary>
    static string WithColon(string time) => time[..^2] + ":" + time[^2..];

    static JsonObject Action(string name, string method, string url) => new() { ["name"] = name, ["method"] = method, ["url"] = url };

    static JsonObject Error(string code, string message, string? validation = null)
    {
        var o = new JsonObject { ["status_code"] = code, ["status_message"] = message, ["id"] = Guid.NewGuid().ToString() };
        if (validation is not null) o["validation_messages"] = new JsonArray(validation);
        return o;
    }

    /// <summary>A dynamic QRIS payload in the EMV merchant-presented form: tags, the amount, and its CRC-16/CCITT.</summary>
    static string Qris(string orderId, long gross)
    {
        static string Tag(string id, string value) => id + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value;
        var merchant = Tag("00", "ID.CO.QRIS.WWW") + Tag("01", "936009140000000001") + Tag("02", "ID1020000000001") + Tag("03", "UMI");
        var payload = Tag("00", "01") + Tag("01", "12") + Tag("26", merchant) + Tag("52", "5499") + Tag("53", "360")
            + Tag("54", gross.ToString(CultureInfo.InvariantCulture)) + Tag("58", "ID") + Tag("59", "PAS KREATIF") + Tag("60", "PURWOKERTO")
            + Tag("62", Tag("01", orderId.Length > 25 ? orderId[^25..] : orderId)) + "6304";
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.ASCII.GetBytes(payload))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return payload + crc.ToString("X4", CultureInfo.InvariantCulture);
    }
}
