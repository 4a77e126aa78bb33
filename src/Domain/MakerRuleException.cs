namespace PasKreatif;

/// <summary>A change the rules refuse; the code names the message shown.</summary>
public sealed class MakerRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
