namespace PasKreatif.Admin;

/// <summary>Marker for the texts of review moderation and mentors' WhatsApp messages in Resources/ReviewModerationText.resx and .en.resx.</summary>
public sealed class ReviewModerationText;
