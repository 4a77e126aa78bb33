namespace PasKreatif.Storefront;

/// <summary>Marker for buyers' account pages (sign-up, confirmation, profile, addresses, deletion) in Resources/BuyerText.resx and .en.resx.</summary>
public sealed class BuyerText;
