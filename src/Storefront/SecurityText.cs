namespace PasKreatif.Storefront;

/// <summary>Marker for the texts of password reset and rate limits in Resources/SecurityText.resx (Indonesian) and SecurityText.en.resx.</summary>
public sealed class SecurityText;
