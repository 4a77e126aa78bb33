namespace PasKreatif.Domain.Tests.Moderation;

public class ModerationDecisionTests
{
    [Fact]
    public void Approving_needs_no_reason() => Assert.Null(ModerationDecision.Approve().Validate());

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "   ")]
    public void Rejecting_needs_a_reason(string? saved, string? note) =>
        Assert.Equal("ReasonRequired", ModerationDecision.Reject(saved, note).Validate());

    [Fact]
    public void A_saved_reason_and_a_note_are_joined()
    {
        var decision = ModerationDecision.Reject("Fotonya buram.", "  Coba di luar ruangan. ");
        Assert.Equal("Fotonya buram. Coba di luar ruangan.", decision.Reason);
        Assert.Null(decision.Validate());
    }

    [Fact]
    public void A_reason_has_at_most_a_thousand_characters()
    {
        Assert.Null(ModerationDecision.Reject(new string('a', ModerationDecision.MaxReason)).Validate());
        Assert.Equal("ReasonTooLong", ModerationDecision.Reject(new string('a', ModerationDecision.MaxReason + 1)).Validate());
        // A saved reason fits beside the longest note the form accepts.
        Assert.Null(ModerationDecision.Reject(new string('s', 99), new string('n', ModerationDecision.MaxNote)).Validate());
    }
}
