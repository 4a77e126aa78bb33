namespace PasKreatif.Questions;

/// <summary>
/// A buyer's question about a product and the maker's answer. Both texts are kept as written;
/// contact details in them are masked whenever the other side reads them.
/// </summary>
public class Question
{
    public int Id { get; set; }
    public int ListingId { get; set; }
    public int MakerId { get; set; }
    public Guid? BuyerId { get; set; }
    /// <summary>Where the answer is sent; never shown to the maker.</summary>
    public string AskerEmail { get; set; } = "";
    public string AskerName { get; set; } = "";
    public string Culture { get; set; } = "id";
    /// <summary>The asker's network address, kept only to count questions per hour.</summary>
    public string ClientAddress { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool AnswerIsPublic { get; set; }
}

/// <summary>A question step refused by a rule; <see cref="Code"/> names a text key.</summary>
public sealed class QuestionRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>Limits and checks of questions, counted from the database so every instance agrees.</summary>
public static class QuestionRules
{
    public const int MaxText = 1000;
    public const int PerHourPerAsker = 5;
    public const int PerHourPerAddress = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static string CheckText(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) throw new QuestionRuleException("TextRequired");
        if (trimmed.Length > MaxText) throw new QuestionRuleException("TextTooLong");
        return trimmed;
    }

    /// <summary>Refuses a question when the asker (account or email) or their address asked too often in the last hour.</summary>
    public static void CheckRate(int recentByAsker, int recentByAddress)
    {
        if (recentByAsker >= PerHourPerAsker || recentByAddress >= PerHourPerAddress) throw new QuestionRuleException("TooMany");
    }

    public static string CheckEmail(string? email)
    {
        return People.EmailRule.Clean(email) ?? throw new QuestionRuleException("EmailInvalid");
    }
}
