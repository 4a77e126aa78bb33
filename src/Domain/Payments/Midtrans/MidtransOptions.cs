namespace PasKreatif.Payments.Midtrans;

/// <summary>Midtrans settings (section "Midtrans"); without a server key none of its methods is offered.</summary>
public sealed class MidtransOptions : ISettingGroup
{
    public const string Section = "Midtrans";

    public const string SandboxBase = "https://api.sandbox.midtrans.com";
    public const string ProductionBase = "https://api.midtrans.com";

    public string? ServerKey { get; set; }
    /// <summary>Kept for Midtrans' browser scripts; the shop's own pages need only the server key.</summary>
    public string? ClientKey { get; set; }
    public bool IsProduction { get; set; }
    /// <summary>Another address for Midtrans' API; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }

    /// <summary>The demo's payment simulator stands in for Midtrans (run.sh turns it on); never beside real keys.</summary>
    public bool Simulator { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServerKey);

    /// <summary>
    /// With the simulator on, the shop talks to a Midtrans of its own under a server key of its own;
    /// refused when real keys are set too, so a real shop never takes simulated payments for real ones.
    /// </summary>
    public MidtransSimulator? StartSimulator()
    {
        if (!Simulator) return null;
        if (!string.IsNullOrWhiteSpace(ServerKey) || !string.IsNullOrWhiteSpace(ClientKey) || IsProduction)
            throw new InvalidOperationException("Midtrans:Simulator is on while real Midtrans keys are set (Midtrans:ServerKey, Midtrans:ClientKey or Midtrans:IsProduction). "
                + "The payment simulator is for the demo only: turn Midtrans:Simulator off, or remove the keys.");
        return new MidtransSimulator(MidtransSimulator.NewServerKey());
    }

    /// <summary>Points these options at the simulator: its own server key, and an address nothing answers until the host names its own.</summary>
    public void UseSimulator(MidtransSimulator simulator)
    {
        ServerKey = simulator.ServerKey;
        ApiBase = "http://simulasi.invalid/";
    }

    public IEnumerable<string?> Problems(string section) => [Settings.WebAddress($"{section}:{nameof(ApiBase)}", ApiBase)];

    public Uri BaseAddress => new((string.IsNullOrWhiteSpace(ApiBase) ? IsProduction ? ProductionBase : SandboxBase : ApiBase.TrimEnd('/')) + "/");
}
