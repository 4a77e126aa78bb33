using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.People;
using PasKreatif.Persistence;
using PasKreatif.Reviews;

namespace PasKreatif.Questions;

/// <summary>What a product page shows of trust: its reviews and its public answers.</summary>
public sealed class ProductTrust(MarketplaceDb db, ReviewQueries reviews)
{
    /// <summary>
    /// A product page's reviews and public answers: one SQL command for the rating columns and the answers,
    /// a second only when the product has approved reviews.
    /// </summary>
    sealed record TrustHead(int ReviewCount, int ReviewStarTotal, List<AnswerRow> Answers);
    sealed record AnswerRow(int Id, string Text, string? Answer, DateTimeOffset? AnsweredAt);

    // Built and translated once: every product page sends it.
    static readonly Func<MarketplaceDb, int, CancellationToken, Task<TrustHead?>> Head = EF.CompileAsyncQuery(
        (MarketplaceDb db, int listingId, CancellationToken ct) => db.Set<Listing>().Where(l => l.Id == listingId).Select(l => new TrustHead(
            l.ReviewCount, l.ReviewStarTotal,
            db.Set<Question>().Where(q => q.ListingId == l.Id && q.AnswerIsPublic && q.Answer != null)
                .OrderByDescending(q => q.AnsweredAt).Take(20).Select(q => new AnswerRow(q.Id, q.Text, q.Answer, q.AnsweredAt)).ToList()))
            .SingleOrDefault());

    public async Task<(ReviewBoard Reviews, IReadOnlyList<PublicAnswer> Answers)> ForProductAsync(int listingId, CancellationToken ct = default)
    {
        var head = await Head(db, listingId, ct);
        if (head is null) return (new ReviewBoard(new RatingSummary(0, 0), []), []);
        var summary = new RatingSummary(head.ReviewCount, head.ReviewStarTotal);
        var newest = summary.Count == 0 ? [] : await reviews.NewestForProductAsync(listingId, ct);
        var answers = head.Answers.Select(q => new PublicAnswer(q.Id, ContactDetails.Mask(q.Text), ContactDetails.Mask(q.Answer!), q.AnsweredAt!.Value)).ToList();
        return (new ReviewBoard(summary, newest), answers);
    }
}
