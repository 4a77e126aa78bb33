using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Organisation;
using PasKreatif.People;

namespace PasKreatif.Integration.Tests.BackOffice;

/// <summary>Administrators create accounts, set roles and scope, lock them and hand out set-password links; no password is ever shown or stored in plain.</summary>
public class PeopleTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static Dictionary<string, string> Account(string userName, string displayName, string email, string role, string? office = null, string? group = null)
    {
        var fields = new Dictionary<string, string> { ["Account.UserName"] = userName, ["Account.DisplayName"] = displayName, ["Account.Email"] = email, ["Account.Roles"] = role };
        if (office is not null) fields["Account.OfficeIds"] = office;
        if (group is not null) fields["Account.GroupIds"] = group;
        return fields;
    }

    async Task<ShopClient> AdminAsync()
    {
        var admin = ShopClient.For(factory);
        await admin.SignInAsync("admin");
        return admin;
    }

    static async Task<string> LinkShownAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var url = page.QuerySelector("#password-link")?.GetAttribute("value") ?? throw new InvalidOperationException("No link shown.");
        return new Uri(url).PathAndQuery;
    }

    [Fact]
    public async Task An_officer_without_email_is_created_chooses_a_password_through_a_link_shown_once_and_the_link_works_once()
    {
        using var admin = await AdminAsync();
        int office;
        await using (var db = factory.OpenDb()) office = await db.Offices.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();

        var noOffice = await admin.SubmitAsync("/admin/kelola/orang", Account("petugas.baru", "Ibu Sari", "", "Officer"), "form[action*=Create]");
        Assert.Contains("Pilih paling sedikit satu Bapas untuk petugas", await noOffice.Content.ReadAsStringAsync());
        var created = await admin.SubmitAsync("/admin/kelola/orang", Account("petugas.baru", "Ibu Sari", "", "Officer", office.ToString()), "form[action*=Create]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var personUrl = created.Headers.Location!.OriginalString;

        var taken = await admin.SubmitAsync("/admin/kelola/orang", Account("PETUGAS.BARU", "Orang Lain", "", "Buyer"), "form[action*=Create]");
        Assert.Contains("Nama pengguna itu sudah dipakai", await taken.Content.ReadAsStringAsync());
        var emailTaken = await admin.SubmitAsync("/admin/kelola/orang", Account("pembeli.kembar", "Kembar", (await EmailOfAsync("pembeli")).ToUpperInvariant(), "Buyer"), "form[action*=Create]");
        Assert.Contains("Email itu sudah dipakai akun lain", await emailTaken.Content.ReadAsStringAsync());

        await using (var db = factory.OpenDb())
        {
            var person = await db.Users.SingleAsync(u => u.UserName == "petugas.baru");
            Assert.Null(person.PasswordHash);
            Assert.True(await db.OfficeOfficers.AnyAsync(o => o.PersonId == person.Id && o.OfficeId == office));
            Assert.False(await db.Users.AnyAsync(u => u.UserName == "pembeli.kembar"));
        }

        var path = await LinkShownAsync(await admin.SubmitAsync(personUrl, new Dictionary<string, string>(), "form[action*=PasswordLink]"));
        Assert.DoesNotContain("password-link", await admin.Http.GetStringAsync(personUrl)); // shown once, not kept

        using var officer = ShopClient.For(factory);
        var differ = await officer.SubmitAsync(path, new Dictionary<string, string> { ["Password"] = "kopi-tubruk-88", ["Repeat"] = "kopi-tubruk-89" });
        Assert.Contains("Kedua kata sandi tidak sama", await differ.Content.ReadAsStringAsync());
        var set = await officer.SubmitAsync(path, new Dictionary<string, string> { ["Password"] = "kopi-tubruk-88", ["Repeat"] = "kopi-tubruk-88" });
        Assert.Contains("Kata sandi tersimpan", await set.Content.ReadAsStringAsync());
        var again = await officer.SubmitAsync(path, new Dictionary<string, string> { ["Password"] = "teh-manis-99", ["Repeat"] = "teh-manis-99" });
        Assert.Contains("Tautan ini tidak berlaku lagi", await again.Content.ReadAsStringAsync());

        Assert.Equal("/admin", (await officer.SignInAsync("petugas.baru", "kopi-tubruk-88")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/admin/target")).StatusCode);
    }

    [Fact]
    public async Task Roles_and_scope_are_edited_and_a_locked_account_cannot_sign_in_until_unlocked()
    {
        using var admin = await AdminAsync();
        Guid id;
        int group;
        await using (var db = factory.OpenDb())
        {
            id = await BackOfficeData.PersonAsync(db, "pembeli3");
            group = await db.Groups.OrderByDescending(g => g.Id).Select(g => g.Id).FirstAsync();
        }
        var url = $"/admin/kelola/orang/{id:N}";
        var saved = await admin.SubmitAsync(url, Account("pembeli3", "Pak Joko", await EmailOfAsync("pembeli3"), "Mentor", group: group.ToString()), "form[action*=Save]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var person = ShopClient.For(factory);
        await person.SignInAsync("pembeli3");
        Assert.Contains($"/admin/kemandirian/kelompok/{group}", await person.Http.GetStringAsync("/admin/kemandirian"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, new Dictionary<string, string>(), "form[action*=Lock]")).StatusCode);
        using (var locked = ShopClient.For(factory))
        {
            var refused = await locked.SignInAsync("pembeli3");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Akun dikunci", await refused.Content.ReadAsStringAsync());
        }
        Assert.Contains("Dikunci", await admin.Http.GetStringAsync("/admin/kelola/orang?q=pembeli3"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, new Dictionary<string, string>(), "form[action*=Unlock]")).StatusCode);
        using (var back = ShopClient.For(factory))
            Assert.Equal(HttpStatusCode.Redirect, (await back.SignInAsync("pembeli3")).StatusCode);

        Guid self;
        await using (var db = factory.OpenDb()) self = await BackOfficeData.PersonAsync(db, "admin");
        var own = await admin.SubmitAsync($"/admin/kelola/orang/{self:N}", new Dictionary<string, string>(), "form[action*=Lock]");
        Assert.Contains("tidak bisa mengunci akun Anda sendiri", await own.Content.ReadAsStringAsync());

        await using var check = factory.OpenDb();
        var user = await check.Users.SingleAsync(u => u.Id == id);
        Assert.Equal("Pak Joko", user.DisplayName);
        var roles = await check.UserRoles.Where(r => r.UserId == id).Join(check.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([Roles.Mentor], roles);
        Assert.Equal([group], await check.GroupMentors.Where(m => m.PersonId == id).Select(m => m.GroupId).ToListAsync());
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task A_person_with_email_gets_the_password_link_by_mail_and_the_page_does_not_show_it()
    {
        using var admin = await AdminAsync();
        var created = await admin.SubmitAsync("/admin/kelola/orang", Account("pembeli.surat", "Bu Wati", "wati@contoh.test", "Buyer"), "form[action*=Create]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var answer = await admin.SubmitAsync(created.Headers.Location!.OriginalString, new Dictionary<string, string>(), "form[action*=PasswordLink]");
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Tautan kata sandi dikirim ke wati@contoh.test", page);
        Assert.DoesNotContain("/atur-sandi", page);
        var mail = Assert.Single(BackOfficeData.QueuedMails(factory), m => m.To == "wati@contoh.test");
        Assert.Contains("/atur-sandi?orang=", mail.TextBody);
    }

    [Fact]
    public async Task The_set_password_link_refuses_a_password_over_the_limit_and_takes_one_within_it()
    {
        using var admin = await AdminAsync();
        var created = await admin.SubmitAsync("/admin/kelola/orang", Account("pembeli.panjang", "Bu Sinta", "sinta@contoh.test", "Buyer"), "form[action*=Create]");
        await admin.SubmitAsync(created.Headers.Location!.OriginalString, new Dictionary<string, string>(), "form[action*=PasswordLink]");
        var mail = Assert.Single(BackOfficeData.QueuedMails(factory), m => m.To == "sinta@contoh.test");
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"https?://\S+/atur-sandi\?\S+").Value).PathAndQuery;

        using var person = ShopClient.For(factory);
        var tooLong = new string('k', PasswordRule.MaxLength + 1);
        var refused = await person.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = tooLong, ["Repeat"] = tooLong });
        Assert.Contains("Kata sandi baru perlu 8 sampai 200 huruf.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var differ = await person.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "sandi-baru-2026", ["Repeat"] = "sandi-lain-2026" });
        Assert.Contains("Kedua kata sandi tidak sama.", WebUtility.HtmlDecode(await differ.Content.ReadAsStringAsync()));
        var within = new string('k', PasswordRule.MaxLength);
        var taken = await person.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = within, ["Repeat"] = within });
        Assert.Contains(WebUtility.HtmlEncode("/masuk"), await taken.Content.ReadAsStringAsync());
        using var signIn = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.SignInAsync("pembeli.panjang", within)).StatusCode);
    }

    async Task<string> EmailOfAsync(string userName)
    {
        await using var db = factory.OpenDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Email).SingleAsync() ?? "";
    }
}
