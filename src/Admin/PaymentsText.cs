namespace PasKreatif.Admin;

/// <summary>Marker for the offline-payment desk's texts in Resources/PaymentsText.resx and PaymentsText.en.resx.</summary>
public sealed class PaymentsText;
