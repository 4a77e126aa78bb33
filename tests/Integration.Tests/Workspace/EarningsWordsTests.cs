using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;

namespace PasKreatif.Integration.Tests.Workspace;

public class EarningsWordsTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static readonly Regex Indonesian = new("^Pencairan (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 20\\d\\d$");
    static readonly Regex English = new("\\b(May|Aug|Oct|Dec|January|February|March|June|July|August|October|December) 20\\d\\d\\b");

    [Fact]
    public async Task Demo_payout_notes_name_their_month_in_Indonesian_on_the_earnings_page()
    {
        await using var db = factory.OpenDb();
        var notes = await db.Payouts.Select(p => p.Reference).ToListAsync();
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.Matches(Indonesian, n));

        var login = await db.Payouts.OrderBy(p => p.Id).Select(p => db.Set<Maker>().Where(m => m.Id == p.MakerId).Select(m => m.Person!.UserName).First()).FirstAsync();
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync(login!);
        var page = await WorkspaceSteps.TextOfAsync(maker, "/toko-saya/pendapatan");
        Assert.Matches("Pencairan (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 20", page);
        Assert.DoesNotMatch(English, page);
    }
}
