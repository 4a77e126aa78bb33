using System.Security.Cryptography;
using System.Text;

namespace PasKreatif.Payments.Midtrans;

/// <summary>What a Midtrans transaction status means to the shop.</summary>
public enum GatewayState { Waiting, Paid, Expired, Failed, Refunded, Unknown }

/// <summary>Midtrans' transaction statuses, read in this one place, and the signature of its notifications.</summary>
public static class MidtransStatus
{
    /// <summary>settlement, or capture that fraud detection accepted → paid; pending → waiting; expire; cancel, deny, failure → failed; (partial) refund → refunded.</summary>
    public static GatewayState Map(string? transactionStatus, string? fraudStatus) => transactionStatus switch
    {
        "settlement" => GatewayState.Paid,
        "capture" => fraudStatus is null or "accept" ? GatewayState.Paid : GatewayState.Waiting,
        "pending" or "authorize" => GatewayState.Waiting,
        "expire" => GatewayState.Expired,
        "cancel" or "deny" or "failure" => GatewayState.Failed,
        "refund" or "partial_refund" => GatewayState.Refunded,
        _ => GatewayState.Unknown,
    };

    /// <summary>SHA-512 (lower-case hex) of order_id + status_code + gross_amount + server key, exactly as the strings arrived.</summary>
    public static string Signature(string orderId, string statusCode, string grossAmount, string serverKey) =>
        Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(orderId + statusCode + grossAmount + serverKey)));

    /// <summary>Whether a notification carries the signature only Midtrans (holding our server key) can make; compared in constant time.</summary>
    public static bool IsSigned(string? orderId, string? statusCode, string? grossAmount, string? signatureKey, string serverKey)
    {
        if (string.IsNullOrEmpty(orderId) || string.IsNullOrEmpty(statusCode) || string.IsNullOrEmpty(grossAmount)
            || string.IsNullOrEmpty(signatureKey) || string.IsNullOrEmpty(serverKey)) return false;
        var expected = Encoding.ASCII.GetBytes(Signature(orderId, statusCode, grossAmount, serverKey));
        var given = Encoding.ASCII.GetBytes(signatureKey.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
