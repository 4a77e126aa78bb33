namespace PasKreatif.Admin;

/// <summary>Marker for the back office's texts in Resources/AdminText.resx (Indonesian) and AdminText.en.resx.</summary>
public sealed class AdminText;
