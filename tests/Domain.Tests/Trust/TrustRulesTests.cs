using PasKreatif.Questions;
using PasKreatif.Reviews;
using PasKreatif.Sharing;

namespace PasKreatif.Domain.Tests.Trust;

public class TrustRulesTests
{
    [Theory]
    [InlineData("Sari Wulandari", "Sari W.")]
    [InlineData("  budi   santoso  putra ", "budi P.")]
    [InlineData("Wayan", "Wayan")]
    [InlineData("", "Pembeli")]
    [InlineData(null, "Pembeli")]
    public void A_buyer_shows_by_first_name_and_initial_only(string? full, string shown) => Assert.Equal(shown, ReviewRules.ShownName(full));

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 5, 5.0)]
    [InlineData(2, 7, 3.5)]
    [InlineData(3, 13, 4.3)]
    [InlineData(3, 11, 3.7)]
    public void The_average_has_one_decimal(int count, int total, double? average) =>
        Assert.Equal(average is null ? null : (decimal)average, ReviewRules.Average(count, total));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Stars_are_one_to_five(int stars) => Assert.Equal("Stars", Assert.Throws<ReviewRuleException>(() => ReviewRules.Check(stars, null)).Code);

    [Fact]
    public void A_review_text_has_a_limit() =>
        Assert.Equal("TextTooLong", Assert.Throws<ReviewRuleException>(() => ReviewRules.Check(4, new string('a', ReviewRules.MaxText + 1))).Code);

    [Theory]
    [InlineData(4, 0, false)]
    [InlineData(5, 0, true)]
    [InlineData(0, 9, false)]
    [InlineData(0, 10, true)]
    public void Questions_are_limited_per_asker_and_per_address_in_an_hour(int byAsker, int byAddress, bool refused)
    {
        var error = Record.Exception(() => QuestionRules.CheckRate(byAsker, byAddress));
        Assert.Equal(refused, error is QuestionRuleException { Code: "TooMany" });
    }

    [Theory]
    [InlineData("bukan-email")]
    [InlineData("a@b")]
    [InlineData("")]
    [InlineData("Nama <x@y.id>")]
    public void A_guest_needs_a_real_email(string email) =>
        Assert.Equal("EmailInvalid", Assert.Throws<QuestionRuleException>(() => QuestionRules.CheckEmail(email)).Code);

    [Fact]
    public void Question_text_is_trimmed_and_required()
    {
        Assert.Equal("Ada?", QuestionRules.CheckText("  Ada?  "));
        Assert.Equal("TextRequired", Assert.Throws<QuestionRuleException>(() => QuestionRules.CheckText("   ")).Code);
    }

    [Fact]
    public void A_share_link_carries_title_and_canonical_address_encoded()
    {
        var link = ShareLinks.WhatsApp("Kue Lapis & Bolu", "https://pas-kreatif.id/produk/kue-lapis?x=1");
        Assert.Equal("https://wa.me/?text=Kue%20Lapis%20%26%20Bolu%20https%3A%2F%2Fpas-kreatif.id%2Fproduk%2Fkue-lapis%3Fx%3D1", link);
    }

    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("62 812.3456.789", "628123456789")]
    [InlineData("812 3456 7890", "6281234567890")]
    [InlineData("12345", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_makers_phone_becomes_the_international_form_WhatsApp_wants(string? phone, string? expected)
    {
        Assert.Equal(expected, ShareLinks.InternationalPhone(phone));
        var link = ShareLinks.WhatsAppTo(phone, "Halo Bu");
        Assert.Equal(expected is null ? null : $"https://wa.me/{expected}?text=Halo%20Bu", link);
    }
}
