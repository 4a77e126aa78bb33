using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.BackOffice;

public class MakerProfileTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_mentor_edits_a_profile_and_records_milestones_and_bad_input_gets_a_message()
    {
        int makerId, group, regency, programme;
        await using (var db = factory.OpenDb())
        {
            group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
            var maker = await db.Makers.Where(m => m.HomeGroupId == group).OrderBy(m => m.Id).FirstAsync();
            (makerId, regency) = (maker.Id, maker.RegencyId);
            programme = await db.Programmes.Where(p => p.GroupId == group).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var url = $"/admin/pembuat/{makerId}";
        var fields = new Dictionary<string, string> { ["DisplayName"] = "A", ["HomeGroupId"] = group.ToString(), ["RegencyId"] = regency.ToString(), ["ProgrammeIds"] = programme.ToString() };

        var tooShort = await mentor.SubmitAsync(url, fields, "form[action*=Profile]");
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("Nama tampilan 2 sampai 80 huruf", await tooShort.Content.ReadAsStringAsync());

        fields["DisplayName"] = "Mbak Sari Rajut";
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync(url, fields, "form[action*=Profile]")).StatusCode);

        var future = await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Kind"] = "Job", ["Date"] = "2099-01-01" }, "form[action*=Milestone]");
        Assert.Contains("tidak boleh di masa depan", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync(url,
            new Dictionary<string, string> { ["Kind"] = "OwnBusiness", ["Date"] = "2026-09-15", ["MilestoneNote"] = "Membuka lapak di pasar desa" }, "form[action*=Milestone]")).StatusCode);

        var page = await mentor.Http.GetStringAsync(url);
        Assert.Contains("Usaha mandiri", page);
        Assert.Contains("Membuka lapak di pasar desa", page);
        await using var check = factory.OpenDb();
        var saved = await check.Makers.Include(m => m.Programmes).Include(m => m.Milestones).SingleAsync(m => m.Id == makerId);
        Assert.Equal("Mbak Sari Rajut", saved.DisplayName);
        Assert.Equal([programme], saved.Programmes.Select(p => p.ProgrammeId));
        var milestone = Assert.Single(saved.Milestones);
        Assert.Equal((MilestoneKind.OwnBusiness, new DateOnly(2026, 9, 15)), (milestone.Kind, milestone.Date));
        Assert.Equal(await BackOfficeData.PersonAsync(check, "pendamping"), milestone.RecordedById);
    }
}
