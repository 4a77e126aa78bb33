namespace PasKreatif.Storefront;

/// <summary>Marker for the texts of reviews, questions, sharing and notifications in Resources/TrustText.resx (Indonesian) and TrustText.en.resx.</summary>
public sealed class TrustText;
