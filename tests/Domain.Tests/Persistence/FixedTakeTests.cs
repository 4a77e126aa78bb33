using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Domain.Tests.Persistence;

public class FixedTakeTests
{
    [Fact]
    public void A_fixed_count_goes_into_the_sql_as_a_literal_where_a_plain_take_is_a_parameter()
    {
        // Translating needs no server: the SQL text is all this checks.
        using var db = new MarketplaceDb(new DbContextOptionsBuilder<MarketplaceDb>().UseNpgsql("Host=unused").Options);
        var listings = db.Listings.OrderBy(l => l.Id);
        Assert.Contains("LIMIT 7", listings.TakeFixed(7).ToQueryString());
        Assert.DoesNotContain("LIMIT 7", listings.Take(7).ToQueryString());
        Assert.Contains("LIMIT 3", listings.TakeFixed(3).Concat(listings.TakeFixed(4)).ToQueryString());
    }
}
