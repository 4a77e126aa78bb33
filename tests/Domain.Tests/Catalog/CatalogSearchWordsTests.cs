using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class CatalogSearchWordsTests
{
    [Theory]
    [InlineData("Tas daur-ulang!", "tas daur ulang")]
    [InlineData("  kue & | ! ( ) :* ' ", "kue")]
    [InlineData("'); drop table x; --", "drop table x")]
    [InlineData("kue kue KUE", "kue")]
    [InlineData("", "")]
    public void Only_letters_and_digits_reach_the_text_search_query(string input, string expected) =>
        Assert.Equal(expected, string.Join(' ', CatalogSearch.Words(input)));

    [Fact]
    public void At_most_eight_words_are_searched() =>
        Assert.Equal(8, CatalogSearch.Words(string.Join(' ', Enumerable.Range(1, 20).Select(i => "kata" + i))).Count);

    [Fact]
    public void A_headline_splits_into_matched_and_plain_parts()
    {
        var parts = CatalogSearch.Parts("\uE000Tas\uE001 Belanja \uE000Daur\uE001 \uE000Ulang\uE001");
        Assert.Equal([new("Tas", true), new(" Belanja ", false), new("Daur", true), new(" ", false), new("Ulang", true)], parts);
        Assert.Equal([new TextPart("<b>Plain</b>", false)], CatalogSearch.Parts("<b>Plain</b>"));
    }
}

public class CatalogCursorTests
{
    [Fact]
    public void A_cursor_survives_its_round_trip()
    {
        var cursor = new CatalogCursor(638_000_000_000_000_000, 42);
        Assert.Equal(cursor, CatalogCursor.Parse(cursor.ToString()));
        Assert.Equal(new CatalogCursor(-5, 1), CatalogCursor.Parse("-5.1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bukan-kursor")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("5.-1")]
    [InlineData("99999999999999999999.1")]
    public void A_tampered_cursor_means_the_first_page(string? text) => Assert.Null(CatalogCursor.Parse(text));

    [Fact]
    public void The_key_follows_the_sort()
    {
        var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var card = new ListingCardKey(7, 25_000m, 12, at);
        Assert.Equal(at.UtcTicks, CatalogCursor.KeyOf(CatalogSort.Newest, card));
        Assert.Equal(25_000, CatalogCursor.KeyOf(CatalogSort.PriceLow, card));
        Assert.Equal(25_000, CatalogCursor.KeyOf(CatalogSort.PriceHigh, card));
        Assert.Equal(12, CatalogCursor.KeyOf(CatalogSort.Popular, card));
    }
}

public class ShopConnectionTests
{
    [Fact]
    public void Repeated_statements_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(PasKreatif.Persistence.ShopConnection.Tuned("Host=db;Username=shop"));
        Assert.Equal(PasKreatif.Persistence.ShopConnection.PreparedStatements, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        var chosen = new Npgsql.NpgsqlConnectionStringBuilder(PasKreatif.Persistence.ShopConnection.Tuned("Host=db;Max Auto Prepare=0"));
        Assert.Equal(0, chosen.MaxAutoPrepare);
    }

    [Fact]
    public void Pooled_connections_are_not_reset_unless_the_connection_string_says_otherwise()
    {
        Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(PasKreatif.Persistence.ShopConnection.Tuned("Host=db")).NoResetOnClose);
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(PasKreatif.Persistence.ShopConnection.Tuned("Host=db;No Reset On Close=false")).NoResetOnClose);
    }

    [Fact]
    public void Hangfire_connections_are_tuned_alike_but_pooled_apart()
    {
        var shop = PasKreatif.Persistence.ShopConnection.Tuned("Host=db;Username=shop");
        var jobs = new Npgsql.NpgsqlConnectionStringBuilder(PasKreatif.Persistence.ShopConnection.ForJobs("Host=db;Username=shop"));
        Assert.True(jobs.NoResetOnClose);
        Assert.Equal(PasKreatif.Persistence.ShopConnection.PreparedStatements, jobs.MaxAutoPrepare);
        Assert.NotEqual(shop, jobs.ToString()); // Npgsql pools by connection string
        Assert.Equal("pk-jobs", jobs.ApplicationName);
        Assert.Equal("shop-eu jobs", new Npgsql.NpgsqlConnectionStringBuilder(
            PasKreatif.Persistence.ShopConnection.ForJobs("Host=db;Application Name=shop-eu")).ApplicationName);
    }
}
