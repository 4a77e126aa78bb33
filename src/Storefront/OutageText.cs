namespace PasKreatif.Storefront;

/// <summary>Marker for the texts of the page shown while the database is unreachable, in Resources/OutageText.resx and .en.resx.</summary>
public sealed class OutageText;
