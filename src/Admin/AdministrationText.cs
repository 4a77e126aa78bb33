namespace PasKreatif.Admin;

/// <summary>Marker for the texts of editing and removing the platform's structure and of managing people, in Resources/AdministrationText.resx and .en.resx.</summary>
public sealed class AdministrationText;
