using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.BackOffice;

public class AdministrationTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task An_administrator_adds_a_group_and_programme_and_makes_someone_its_mentor_who_then_sees_it()
    {
        using var admin = ShopClient.For(factory);
        await admin.SignInAsync("admin");
        int regency;
        await using (var db = factory.OpenDb()) regency = await db.Regencies.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();

        var noAddress = await admin.SubmitAsync("/admin/kelola", new Dictionary<string, string> { ["ParentId"] = regency.ToString(), ["Name"] = "Pokmas Tunas Harapan", ["Kind"] = "Community" }, "form[action*=Group]");
        Assert.Equal(HttpStatusCode.OK, noAddress.StatusCode);
        Assert.Contains("Isi alamat pengambilan", await noAddress.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/kelola",
            new Dictionary<string, string> { ["ParentId"] = regency.ToString(), ["Name"] = "Pokmas Tunas Harapan", ["Kind"] = "Community", ["PickupAddress"] = "Jl. Melati 4" }, "form[action*=Group]")).StatusCode);
        int group;
        await using (var db = factory.OpenDb()) group = await db.Groups.Where(g => g.Name == "Pokmas Tunas Harapan").Select(g => g.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/kelola",
            new Dictionary<string, string> { ["ParentId"] = group.ToString(), ["Name"] = "Batik Tulis" }, "form[action*=Programme]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/kelola",
            new Dictionary<string, string> { ["UserName"] = "pembeli2", ["Role"] = "Mentor", ["ParentId"] = group.ToString() }, "form[action*=Staff]")).StatusCode);
        var unknown = await admin.SubmitAsync("/admin/kelola", new Dictionary<string, string> { ["UserName"] = "tidak-ada", ["Role"] = "Mentor", ["ParentId"] = group.ToString() }, "form[action*=Staff]");
        Assert.Contains("Tidak ada akun dengan nama pengguna itu", await unknown.Content.ReadAsStringAsync());

        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pembeli2");
        var overview = await mentor.Http.GetStringAsync("/admin");
        Assert.Contains("Pokmas Tunas Harapan", overview);
        Assert.Contains("/admin/kemandirian/kelompok/" + group, await mentor.Http.GetStringAsync("/admin/kemandirian"));
        await using var check = factory.OpenDb();
        Assert.True(await check.Programmes.AnyAsync(p => p.GroupId == group && p.Name == "Batik Tulis"));
    }
}
