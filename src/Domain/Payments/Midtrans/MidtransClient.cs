using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasKreatif.Payments.Midtrans;

/// <summary>Midtrans answered with an error, or not at all in a form it documents.</summary>
public sealed class MidtransException(string message, string? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public string? StatusCode { get; } = statusCode;
}

/// <summary>
/// A small typed client of Midtrans' Core API (v2): charge, status, cancel, expire, refund. Requests are
/// authorised by HTTP Basic with the server key as user name; Midtrans puts its own status_code in the
/// body, often beside an HTTP 200, so the body decides.
/// </summary>
public sealed class MidtransClient(HttpClient http, MidtransOptions options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Opens a transaction (POST /v2/charge); Midtrans answers 201 with what the buyer needs to pay.</summary>
    public async Task<MidtransTransaction> ChargeAsync(MidtransCharge charge, CancellationToken ct)
    {
        var answer = await SendAsync(HttpMethod.Post, "v2/charge", charge, ct);
        if (answer.StatusCode is not ("201" or "200"))
            throw new MidtransException($"Midtrans refused the charge: {answer.StatusCode} {answer.StatusMessage} {string.Join("; ", answer.ValidationMessages ?? [])}", answer.StatusCode);
        return answer;
    }

    /// <summary>The transaction as Midtrans knows it now (GET /v2/{order_id}/status); null when it has none of that id.</summary>
    public async Task<MidtransTransaction?> StatusAsync(string orderId, CancellationToken ct)
    {
        var answer = await SendAsync(HttpMethod.Get, $"v2/{Uri.EscapeDataString(orderId)}/status", null, ct);
        if (answer.StatusCode == "404") return null;
        if (answer.TransactionStatus is null) throw new MidtransException($"Midtrans status of {orderId}: {answer.StatusCode} {answer.StatusMessage}", answer.StatusCode);
        return answer;
    }

    /// <summary>Cancels a pending transaction (POST /v2/{order_id}/cancel); the answer's status_code tells whether it could.</summary>
    public Task<MidtransTransaction> CancelAsync(string orderId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"v2/{Uri.EscapeDataString(orderId)}/cancel", null, ct);

    /// <summary>Expires a pending transaction now (POST /v2/{order_id}/expire).</summary>
    public Task<MidtransTransaction> ExpireAsync(string orderId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"v2/{Uri.EscapeDataString(orderId)}/expire", null, ct);

    /// <summary>Sends money of a settled transaction back (POST /v2/{order_id}/refund); the same refund_key never refunds twice.</summary>
    public Task<MidtransTransaction> RefundAsync(string orderId, string refundKey, Money amount, string reason, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"v2/{Uri.EscapeDataString(orderId)}/refund",
            new MidtransRefundRequest(refundKey, decimal.ToInt64(amount.Amount), reason), ct);

    async Task<MidtransTransaction> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes((options.ServerKey ?? "") + ":")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        else if (method == HttpMethod.Post) request.Content = new StringContent("", Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new MidtransException($"Midtrans unreachable: {e.Message}", inner: e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode >= 500) throw new MidtransException($"Midtrans HTTP {(int)response.StatusCode}", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            try
            {
                return JsonSerializer.Deserialize<MidtransTransaction>(text, Json) ?? throw new MidtransException("Midtrans answered nothing");
            }
            catch (JsonException e)
            {
                throw new MidtransException($"Midtrans answered HTTP {(int)response.StatusCode} without JSON", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), e);
            }
        }
    }

    /// <summary>Midtrans' amounts are strings such as "44000.00".</summary>
    public static Money? Amount(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? new Money(amount) : null;

    /// <summary>Midtrans' own clock is WIB: "2026-12-02 11:54:12 +0700".</summary>
    public static string WibTime(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +0700";
}

public sealed record MidtransCharge(
    string PaymentType,
    MidtransTransactionDetails TransactionDetails,
    MidtransCustomExpiry CustomExpiry,
    MidtransCustomer? CustomerDetails = null,
    IReadOnlyList<MidtransItem>? ItemDetails = null,
    MidtransBankTransfer? BankTransfer = null,
    MidtransEchannel? Echannel = null,
    MidtransQris? Qris = null,
    MidtransGopay? Gopay = null,
    MidtransShopeepay? Shopeepay = null);

public sealed record MidtransTransactionDetails(string OrderId, long GrossAmount);
/// <summary>The transaction's life: from order_time (WIB) for expiry_duration units.</summary>
public sealed record MidtransCustomExpiry(string OrderTime, long ExpiryDuration, string Unit);
public sealed record MidtransCustomer(string FirstName, string? Email, string? Phone);
public sealed record MidtransItem(string Id, long Price, int Quantity, string Name);
public sealed record MidtransBankTransfer(string Bank);
public sealed record MidtransEchannel(string BillInfo1, string BillInfo2);
public sealed record MidtransQris(string Acquirer);
public sealed record MidtransGopay(bool EnableCallback, string CallbackUrl);
public sealed record MidtransShopeepay(string CallbackUrl);
public sealed record MidtransRefundRequest(string RefundKey, long Amount, string Reason);

public sealed class MidtransVaNumber
{
    public string? Bank { get; init; }
    public string? VaNumber { get; init; }
}

public sealed class MidtransAction
{
    public string? Name { get; init; }
    public string? Method { get; init; }
    public string? Url { get; init; }
}

public sealed class MidtransRefundEntry
{
    public long? RefundChargebackId { get; init; }
    public string? RefundAmount { get; init; }
    public string? RefundKey { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A transaction as Midtrans describes it in every answer and notification (only the fields the shop reads).</summary>
public sealed class MidtransTransaction
{
    public string? StatusCode { get; init; }
    public string? StatusMessage { get; init; }
    public List<string>? ValidationMessages { get; init; }
    public string? TransactionId { get; init; }
    public string? OrderId { get; init; }
    public string? GrossAmount { get; init; }
    public string? PaymentType { get; init; }
    public string? TransactionStatus { get; init; }
    public string? FraudStatus { get; init; }
    public string? ExpiryTime { get; init; }
    public string? QrString { get; init; }
    public List<MidtransVaNumber>? VaNumbers { get; init; }
    public string? PermataVaNumber { get; init; }
    public string? BillKey { get; init; }
    public string? BillerCode { get; init; }
    public List<MidtransAction>? Actions { get; init; }
    public List<MidtransRefundEntry>? Refunds { get; init; }
    public string? RefundAmount { get; init; }
    public string? RefundKey { get; init; }
    public long? RefundChargebackId { get; init; }
    public string? SignatureKey { get; init; }

    public GatewayState State => MidtransStatus.Map(TransactionStatus, FraudStatus);

    public string? ActionUrl(string name) => Actions?.FirstOrDefault(a => a.Name == name)?.Url;

    /// <summary>The number the buyer pays to: a bank's virtual account, Permata's, or Mandiri's bill key.</summary>
    public string? PayCode => VaNumbers?.FirstOrDefault()?.VaNumber ?? PermataVaNumber ?? BillKey;

    /// <summary>All that went back so far, summed from the refunds Midtrans lists.</summary>
    public Money TotalRefunded => Refunds is { Count: > 0 } list
        ? Money.Sum(list.Select(r => MidtransClient.Amount(r.RefundAmount) ?? Money.Zero))
        : MidtransClient.Amount(RefundAmount) ?? Money.Zero;
}
