using PasKreatif.Organisation;

namespace PasKreatif.Domain.Tests.Organisation;

public class OrganisationRulesTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("2.5", true)]
    [InlineData("99.99", true)]
    [InlineData("100", false)]
    [InlineData("-0.01", false)]
    [InlineData("2.555", false)]
    public void A_group_fee_is_0_up_to_below_100_percent_with_two_decimals(string fee, bool allowed)
    {
        var value = decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture);
        if (allowed) Assert.Equal(value, OrganisationRules.FeePercent(value));
        else Assert.Equal("FeePercentRange", Assert.Throws<MakerRuleException>(() => OrganisationRules.FeePercent(value)).Code);
    }

    [Theory]
    [InlineData("  Bapas Mataram ", "Bapas Mataram")]
    [InlineData("Ab", "Ab")]
    public void Names_are_trimmed(string name, string kept) => Assert.Equal(kept, OrganisationRules.Name(name));

    [Theory]
    [InlineData("")]
    [InlineData(" A ")]
    [InlineData(null)]
    public void A_name_shorter_than_two_or_longer_than_120_letters_is_refused(string? name)
    {
        Assert.Equal("NameLength", Assert.Throws<MakerRuleException>(() => OrganisationRules.Name(name)).Code);
        Assert.Throws<MakerRuleException>(() => OrganisationRules.Name(new string('a', 121)));
    }

    [Fact]
    public void A_removal_is_refused_naming_only_what_still_uses_the_row()
    {
        var refused = Assert.Throws<StillInUseException>(() => OrganisationRules.RefuseWhileUsed(new Dictionary<string, int> { ["Listings"] = 3, ["Revisions"] = 0, ["Makers"] = 1 }));
        Assert.Equal(new Dictionary<string, int> { ["Listings"] = 3, ["Makers"] = 1 }, refused.Uses);
        OrganisationRules.RefuseWhileUsed(new Dictionary<string, int> { ["Listings"] = 0 });
    }

    [Fact]
    public void A_pickup_address_is_required_and_at_most_300_letters()
    {
        Assert.Equal("Jl. Melati 4", OrganisationRules.PickupAddress(" Jl. Melati 4 "));
        Assert.Throws<MakerRuleException>(() => OrganisationRules.PickupAddress("  "));
        Assert.Throws<MakerRuleException>(() => OrganisationRules.PickupAddress(new string('x', 301)));
    }
}
