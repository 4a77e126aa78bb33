namespace PasKreatif.Payments.Midtrans;

/// <summary>Midtrans settings (section "Midtrans"); without a server key none of its methods is offered.</summary>
public sealed class MidtransOptions
{
    public const string SandboxBase = "https://api.sandbox.midtrans.com";
    public const string ProductionBase = "https://api.midtrans.com";

    public string? ServerKey { get; set; }
    /// <summary>Kept for Midtrans' browser scripts; the shop's own pages need only the server key.</summary>
    public string? ClientKey { get; set; }
    public bool IsProduction { get; set; }
    /// <summary>Another address for Midtrans' API; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServerKey);

    public Uri BaseAddress => new((string.IsNullOrWhiteSpace(ApiBase) ? IsProduction ? ProductionBase : SandboxBase : ApiBase.TrimEnd('/')) + "/");
}
