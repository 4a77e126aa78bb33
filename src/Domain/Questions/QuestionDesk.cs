using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PasKreatif.Catalog;
using PasKreatif.Mail;
using PasKreatif.Notifications;
using PasKreatif.People;
using PasKreatif.Persistence;
using PasKreatif.Reviews;

namespace PasKreatif.Questions;

/// <summary>Who asks: a signed-in buyer (email from the account) or a guest who gives one.</summary>
public sealed record Asker(Guid? BuyerId, string? GuestEmail, string? GuestName, string Culture, string ClientAddress);

/// <summary>A question as the maker reads it: the asker's first name only, contact details masked.</summary>
public sealed record MakerQuestion(int Id, int ListingId, string ListingTitle, string AskerName, string Text, bool HadContact, DateTimeOffset AskedAt,
    string? Answer, bool AnswerIsPublic);

/// <summary>A public answer under a product, both sides masked.</summary>
public sealed record PublicAnswer(int Id, string Question, string Answer, DateTimeOffset AnsweredAt);

/// <summary>Questions through the shop: asked from a product page, answered in the workspace, told by mail.</summary>
public sealed class QuestionDesk(MarketplaceDb db, TimeProvider clock, MailQueue mail, MakerNotices notices, ShopLinks links, ICatalogChanges catalog)
{

    /// <summary>Stores the question; returns whether it carried contact details (the writer is warned, the maker sees them masked).</summary>
    public async Task<bool> AskAsync(string listingSlug, Asker asker, string text, CancellationToken ct = default)
    {
        var body = QuestionRules.CheckText(text);
        var listing = await db.Listings.Where(Listing.OnSale).Where(l => l.Slug == listingSlug)
            .Select(l => new { l.Id, l.MakerId, l.Title }).SingleOrDefaultAsync(ct) ?? throw new QuestionRuleException("NoSuchProduct");
        string email, name;
        if (asker.BuyerId is { } buyerId)
        {
            var person = await db.Users.Where(u => u.Id == buyerId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(ct);
            email = person.Email ?? throw new QuestionRuleException("EmailInvalid");
            name = person.DisplayName;
        }
        else
        {
            email = QuestionRules.CheckEmail(asker.GuestEmail);
            name = (asker.GuestName ?? "").Trim();
        }
        var since = clock.GetUtcNow() - QuestionRules.Window;
        var recent = db.Set<Question>().Where(q => q.AskedAt > since);
        var byAsker = await recent.CountAsync(q => q.AskerEmail == email || (asker.BuyerId != null && q.BuyerId == asker.BuyerId), ct);
        var byAddress = await recent.CountAsync(q => q.ClientAddress == asker.ClientAddress, ct);
        QuestionRules.CheckRate(byAsker, byAddress);
        db.Set<Question>().Add(new Question
        {
            ListingId = listing.Id, MakerId = listing.MakerId, BuyerId = asker.BuyerId, AskerEmail = email, AskerName = ReviewRules.ShownName(name),
            Culture = asker.Culture, ClientAddress = asker.ClientAddress, Text = body, AskedAt = clock.GetUtcNow(),
        });
        notices.Add(listing.MakerId, NotificationKind.Question, listing.Title, ShopPaths.WorkspaceQuestions);
        await catalog.RaiseAsync(db, CatalogChange.Answers(listing.Id, shown: false), ct);
        await db.SaveChangesAsync(ct);
        return ContactDetails.Found(body);
    }

    public async Task<List<MakerQuestion>> ForMakerAsync(int makerId, CancellationToken ct = default)
    {
        var rows = await db.Set<Question>().Where(q => q.MakerId == makerId)
            .Join(db.Listings, q => q.ListingId, l => l.Id, (q, l) => new { q.Id, q.ListingId, l.Title, q.AskerName, q.Text, q.AskedAt, q.Answer, q.AnswerIsPublic })
            .OrderBy(q => q.Answer != null).ThenByDescending(q => q.AskedAt).Take(100).ToListAsync(ct);
        return rows.Select(q => new MakerQuestion(q.Id, q.ListingId, q.Title, q.AskerName, ContactDetails.Mask(q.Text), ContactDetails.Found(q.Text),
            q.AskedAt, q.Answer, q.AnswerIsPublic)).ToList();
    }

    /// <summary>The maker answers once; the asker is mailed the answer with the maker's contact details masked.</summary>
    public async Task<bool> AnswerAsync(int makerId, int questionId, string answer, bool makePublic, CancellationToken ct = default)
    {
        var body = QuestionRules.CheckText(answer);
        var question = await db.Set<Question>().SingleOrDefaultAsync(q => q.Id == questionId && q.MakerId == makerId, ct) ?? throw new ListingNotFoundException();
        question.AnswerWith(body, makePublic, clock.GetUtcNow());
        await catalog.RaiseAsync(db, CatalogChange.Answers(question.ListingId, shown: makePublic), ct);
        await db.SaveChangesAsync(ct);
        var listing = await db.Listings.Where(l => l.Id == question.ListingId).Select(l => new { l.Title, l.Slug, Maker = l.Maker!.DisplayName }).SingleAsync(ct);
        var culture = question.Culture;
        mail.Enqueue(new OutgoingMail(question.AskerEmail, TrustMail.Text("QuestionAnsweredSubject", culture, listing.Title),
            TrustMail.Text("QuestionAnsweredBody", culture, question.AskerName.Split(' ')[0], listing.Title, question.Text, ContactDetails.Mask(body),
                links.Product(listing.Slug))));
        return ContactDetails.Found(body);
    }
}
