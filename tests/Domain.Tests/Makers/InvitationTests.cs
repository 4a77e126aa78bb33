using PasKreatif.Makers;

namespace PasKreatif.Domain.Tests.Makers;

public class InvitationTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_invitation_is_usable_until_it_expires_or_is_accepted()
    {
        var invitation = new Invitation { CreatedAt = Now, ExpiresAt = Now + Invitation.Lifetime };
        Assert.True(invitation.IsUsable(Now));
        Assert.True(invitation.IsUsable(Now.AddDays(6.9)));
        Assert.False(invitation.IsUsable(Now.AddDays(7)));
        invitation.AcceptedAt = Now.AddHours(1);
        Assert.False(invitation.IsUsable(Now.AddHours(2)));
    }

    [Fact]
    public void Tokens_are_unguessable_and_stored_only_as_hashes()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => Invitation.NewToken()).ToHashSet();
        Assert.Equal(100, tokens.Count);
        var token = tokens.First();
        Assert.True(token.Length >= 32);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.Equal(Invitation.Hash(token), Invitation.Hash(token));
        Assert.Equal(64, Invitation.Hash(token).Length);
        Assert.DoesNotContain(token, Invitation.Hash(token));
    }
}
