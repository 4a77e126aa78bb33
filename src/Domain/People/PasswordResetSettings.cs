namespace PasKreatif.People;

public enum PasswordResetOutcome { Done, InvalidLink, PasswordRefused }

public sealed class PasswordResetSettings
{
    /// <summary>How long a mailed link works (configuration: PasswordReset:Hours).</summary>
    public double Hours { get; set; } = 2;
}
