using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.BackOffice;

/// <summary>Administrators edit and remove the structure; nothing in use is ever removed, and public links survive renames.</summary>
public class AdministrationChangesTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    async Task<ShopClient> AdminAsync()
    {
        var admin = ShopClient.For(factory);
        await admin.SignInAsync("admin");
        return admin;
    }

    [Fact]
    public async Task Renaming_a_category_keeps_its_public_address_and_removing_it_is_refused_while_listings_use_it()
    {
        using var admin = await AdminAsync();
        Category category;
        int listings;
        await using (var db = factory.OpenDb())
        {
            category = await db.Categories.AsNoTracking().Where(c => db.Set<Listing>().Any(l => l.CategoryId == c.Id && l.Status == ListingStatus.Approved)).OrderBy(c => c.Id).FirstAsync();
            listings = await db.Listings.CountAsync(l => l.CategoryId == category.Id);
        }
        var url = $"/admin/kelola/kategori/{category.Id}";
        var saved = await admin.SubmitAsync(url, Fields(("NameId", "Kue dan Jajanan Pasar"), ("NameEn", "Cakes and market snacks"), ("Position", "7"), ("OneOfAKind", "true")), "form[action*=Save]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var shop = await factory.CreateClient().GetAsync($"/kategori/{category.Slug}");
        Assert.Equal(HttpStatusCode.OK, shop.StatusCode);
        Assert.Contains("Kue dan Jajanan Pasar", await shop.Content.ReadAsStringAsync());

        var refused = await admin.SubmitAsync(url, Fields(), "form[action*=Remove]");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"masih dipakai oleh: {listings} produk", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        await using var check = factory.OpenDb();
        var after = await check.Categories.SingleAsync(c => c.Id == category.Id);
        Assert.Equal(("Kue dan Jajanan Pasar", "Cakes and market snacks", 7, category.Slug, true, false), (after.NameId, after.NameEn, after.Position, after.Slug, after.OneOfAKind, after.Perishable));
        Assert.Equal(listings, await check.Listings.CountAsync(l => l.CategoryId == category.Id));
    }

    [Fact]
    public async Task An_unused_category_is_removed_and_a_bad_name_is_refused_with_a_message()
    {
        using var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/kelola", Fields(("Name", "Anyaman Pandan"), ("NameEn", "Pandan weaving")), "form[action*=Category]")).StatusCode);
        int id;
        await using (var db = factory.OpenDb()) id = await db.Categories.Where(c => c.NameId == "Anyaman Pandan").Select(c => c.Id).SingleAsync();

        var bad = await admin.SubmitAsync($"/admin/kelola/kategori/{id}", Fields(("NameId", "A"), ("NameEn", "Pandan weaving"), ("Position", "3")), "form[action*=Save]");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Nama 2 sampai 120 huruf", page);
        Assert.Contains("value=\"Pandan weaving\"", page); // what was typed stays in the form

        var removed = await admin.SubmitAsync($"/admin/kelola/kategori/{id}", Fields(), "form[action*=Remove]");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using var check = factory.OpenDb();
        Assert.False(await check.Categories.AnyAsync(c => c.Id == id));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/kelola/kategori/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_group_is_edited_field_by_field_and_removal_names_its_makers_programmes_and_mentors()
    {
        using var admin = await AdminAsync();
        Group group;
        int makers, programmes;
        await using (var db = factory.OpenDb())
        {
            group = await db.Groups.AsNoTracking().OrderBy(g => g.Id).FirstAsync();
            makers = await db.Makers.CountAsync(m => m.HomeGroupId == group.Id);
            programmes = await db.Programmes.CountAsync(p => p.GroupId == group.Id);
        }
        var url = $"/admin/kelola/kelompok/{group.Id}";
        foreach (var fee in new[] { "100", "abc", "-1", "2.555" })
        {
            var refused = await admin.SubmitAsync(url, Fields(("FeePercent", fee)), "form[action*=Save]");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Bagian kelompok 0 sampai di bawah 100%", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url,
            Fields(("Name", "Pokmas Baru Namanya"), ("Kind", "Faith"), ("PickupAddress", "Jl. Kenanga 12"), ("FeePercent", "2,5")), "form[action*=Save]")).StatusCode);

        var inUse = await admin.SubmitAsync(url, Fields(), "form[action*=Remove]");
        var message = WebUtility.HtmlDecode(await inUse.Content.ReadAsStringAsync());
        Assert.Contains($"{makers} pembuat", message);
        Assert.Contains($"{programmes} program", message);
        Assert.Contains("pendamping", message);

        await using var check = factory.OpenDb();
        var after = await check.Groups.SingleAsync(g => g.Id == group.Id);
        Assert.Equal(("Pokmas Baru Namanya", GroupKind.Faith, "Jl. Kenanga 12", 2.5m, group.Slug), (after.Name, after.Kind, after.PickupAddress, after.FeePercent, after.Slug));
        Assert.Equal(makers, await check.Makers.CountAsync(m => m.HomeGroupId == group.Id));
    }

    [Fact]
    public async Task Offices_regencies_and_programmes_are_removed_only_when_empty_and_renamed_programmes_keep_their_page()
    {
        using var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/kelola",
            Fields(("Name", "Bapas Kelas II Uji"), ("Zone", "WITA"), ("Regency", "Kabupaten Uji"), ("Target", "2500000")), "form[action*=Office]")).StatusCode);
        int office, regency;
        Programme used;
        await using (var db = factory.OpenDb())
        {
            office = await db.Offices.Where(o => o.Name == "Bapas Kelas II Uji").Select(o => o.Id).SingleAsync();
            regency = await db.Regencies.Where(r => r.OfficeId == office).Select(r => r.Id).SingleAsync();
            used = await db.Programmes.AsNoTracking().Include(p => p.Group).Where(p => db.Set<Listing>().Any(l => l.ProgrammeId == p.Id)).OrderBy(p => p.Id).FirstAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/kelola/bapas/{office}", Fields(("Name", "Bapas Kelas I Uji"), ("Zone", "WIT")), "form[action*=Save]")).StatusCode);
        var officeInUse = await admin.SubmitAsync($"/admin/kelola/bapas/{office}", Fields(), "form[action*=Remove]");
        Assert.Contains("1 kabupaten/kota", WebUtility.HtmlDecode(await officeInUse.Content.ReadAsStringAsync()));

        var otherOffice = await FirstOfficeAsync();
        var movedBack = await admin.SubmitAsync($"/admin/kelola/kabupaten/{regency}", Fields(("Name", "Kabupaten Uji Raya"), ("OfficeId", otherOffice.ToString())), "form[action*=Save]");
        Assert.Equal(HttpStatusCode.Redirect, movedBack.StatusCode); // an empty regency may change office
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/kelola/kabupaten/{regency}", Fields(), "form[action*=Remove]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/kelola/bapas/{office}", Fields(), "form[action*=Remove]")).StatusCode);

        var busyRegency = await admin.SubmitAsync($"/admin/kelola/kabupaten/{used.Group!.RegencyId}", Fields(), "form[action*=Remove]");
        Assert.Contains("Belum bisa dihapus", await busyRegency.Content.ReadAsStringAsync());

        var renamed = await admin.SubmitAsync($"/admin/kelola/program/{used.Id}", Fields(("Name", "Program Berganti Nama"), ("Story", used.Story)), "form[action*=Save]");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var moved = await admin.SubmitAsync($"/admin/kelola/program/{used.Id}", Fields(("Name", "Program Berganti Nama"), ("Story", used.Story), ("GroupId", (await OtherGroupAsync(used.GroupId)).ToString())), "form[action*=Save]");
        Assert.Contains("Belum bisa dihapus", await moved.Content.ReadAsStringAsync());
        var shop = await factory.CreateClient().GetAsync($"/program/{used.Slug}");
        Assert.Equal(HttpStatusCode.OK, shop.StatusCode);
        Assert.Contains("Program Berganti Nama", await shop.Content.ReadAsStringAsync());

        await using var check = factory.OpenDb();
        Assert.False(await check.Offices.AnyAsync(o => o.Id == office));
        Assert.False(await check.Regencies.AnyAsync(r => r.Id == regency));
        var programme = await check.Programmes.SingleAsync(p => p.Id == used.Id);
        Assert.Equal((used.GroupId, used.Slug, used.Story), (programme.GroupId, programme.Slug, programme.Story));
    }

    async Task<int> FirstOfficeAsync()
    {
        await using var db = factory.OpenDb();
        return await db.Offices.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    }

    async Task<int> OtherGroupAsync(int group)
    {
        await using var db = factory.OpenDb();
        return await db.Groups.Where(g => g.Id != group).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
    }
}
