namespace PasKreatif.Storefront;

/// <summary>Marker for the makers' workspace texts in Resources/WorkspaceText.resx (Indonesian) and WorkspaceText.en.resx.</summary>
public sealed class WorkspaceText;
