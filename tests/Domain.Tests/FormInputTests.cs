using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;

namespace PasKreatif.Domain.Tests;

/// <summary>Each form's input type at its limits: at the limit, one over, empty and whitespace.</summary>
public class FormInputTests
{
    static string Codes(IReadOnlyList<InputError> errors) => string.Join(",", errors.Select(e => $"{e.Field}:{e.Code}"));

    [Fact]
    public void A_payout_needs_a_readable_amount_a_method_and_a_short_reference()
    {
        Assert.Empty(new PayoutInput("Rp25.000", PayoutMethod.Cash, new string('r', PayoutInput.ReferenceMaxLength)).Validate());
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
}
