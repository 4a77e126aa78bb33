namespace PasKreatif;

/// <summary>What people type into a text box, made safe to keep: every form's text goes through here.</summary>
public static class PlainText
{
    /// <summary>Plain text only: line endings made uniform, control characters other than line breaks dropped.</summary>
    public static string Clean(string? text) =>
        new string((text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
}
