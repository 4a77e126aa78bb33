using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;

namespace PasKreatif.Domain.Tests.Orders;

/// <summary>The checkout form's rules, in the one type that holds them.</summary>
public class CheckoutDetailsTests
{
    static readonly CheckoutDetails Good = new("Dewi Pembeli", "0812 3456 7890", "dewi@contoh.id", "Jl. Melati No. 5, Yogyakarta", IndonesianZone.WIB, PaymentMethod.BankTransfer);

    static IEnumerable<string> Codes(CheckoutDetails details) => details.Validate().Select(e => $"{e.Field}:{e.Code}");

    [Fact]
    public void Good_details_break_no_rule_and_are_trimmed()
    {
        Assert.Empty(Good.Validate());
        var spaced = Good with { Name = "  Dewi Pembeli ", Email = " dewi@contoh.id ", Address = "\tJl. Melati No. 5, Yogyakarta \n" };
        Assert.Empty(spaced.Validate());
        Assert.Equal(Good, spaced.Trimmed());
    }

    [Fact]
    public void Missing_fields_are_each_named_with_their_code()
    {
        var empty = new CheckoutDetails(null, null, null, null, (IndonesianZone)99, (PaymentMethod)99);
        Assert.Equal(["Name:NameRequired", "Phone:PhoneInvalid", "Email:EmailInvalid", "Address:AddressRequired", "Zone:ZoneInvalid", "Method:PaymentUnavailable"],
            Codes(empty));
    }

    [Theory]
    [InlineData("0812345")]             // 7 digits
    [InlineData("0812 3456 7890 1234")] // 16 digits
    [InlineData("+1 415 555 0100")]     // not Indonesian
    [InlineData("0812-3456-789x")]
    [InlineData("+62 812 3456 7890 - - - - - - - - -")] // within the digits, past the length
    public void A_phone_is_an_Indonesian_mobile_number_with_only_the_usual_separators(string phone) =>
        Assert.Equal(["Phone:PhoneInvalid"], Codes(Good with { Phone = phone }));

    [Theory]
    [InlineData("+62 812-3456-7890")]
    [InlineData("081234567")] // the shortest mobile number (the one rule: PhoneRule)
    public void Phones_as_people_type_them_are_taken(string phone) => Assert.Empty((Good with { Phone = phone }).Validate());

    [Fact]
    public void The_limits_are_those_the_form_shows()
    {
        Assert.Empty((Good with { Name = new string('n', CheckoutDetails.NameMaxLength), Address = new string('a', CheckoutDetails.AddressMaxLength) }).Validate());
        Assert.Equal(["Name:NameRequired"], Codes(Good with { Name = new string('n', CheckoutDetails.NameMaxLength + 1) }));
        Assert.Equal(["Name:NameRequired"], Codes(Good with { Name = "D" }));
        Assert.Equal(["Address:AddressRequired"], Codes(Good with { Address = new string('a', CheckoutDetails.AddressMaxLength + 1) }));
        Assert.Equal(["Address:AddressRequired"], Codes(Good with { Address = "Jl. Mawar" }));
        Assert.Equal(["Email:EmailInvalid"], Codes(Good with { Email = "dewi@contoh" }));
        Assert.Equal((120, 32, 254, 1000), (CheckoutDetails.NameMaxLength, CheckoutDetails.PhoneMaxLength, CheckoutDetails.EmailMaxLength, CheckoutDetails.AddressMaxLength));
    }
}
