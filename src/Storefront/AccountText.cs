namespace PasKreatif.Storefront;

/// <summary>Marker for the set-password page's texts in Resources/AccountText.resx and .en.resx.</summary>
public sealed class AccountText;
