namespace PasKreatif.Storefront;

/// <summary>Marker for the shop's texts in Resources/ShopText.resx (Indonesian) and ShopText.en.resx.</summary>
public sealed class ShopText;
