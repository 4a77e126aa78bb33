using PasKreatif.BackOffice;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Domain.Tests;

/// <summary>Each form's input type at its limits: at the limit, one over, empty and whitespace.</summary>
public class FormInputTests
{
    static string Codes(IReadOnlyList<InputError> errors) => string.Join(",", errors.Select(e => $"{e.Field}:{e.Code}"));

    [Fact]
    public void A_payout_needs_a_readable_amount_a_method_and_a_short_reference()
    {
        Assert.Equal(Payout.ReferenceMaxLength, PayoutInput.ReferenceMaxLength); // what the form takes, the column keeps
        Assert.Empty(new PayoutInput("Rp25.000", PayoutMethod.Cash, new string('r', PayoutInput.ReferenceMaxLength)).Validate());
        Assert.Empty(new PayoutInput("Rp25.000", PayoutMethod.Cash, "   ").Validate());
        Assert.Equal("Reference:ReferenceTooLong", Codes(new PayoutInput("25000", PayoutMethod.Cash, new string('r', PayoutInput.ReferenceMaxLength + 1)).Validate()));
        Assert.Equal("Amount:Money.Empty,Method:MethodRequired", Codes(new PayoutInput("  ", null, null).Validate()));
        Assert.Equal(MoneyProblem.Fraction, new PayoutInput("25,5", PayoutMethod.Cash, "").Validate().Single().MoneyProblem);
        Assert.Equal(Money.Of(25000), new PayoutInput("25.000", PayoutMethod.BankTransfer, null).ParsedAmount);
        Assert.Equal("Method:MethodRequired", Codes(new PayoutInput("1", (PayoutMethod)9, null).Validate()));
    }

    [Fact]
    public void A_reversal_needs_a_note_within_the_ledger_limit()
    {
        Assert.Empty(new PayoutReversalInput(new string('n', PayoutReversalInput.NoteMaxLength)).Validate());
        Assert.Equal("Note:ReversalNoteRequired", Codes(new PayoutReversalInput(new string('n', PayoutReversalInput.NoteMaxLength + 1)).Validate()));
        Assert.Equal("Note:ReversalNoteRequired", Codes(new PayoutReversalInput("").Validate()));
        Assert.Equal("Note:ReversalNoteRequired", Codes(new PayoutReversalInput("   ").Validate()));
        Assert.Equal("Note:ReversalNoteRequired", Codes(new PayoutReversalInput(null).Validate()));
    }

    [Fact]
    public void A_milestone_needs_a_kind_a_date_and_a_short_note()
    {
        var day = new DateOnly(2026, 11, 3);
        Assert.Empty(new MilestoneInput(MilestoneKind.Job, day, new string('n', MilestoneInput.NoteMaxLength)).Validate());
        Assert.Empty(new MilestoneInput(MilestoneKind.Job, day, "   ").Validate());
        Assert.Equal("Note:NoteTooLong", Codes(new MilestoneInput(MilestoneKind.Job, day, new string('n', MilestoneInput.NoteMaxLength + 1)).Validate()));
        Assert.Equal("Kind:MilestoneKindRequired,Date:MilestoneDateRequired", Codes(new MilestoneInput(null, null, null).Validate()));
        Assert.Equal("Kind:UnknownMilestone", Codes(new MilestoneInput((MilestoneKind)42, day, null).Validate()));
    }

    [Fact]
    public void A_maker_name_has_two_to_eighty_characters_after_trimming()
    {
        Assert.Equal("Bu Sri", MakerName.Clean("  Bu Sri "));
        Assert.NotNull(MakerName.Clean(new string('a', MakerName.MaxLength)));
        Assert.Null(MakerName.Clean(new string('a', MakerName.MaxLength + 1)));
        Assert.Null(MakerName.Clean(""));
        Assert.Null(MakerName.Clean("  a  "));
    }

    [Fact]
    public void An_invitation_note_is_optional_and_short()
    {
        Assert.Empty(new InvitationInput(1, null).Validate());
        Assert.Empty(new InvitationInput(1, "   ").Validate());
        Assert.Empty(new InvitationInput(1, new string('n', InvitationInput.NoteMaxLength)).Validate());
        Assert.Equal("Note:InviteNoteTooLong", Codes(new InvitationInput(1, new string('n', InvitationInput.NoteMaxLength + 1)).Validate()));
    }

    [Fact]
    public void A_target_needs_rupiah_and_a_month()
    {
        var ok = new TargetInput("Rp1.500.000", "2026-12");
        Assert.Empty(ok.Validate());
        Assert.Equal(new DateOnly(2026, 12, 1), ok.Month);
        Assert.Equal(Money.Of(1_500_000), ok.ParsedAmount);
        Assert.Equal("Amount:Money.Empty,FromMonth:MonthInvalid", Codes(new TargetInput(" ", " ").Validate()));
        Assert.Equal("FromMonth:MonthInvalid", Codes(new TargetInput("1000", "2026-13").Validate()));
        Assert.Equal("Amount:Money.Negative", Codes(new TargetInput("-5", "2026-01").Validate()));
    }

    [Fact]
    public void A_transfer_reference_and_a_staff_note_keep_their_column_limits()
    {
        Assert.Empty(new TransferReferenceInput(null).Validate());
        Assert.Empty(new TransferReferenceInput(" " + new string('r', TransferReferenceInput.ReferenceMaxLength) + " ").Validate());
        Assert.Equal("Reference:ReferenceTooLong", Codes(new TransferReferenceInput(new string('r', TransferReferenceInput.ReferenceMaxLength + 1)).Validate()));
        Assert.Empty(new StaffNoteInput("").Validate());
        Assert.Empty(new StaffNoteInput(new string('n', StaffNoteInput.NoteMaxLength)).Validate());
        Assert.Equal("Note:NoteTooLong", Codes(new StaffNoteInput(new string('n', StaffNoteInput.NoteMaxLength + 1)).Validate()));
    }

    [Fact]
    public void A_sign_in_needs_a_login_and_a_password_within_the_longest_the_shop_accepts()
    {
        Assert.Empty(new SignInInput(new string('l', SignInInput.LoginMaxLength), new string('p', SignInInput.PasswordMaxLength)).Validate());
        Assert.Equal("Login:Length,Password:Length",
            Codes(new SignInInput(new string('l', SignInInput.LoginMaxLength + 1), new string('p', SignInInput.PasswordMaxLength + 1)).Validate()));
        Assert.Equal("Login:Required,Password:Required", Codes(new SignInInput("", null).Validate()));
        Assert.Equal("Login:Required,Password:Required", Codes(new SignInInput("   ", "  ").Validate()));
        Assert.Empty(new SignInInput("pembuat", "x").Validate());
    }

    [Fact]
    public void A_forgotten_password_needs_one_whole_address()
    {
        Assert.Empty(new ForgotPasswordInput(new string('a', EmailRule.MaxLength - "@contoh.id".Length) + "@contoh.id").Validate());
        Assert.Equal("Email:Email", Codes(new ForgotPasswordInput(new string('a', EmailRule.MaxLength - "@contoh.id".Length + 1) + "@contoh.id").Validate()));
        Assert.Equal("Email:Email", Codes(new ForgotPasswordInput("bukan-alamat").Validate()));
        Assert.Equal("Email:Required", Codes(new ForgotPasswordInput("").Validate()));
        Assert.Equal("Email:Required", Codes(new ForgotPasswordInput("   ").Validate()));
    }

    [Fact]
    public void A_new_password_has_eight_to_two_hundred_characters_typed_twice_alike()
    {
        string Long(int n) => new('p', n);
        Assert.Empty(new ResetPasswordInput(Long(PasswordRule.MinLength), Long(PasswordRule.MinLength)).Validate());
        Assert.Empty(new ResetPasswordInput(Long(PasswordRule.MaxLength), Long(PasswordRule.MaxLength)).Validate());
        Assert.Equal("Password:Length", Codes(new ResetPasswordInput(Long(PasswordRule.MinLength - 1), Long(PasswordRule.MinLength - 1)).Validate()));
        Assert.Equal("Password:Length", Codes(new ResetPasswordInput(Long(PasswordRule.MaxLength + 1), Long(PasswordRule.MaxLength + 1)).Validate()));
        Assert.Equal("ConfirmPassword:PasswordsDiffer", Codes(new ResetPasswordInput("rahasia-123", "rahasia-124").Validate()));
        Assert.Equal("Password:Required,ConfirmPassword:Required", Codes(new ResetPasswordInput("", null).Validate()));
        Assert.Equal("Password:Required,ConfirmPassword:Required", Codes(new ResetPasswordInput("   ", "   ").Validate()));
        Assert.Empty(new ResetPasswordInput("   sandi   ", "   sandi   ").Validate());
    }

    [Fact]
    public void Joining_by_invitation_needs_a_name_a_user_name_and_a_password_within_their_limits()
    {
        InvitationAcceptance Join(string? name = "Bu Tini", string? user = "tini", string? password = "rahasia-123", string? email = null, string? story = null) =>
            new("token", user, name, password, email, story);
        Assert.Empty(Join().Validate());
        Assert.Empty(Join(new string('n', MakerName.MaxLength), new string('u', UserNameRule.MaxLength), new string('p', PasswordRule.MaxLength),
            "tini@contoh.id", new string('s', InvitationAcceptance.MaxStory)).Validate());
        Assert.Empty(Join(new string('n', MakerName.MinLength), new string('u', UserNameRule.MinLength), new string('p', PasswordRule.MinLength), "  ").Validate());
        Assert.Equal("DisplayName:Length,UserName:Length,Password:Length,Story:StoryTooLong",
            Codes(Join(new string('n', MakerName.MaxLength + 1), new string('u', UserNameRule.MaxLength + 1), new string('p', PasswordRule.MaxLength + 1),
                story: new string('s', InvitationAcceptance.MaxStory + 1)).Validate()));
        Assert.Equal("DisplayName:Length,UserName:Length,Password:Length",
            Codes(Join(new string('n', MakerName.MinLength - 1), new string('u', UserNameRule.MinLength - 1), new string('p', PasswordRule.MinLength - 1)).Validate()));
        Assert.Equal("DisplayName:Required,UserName:Required,Password:Required", Codes(Join("", "", "").Validate()));
        Assert.Equal("DisplayName:Required,UserName:Required,Password:Required", Codes(Join("  ", "  ", "  ").Validate()));
        Assert.Equal("UserName:UserNameChars,Email:Email", Codes(Join(user: "bu tini", email: "bukan-alamat").Validate()));
    }

    [Fact]
    public void A_user_name_has_three_to_forty_plain_characters_for_staff_accounts_too()
    {
        Assert.Equal("abc", AccountRules.Clean(" abc ", "Bu Sri", null).UserName);
        Assert.Equal(new string('u', UserNameRule.MaxLength), AccountRules.Clean(new string('u', UserNameRule.MaxLength), "Bu Sri", null).UserName);
        Assert.Throws<MakerRuleException>(() => AccountRules.Clean(new string('u', UserNameRule.MaxLength + 1), "Bu Sri", null));
        Assert.Throws<MakerRuleException>(() => AccountRules.Clean("ab", "Bu Sri", null));
        Assert.Throws<MakerRuleException>(() => AccountRules.Clean("   ", "Bu Sri", null));
        Assert.Throws<MakerRuleException>(() => AccountRules.Clean("bu sri", "Bu Sri", null));
    }
}
