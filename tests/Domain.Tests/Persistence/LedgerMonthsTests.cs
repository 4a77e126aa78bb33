using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Domain.Tests.Persistence;

public class LedgerMonthsTests
{
    [Fact]
    public void The_database_knows_every_zone_at_the_offset_the_shop_shows()
    {
        // The migration writes the offsets out; a zone added or moved in the shop must be added to it too.
        Assert.Equal(Enum.GetValues<IndonesianZone>().Select(z => (z.ToString(), (int)z)), LedgerMonths.Zones);
    }
}
