using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Domain.Tests.People;

public class AccountRulesTests
{
    [Fact]
    public void An_account_is_trimmed_and_email_is_optional()
    {
        Assert.Equal(("sari.w", "Ibu Sari", (string?)null), AccountRules.Clean(" sari.w ", " Ibu Sari ", "  "));
        Assert.Equal("sari@contoh.test", AccountRules.Clean("sari.w", "Ibu Sari", "sari@contoh.test").Email);
    }

    [Theory]
    [InlineData("ab", "Ibu Sari", null, "UserNameInvalid")]
    [InlineData("sari w", "Ibu Sari", null, "UserNameInvalid")]
    [InlineData("sari.w", "S", null, "DisplayNameLength")]
    [InlineData("sari.w", "Ibu Sari", "bukan-email", "EmailInvalid")]
    [InlineData("sari.w", "Ibu Sari", "Sari <sari@contoh.test>", "EmailInvalid")]
    public void Bad_input_is_refused_with_its_reason(string userName, string displayName, string? email, string code) =>
        Assert.Equal(code, Assert.Throws<MakerRuleException>(() => AccountRules.Clean(userName, displayName, email)).Code);

    [Fact]
    public void Officers_need_an_office_mentors_a_group_and_everyone_a_role()
    {
        Assert.Equal("OfficerNeedsOffice", Assert.Throws<MakerRuleException>(() => AccountRules.Roles([Roles.Officer], 0, 1)).Code);
        Assert.Equal("MentorNeedsGroup", Assert.Throws<MakerRuleException>(() => AccountRules.Roles([Roles.Mentor], 1, 0)).Code);
        Assert.Equal("NoRole", Assert.Throws<MakerRuleException>(() => AccountRules.Roles([], 0, 0)).Code);
        Assert.Equal("UnknownRole", Assert.Throws<MakerRuleException>(() => AccountRules.Roles([Roles.Maker], 0, 0)).Code);
        Assert.Empty(AccountRules.Roles([], 0, 0, isMaker: true)); // a maker keeps their own role
        Assert.Equal(new HashSet<string> { Roles.Mentor, Roles.Buyer }, AccountRules.Roles([Roles.Mentor, Roles.Buyer, Roles.Mentor], 0, 2));
    }
}
