namespace PasKreatif.Storefront;

/// <summary>Marker for the public catalogue's texts in Resources/CatalogText.resx (Indonesian) and CatalogText.en.resx.</summary>
public sealed class CatalogText;
