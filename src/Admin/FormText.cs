namespace PasKreatif.Admin;

/// <summary>Marker for the texts every form shares (the error summary), in Resources/FormText.resx and FormText.en.resx.</summary>
public sealed class FormText;
