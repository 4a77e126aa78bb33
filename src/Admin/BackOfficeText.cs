namespace PasKreatif.Admin;

/// <summary>Marker for the texts of moderation, makers, revenue and independence in Resources/BackOfficeText.resx and .en.resx.</summary>
public sealed class BackOfficeText;
