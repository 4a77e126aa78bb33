using PasKreatif.Catalog;
using PasKreatif.People;
using PasKreatif.Reviews;

namespace PasKreatif.Questions;

/// <summary>What a product page shows of trust: its reviews and its public answers.</summary>
public sealed class ProductTrust(ReviewQueries reviews)
{
    /// <summary>
    /// From what the product's own read brought (the rating columns and the public answers); a second command only
    /// when the product has approved reviews. Contact details in questions and answers are masked here.
    /// </summary>
    public async Task<(ReviewBoard Reviews, IReadOnlyList<PublicAnswer> Answers)> ForProductAsync(ProductDetail product, CancellationToken ct = default)
    {
        var summary = new RatingSummary(product.ReviewCount, product.ReviewStarTotal);
        var newest = summary.Count == 0 ? [] : await reviews.NewestForProductAsync(product.Id, ct);
        var answers = product.Answers.Select(q => new PublicAnswer(q.Id, ContactDetails.Mask(q.Question), ContactDetails.Mask(q.Answer), q.AnsweredAt)).ToList();
        return (new ReviewBoard(summary, newest), answers);
    }
}
