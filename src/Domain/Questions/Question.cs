namespace PasKreatif.Questions;

/// <summary>
/// A buyer's question about a product and the maker's answer. Both texts are kept as written;
/// contact details in them are masked whenever the other side reads them.
/// </summary>
public class Question
{
    public int Id { get; init; }
    public int ListingId { get; init; }
    public int MakerId { get; init; }
    public Guid? BuyerId { get; init; }
    /// <summary>Where the answer is sent; never shown to the maker.</summary>
    public string AskerEmail { get; init; } = "";
    public string AskerName { get; init; } = "";
    public string Culture { get; init; } = "id";
    /// <summary>The asker's network address, kept only to count questions per hour.</summary>
    public string ClientAddress { get; init; } = "";
    public string Text { get; init; } = "";
    public DateTimeOffset AskedAt { get; init; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public bool AnswerIsPublic { get; private set; }

    /// <summary>The maker answers once; the answer shows on the product page only when they said so.</summary>
    public void AnswerWith(string answer, bool makePublic, DateTimeOffset at)
    {
        if (Answer is not null) throw new QuestionRuleException("AlreadyAnswered");
        Answer = answer;
        AnsweredAt = at;
        AnswerIsPublic = makePublic;
    }
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
