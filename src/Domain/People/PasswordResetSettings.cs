namespace PasKreatif.People;

public enum PasswordResetOutcome { Done, InvalidLink, PasswordRefused }

public sealed class PasswordResetSettings : ISettingGroup
{
    public const string Section = "PasswordReset";

    /// <summary>How long a mailed link works (configuration: PasswordReset:Hours).</summary>
    public double Hours { get; init; } = 2;

    public IEnumerable<string?> Problems(string section) =>
        [Hours > 0 && Hours <= 24 * 7 ? null : $"{section}:{nameof(Hours)} must be above 0 and at most 168 (a week), not {Hours}."];
}
