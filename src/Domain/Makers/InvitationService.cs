using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Makers;

public sealed record NewInvitation(int Id, string Token, DateTimeOffset ExpiresAt);

/// <summary>The maker's answers, the one home of the joining form's rules; the optional story waits for a mentor's approval before it shows.</summary>
public sealed record InvitationAcceptance(string Token, string? UserName, string? DisplayName, string? Password, string? Email, string? Story = null)
{
    public const int MaxStory = 2000;

    /// <summary>Every rule the answers break, one error per field; none when the account may be tried against the taken names.</summary>
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(DisplayName)) errors.Add(new(nameof(DisplayName), AccountInputCodes.Required));
        else if (MakerName.Clean(DisplayName) is null) errors.Add(new(nameof(DisplayName), AccountInputCodes.Length));
        var userName = (UserName ?? "").Trim();
        if (userName.Length == 0) errors.Add(new(nameof(UserName), AccountInputCodes.Required));
        else if (!UserNameRule.HasValidLength(userName)) errors.Add(new(nameof(UserName), AccountInputCodes.Length));
        else if (!UserNameRule.HasValidCharacters(userName)) errors.Add(new(nameof(UserName), AccountInputCodes.UserNameChars));
        if (!string.IsNullOrWhiteSpace(Email) && EmailRule.Clean(Email) is null) errors.Add(new(nameof(Email), AccountInputCodes.Email));
        AccountInputCodes.Password(errors, nameof(Password), Password);
        if (PlainText.Clean(Story).Length > MaxStory) errors.Add(new(nameof(Story), "StoryTooLong"));
        return errors;
    }
}

public enum InvitationProblem { None, Unknown, Expired, AlreadyUsed, UserNameTaken, EmailTaken, InvalidPassword, InvalidInput }

public sealed record AcceptResult(InvitationProblem Problem, Maker? Maker = null, IReadOnlyList<string>? Details = null)
{
    public bool Succeeded => Problem == InvitationProblem.None;
}

/// <summary>Makers join only through a mentor's one-time, expiring invitation.</summary>
public sealed class InvitationService(MarketplaceDb db, UserManager<Person> users, TimeProvider clock)
{
    public async Task<NewInvitation> CreateAsync(StaffScope scope, int groupId, string? note, CancellationToken ct = default)
    {
        if (new InvitationInput(groupId, note).Validate() is [var broken, ..]) throw new MakerRuleException(broken.Code);
        var group = await scope.Groups(db).SingleOrDefaultAsync(g => g.Id == groupId, ct)
            ?? throw new OutOfScopeException();
        var token = Invitation.NewToken();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            TokenHash = Invitation.Hash(token), GroupId = group.Id, RegencyId = group.RegencyId,
            CreatedById = scope.PersonId, CreatedAt = now, ExpiresAt = now + Invitation.Lifetime,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new NewInvitation(invitation.Id, token, invitation.ExpiresAt);
    }

    /// <summary>What the invitation page shows before the maker fills in the form.</summary>
    public async Task<(InvitationProblem Problem, string? GroupName)> CheckAsync(string token, CancellationToken ct = default)
    {
        var hash = Invitation.Hash(token);
        var found = await db.Invitations.Where(i => i.TokenHash == hash)
            .Select(i => new { Invitation = i, GroupName = db.Set<Group>().Where(g => g.Id == i.GroupId).Select(g => g.Name).Single() })
            .SingleOrDefaultAsync(ct);
        if (found is null) return (InvitationProblem.Unknown, null);
        return (Problem(found.Invitation), found.GroupName);
    }

    public async Task<AcceptResult> AcceptAsync(InvitationAcceptance input, CancellationToken ct = default)
    {
        if (input.Validate().Count > 0) return new(InvitationProblem.InvalidInput);
        var userName = input.UserName!.Trim();
        var displayName = MakerName.Clean(input.DisplayName)!;
        var story = PlainText.Clean(input.Story);

        var hash = Invitation.Hash(input.Token);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock makes two simultaneous acceptances of one link queue; the second sees it used.
        var invitation = await db.Invitations.FromSql($"""SELECT * FROM "Invitations" WHERE "TokenHash" = {hash} FOR UPDATE""").SingleOrDefaultAsync(ct);
        if (invitation is null) return new(InvitationProblem.Unknown);
        if (Problem(invitation) is not InvitationProblem.None and var problem) return new(problem);

        var email = EmailRule.Clean(input.Email);
        if (await users.FindByNameAsync(userName) is not null) return new(InvitationProblem.UserNameTaken);
        if (email is not null && await users.FindByEmailAsync(email) is not null) return new(InvitationProblem.EmailTaken);

        var now = clock.GetUtcNow();
        var person = new Person(displayName) { UserName = userName, Email = email, CreatedAt = now, LockoutEnabled = true };
        var created = await users.CreateAsync(person, input.Password!);
        if (!created.Succeeded)
        {
            var details = created.Errors.Select(e => e.Code).ToList();
            return new(details.Any(c => c.StartsWith("Password", StringComparison.Ordinal)) ? InvitationProblem.InvalidPassword : InvitationProblem.InvalidInput, Details: details);
        }
        await users.AddToRoleAsync(person, Roles.Maker);

        var maker = new Maker
        {
            PersonId = person.Id, DisplayName = displayName, HomeGroupId = invitation.GroupId,
            RegencyId = invitation.RegencyId, JoinedAt = now, Slug = Guid.NewGuid().ToString("N"),
            Story = story.Length == 0 ? new MakerStory() : MakerStory.Submitted(null, story, now),
        };
        var programmes = await db.Programmes.Where(p => p.GroupId == invitation.GroupId).Select(p => p.Id).ToListAsync(ct);
        maker.Programmes.AddRange(programmes.Select(id => new MakerProgramme { ProgrammeId = id }));
        db.Makers.Add(maker);
        await db.SaveChangesAsync(ct);
        maker.Slug = $"{Slugs.From(displayName)}-{maker.Id}";
        invitation.AcceptedAt = now;
        invitation.MakerId = maker.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(InvitationProblem.None, maker);
    }

    InvitationProblem Problem(Invitation invitation) =>
        invitation.AcceptedAt is not null ? InvitationProblem.AlreadyUsed
        : clock.GetUtcNow() >= invitation.ExpiresAt ? InvitationProblem.Expired
        : InvitationProblem.None;
}
