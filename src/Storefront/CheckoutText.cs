namespace PasKreatif.Storefront;

/// <summary>Marker for the cart, checkout and order pages' texts in Resources/CheckoutText.resx and CheckoutText.en.resx.</summary>
public sealed class CheckoutText;
