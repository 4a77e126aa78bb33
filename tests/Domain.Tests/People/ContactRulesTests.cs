using PasKreatif.People;

namespace PasKreatif.Domain.Tests.People;

/// <summary>One name, one email and one phone rule for checkout, sign-up, the profile, staff accounts, invitations and questions.</summary>
public class ContactRulesTests
{
    [Theory]
    [InlineData("  Ibu Sari ", "Ibu Sari")]
    [InlineData("Al", "Al")]
    [InlineData("S", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_name_is_trimmed_and_has_two_to_120_characters(string? name, string? cleaned) =>
        Assert.Equal(cleaned, PersonName.Clean(name));

    [Fact]
    public void The_name_limit_is_120_characters()
    {
        Assert.Equal(120, PersonName.MaxLength);
        Assert.NotNull(PersonName.Clean(new string('a', 120)));
        Assert.Null(PersonName.Clean(new string('a', 121)));
    }

    [Theory]
    [InlineData(" dewi@contoh.id ", "dewi@contoh.id")]
    [InlineData("dewi.putri+toko@contoh.co.id", "dewi.putri+toko@contoh.co.id")]
    [InlineData("bukan-email", null)]
    [InlineData("a@b", null)]
    [InlineData("Dewi <dewi@contoh.id>", null)]
    [InlineData("dewi putri@contoh.id", null)]
    [InlineData("déwi@contoh.id", null)]
    [InlineData("", null)]
    public void An_email_is_one_whole_address_of_a_domain_with_a_dot(string email, string? cleaned) =>
        Assert.Equal(cleaned, EmailRule.Clean(email));

    [Fact]
    public void The_email_limit_is_254_characters()
    {
        var local = new string('a', 60);
        var fits = $"{local}@{new string('b', 254 - local.Length - 1 - 3)}.id";
        Assert.Equal(254, fits.Length);
        Assert.Equal(fits, EmailRule.Clean(fits));
        Assert.Null(EmailRule.Clean("x" + fits));
    }

    [Fact]
    public void Staff_accounts_sign_up_and_questions_use_the_same_rules()
    {
        Assert.Equal("DisplayNameLength", Assert.Throws<PasKreatif.MakerRuleException>(() => AccountRules.Clean("sari.w", "S", null)).Code);
        Assert.Equal("EmailInvalid", Assert.Throws<PasKreatif.MakerRuleException>(() => AccountRules.Clean("sari.w", "Ibu Sari", "a@b")).Code);
        Assert.Equal("EmailInvalid", Assert.Throws<PasKreatif.Questions.QuestionRuleException>(() => PasKreatif.Questions.QuestionRules.CheckEmail("déwi@contoh.id")).Code);
        Assert.Equal("dewi@contoh.id", PasKreatif.Questions.QuestionRules.CheckEmail(" dewi@contoh.id "));
    }

    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData(" +62 (812) 3456 7890 ", "6281234567890")]
    [InlineData("62 812.3456.789", "628123456789")]
    [InlineData("812 3456 7890", "6281234567890")]
    [InlineData("081234567", "6281234567")]         // the shortest: 8 digits after the 0
    [InlineData("0812 3456 7890 12", null)]         // 13 after the 0
    [InlineData("0274 512345", null)]               // a landline: no WhatsApp, no SMS
    [InlineData("+1 415 555 0100", null)]
    [InlineData("0812-3456-789x", null)]
    [InlineData("0812\0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_phone_is_an_Indonesian_mobile_number_in_its_international_form(string? phone, string? international)
    {
        Assert.Equal(international, PhoneRule.International(phone));
        Assert.Equal(international is not null, PhoneRule.IsValid(phone));
    }

    [Fact]
    public void The_phone_limit_counts_the_separators_people_type()
    {
        Assert.Equal(32, PhoneRule.MaxLength);
        Assert.False(PhoneRule.IsValid("+62 812 3456 7890 - - - - - - - -"));
    }
}
