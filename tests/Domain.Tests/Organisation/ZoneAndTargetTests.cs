using PasKreatif.Organisation;

namespace PasKreatif.Domain.Tests.Organisation;

public class ZoneAndTargetTests
{
    [Theory]
    [InlineData(IndonesianZone.WIB, "14.30")]
    [InlineData(IndonesianZone.WITA, "15.30")]
    [InlineData(IndonesianZone.WIT, "16.30")]
    public void Times_show_in_the_zone_asked_for(IndonesianZone zone, string expected)
    {
        var utc = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
        Assert.Equal(expected, utc.ToZone(zone).ToString("HH.mm"));
    }

    [Fact]
    public void A_moment_for_machines_is_UTC_to_the_second_whatever_its_offset_and_ticks()
    {
        var wita = new DateTimeOffset(2026, 2, 5, 16, 34, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        Assert.Equal("2026-02-05T08:34:00Z", wita.ForMachines()); // HTML's datetime allows at most three fractional digits
        Assert.Equal("2026-12-31T23:59:59Z", new DateTimeOffset(2027, 1, 1, 6, 59, 59, TimeSpan.FromHours(7)).ForMachines());
    }

    [Fact]
    public void Zone_names_parse_whatever_their_case()
    {
        Assert.True(IndonesianZones.TryParse("wita", out var zone));
        Assert.Equal(IndonesianZone.WITA, zone);
        Assert.False(IndonesianZones.TryParse("CET", out _));
        Assert.False(IndonesianZones.TryParse("3", out _));
    }

    [Fact]
    public void The_target_in_force_is_the_latest_set_for_that_month_or_before()
    {
        var regency = new Regency
        {
            Targets =
            [
                new MonthlyTarget { FromMonth = new DateOnly(2025, 1, 1), Amount = Money.Of(2_000_000) },
                new MonthlyTarget { FromMonth = new DateOnly(2026, 1, 1), Amount = Money.Of(2_300_000) },
            ],
        };
        Assert.Null(regency.TargetFor(new DateOnly(2024, 12, 1)));
        Assert.Equal(Money.Of(2_000_000), regency.TargetFor(new DateOnly(2025, 12, 1)));
        Assert.Equal(Money.Of(2_300_000), regency.TargetFor(new DateOnly(2026, 1, 1)));
    }
}
