using PasKreatif.Makers;

namespace PasKreatif.People;

/// <summary>The plain rules of an account an administrator sets up, testable without a database.</summary>
public static class AccountRules
{
    public static (string UserName, string DisplayName, string? Email) Clean(string? userName, string? displayName, string? email)
    {
        var name = (userName ?? "").Trim();
        if (name.Length is < 3 or > 40 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new MakerRuleException("UserNameInvalid");
        var display = PersonName.Clean(displayName) ?? throw new MakerRuleException("DisplayNameLength");
        var address = string.IsNullOrWhiteSpace(email) ? null : EmailRule.Clean(email) ?? throw new MakerRuleException("EmailInvalid");
        return (name, display, address);
    }

    /// <summary>The roles to hold: at least one (a maker's own role counts); an officer needs an office and a mentor a group.</summary>
    public static IReadOnlySet<string> Roles(IEnumerable<string> roles, int offices, int groups, bool isMaker = false)
    {
        var wanted = roles.Distinct().ToHashSet();
        if (wanted.Count == 0 && !isMaker) throw new MakerRuleException("NoRole");
        if (wanted.Any(r => !PeopleDesk.Assignable.Contains(r))) throw new MakerRuleException("UnknownRole");
        if (wanted.Contains(People.Roles.Officer) && offices == 0) throw new MakerRuleException("OfficerNeedsOffice");
        if (wanted.Contains(People.Roles.Mentor) && groups == 0) throw new MakerRuleException("MentorNeedsGroup");
        return wanted;
    }
}
