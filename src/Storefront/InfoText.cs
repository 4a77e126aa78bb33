namespace PasKreatif.Storefront;

/// <summary>Marker for the shop's own pages (about, buying, delivery, returns, privacy, terms, contact) in Resources/InfoText.resx and .en.resx.</summary>
public sealed class InfoText;
