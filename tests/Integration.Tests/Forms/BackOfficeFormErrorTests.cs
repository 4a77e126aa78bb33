using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.Forms;

/// <summary>The back office's forms answer bad input as the workspace does: each message names its field, stands beside it, takes the focus, and nothing typed is lost.</summary>
public class BackOfficeFormErrorTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static async Task<IHtmlDocument> PageOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    async Task<ShopClient> SignedInAsync(string login)
    {
        var client = ShopClient.For(factory);
        await client.SignInAsync(login);
        return client;
    }

    /// <summary>The field is marked, its message is linked and sits right after it (or inside its group), the summary links to it and it has the focus.</summary>
    static IElement AssertBeside(IHtmlDocument page, string fieldId, string words)
    {
        var field = page.GetElementById(fieldId) ?? throw new InvalidOperationException($"No #{fieldId}");
        var messageId = field.GetAttribute("aria-describedby")!.Split(' ').Single(id => id.EndsWith("-error", StringComparison.Ordinal));
        var message = page.GetElementById(messageId)!;
        Assert.Contains(words, message.TextContent);
        if (field.LocalName == "fieldset") Assert.Same(field, message.ParentElement);
        else
        {
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Same(field, message.PreviousElementSibling);
        }
        Assert.Contains(page.QuerySelectorAll(".error-summary li a"), a => a.GetAttribute("href") == "#" + fieldId && a.TextContent.Contains(words));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        return field;
    }

    static string? Value(IHtmlDocument page, string id) => page.GetElementById(id) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };

    [Fact]
    public async Task A_group_fee_that_is_not_a_percentage_is_named_beside_its_box_and_the_typed_name_stays()
    {
        using var admin = await SignedInAsync("admin");
        int group;
        await using (var db = factory.OpenDb()) group = await db.Groups.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
        var url = $"/admin/kelola/kelompok/{group}";
        var page = await PageOf(await admin.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Name"] = "Pokmas Sekar Tanjung", ["PickupAddress"] = "Jl. Melati 4", ["FeePercent"] = "lima persen",
        }, "form[action*=Save]"));

        AssertBeside(page, "fee", "Bagian kelompok 0 sampai di bawah 100%");
        Assert.Equal(["fee"], page.QuerySelectorAll("[autofocus]").Select(e => e.Id));
        Assert.Equal("Pokmas Sekar Tanjung", Value(page, "name"));
        Assert.Equal("Jl. Melati 4", Value(page, "pickup"));
        Assert.Equal("lima persen", Value(page, "fee"));
        // The removal form below was not sent: nothing of it is marked.
        Assert.Single(page.QuerySelectorAll("[aria-invalid]"));

        // A decimal comma is read by the one percent reader and saved.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, new Dictionary<string, string> { ["FeePercent"] = "7,25" }, "form[action*=Save]")).StatusCode);
        await using var check = factory.OpenDb();
        Assert.Equal(7.25m, await check.Groups.Where(g => g.Id == group).Select(g => g.FeePercent).SingleAsync());
    }

    [Fact]
    public async Task A_programme_name_too_short_stands_beside_the_name_in_English_too()
    {
        using var admin = await SignedInAsync("admin");
        int programme;
        await using (var db = factory.OpenDb()) programme = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var url = $"/admin/kelola/program/{programme}";
        var page = await PageOf(await admin.SubmitAsync(url, new Dictionary<string, string> { ["Name"] = "K", ["Story"] = "Cerita yang ditulis." }, "form[action*=Save]"));
        AssertBeside(page, "name", "Nama 2 sampai 120 huruf");
        Assert.Equal("K", Value(page, "name"));
        Assert.Equal("Cerita yang ditulis.", Value(page, "story"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.GetAsync("/bahasa/en?kembali=/admin")).StatusCode);
        var english = await PageOf(await admin.SubmitAsync(url, new Dictionary<string, string> { ["Name"] = "K" }, "form[action*=Save]"));
        AssertBeside(english, "name", "A name has 2 to 120 letters");
        Assert.DoesNotContain("huruf", english.GetElementById("Name-error")!.TextContent);
    }

    [Fact]
    public async Task Sending_a_listing_back_without_a_reason_marks_the_reason_box_and_takes_the_focus_there()
    {
        int id;
        await using (var db = factory.OpenDb())
        {
            var group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
            id = (await BackOfficeData.SubmittedListingAsync(db, group, "Tas Rajut Benang Hijau")).Id;
        }
        using var mentor = await SignedInAsync("pendamping");
        var page = await PageOf(await mentor.SubmitAsync($"/admin/moderasi/produk/{id}", new Dictionary<string, string> { ["Note"] = " " }, "form[action*=Reject]"));
        AssertBeside(page, "Note", "Tulis alasan atau pilih alasan tersimpan");
        Assert.Equal(["Note"], page.QuerySelectorAll("[autofocus]").Select(e => e.Id));
        Assert.Single(page.QuerySelectorAll(".invalid-feedback"));
    }

    [Fact]
    public async Task A_payout_with_cents_and_no_method_names_both_and_keeps_the_reference()
    {
        int maker;
        await using (var db = factory.OpenDb())
        {
            var groups = await BackOfficeData.MentoredGroupsAsync(db, "pendamping");
            maker = await db.Makers.Where(m => groups.Contains(m.HomeGroupId)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }
        using var mentor = await SignedInAsync("pendamping");
        var page = await PageOf(await mentor.SubmitAsync($"/admin/pembuat/{maker}/saldo", new Dictionary<string, string>
        {
            ["Amount"] = "12.500,50", ["Reference"] = "TRF-778",
        }, "form[action*=Payout]"));

        AssertBeside(page, "Amount", "Jumlah (Rp): Rupiah ditulis tanpa sen");
        var method = AssertBeside(page, "Method", "Pilih tunai atau transfer bank");
        Assert.All(method.QuerySelectorAll("input[type=radio]"), r => Assert.Equal("true", r.GetAttribute("aria-invalid")));
        Assert.Equal(["Amount"], page.QuerySelectorAll("[autofocus]").Select(e => e.Id));
        Assert.Equal("12.500,50", Value(page, "Amount"));
        Assert.Equal("TRF-778", Value(page, "Reference"));
        // The summary follows the form's order: the amount first, then the method.
        Assert.Equal(["#Amount", "#Method"], page.QuerySelectorAll(".error-summary li a").Select(a => a.GetAttribute("href")));
        // A reversal box of an earlier payout shares no mark with this form.
        Assert.Empty(page.QuerySelectorAll("input[name=ReversalNote][aria-invalid]"));
    }

    [Fact]
    public async Task A_new_account_with_an_unusable_user_name_is_named_beside_it_and_the_rest_is_kept()
    {
        using var admin = await SignedInAsync("admin");
        var page = await PageOf(await admin.SubmitAsync("/admin/kelola/orang", new Dictionary<string, string>
        {
            ["Account.UserName"] = "b u", ["Account.DisplayName"] = "Bu Ratna", ["Account.Email"] = "ratna@contoh.test", ["Account.Roles"] = "Buyer",
        }, "form[action*=Create]"));
        AssertBeside(page, "user-name", "Nama pengguna 3 sampai 40");
        Assert.Equal(["user-name"], page.QuerySelectorAll("[autofocus]").Select(e => e.Id));
        Assert.Equal("b u", Value(page, "user-name"));
        Assert.Equal("Bu Ratna", Value(page, "display-name"));
        Assert.Equal("ratna@contoh.test", Value(page, "email"));
        // The search box above is not the form that was sent.
        Assert.Null(page.GetElementById("q")!.GetAttribute("aria-invalid"));

        var noRole = await PageOf(await admin.SubmitAsync("/admin/kelola/orang", new Dictionary<string, string>
        {
            ["Account.UserName"] = "bu.ratna", ["Account.DisplayName"] = "Bu Ratna", ["Account.Email"] = "",
        }, "form[action*=Create]"));
        var roles = AssertBeside(noRole, "Account_Roles", "peran");
        Assert.Equal("fieldset", roles.LocalName);
    }

    [Fact]
    public async Task On_the_page_of_many_forms_only_the_sent_one_is_marked_and_keeps_what_was_typed()
    {
        using var admin = await SignedInAsync("admin");
        var page = await PageOf(await admin.SubmitAsync("/admin/kelola", new Dictionary<string, string>
        {
            ["Name"] = "Bapas Baru Sekali", ["Zone"] = "WITA", ["Regency"] = "Kabupaten Contoh", ["Target"] = "2,5 juta",
        }, "form[action*=Office]"));
        AssertBeside(page, "office-target", "Target bulanan (Rp):");
        Assert.Equal(["office-target"], page.QuerySelectorAll("[autofocus]").Select(e => e.Id));
        Assert.Equal("Bapas Baru Sekali", Value(page, "office-name"));
        Assert.Equal("Kabupaten Contoh", Value(page, "office-regency"));
        Assert.Equal("2,5 juta", Value(page, "office-target"));
        Assert.Equal("WITA", Value(page, "office-zone"));
        // The other forms were not sent: empty and unmarked.
        Assert.Equal("", Value(page, "regency-name"));
        Assert.Equal("", Value(page, "regency-target"));
        Assert.Single(page.QuerySelectorAll("[aria-invalid]"));

        var group = await PageOf(await admin.SubmitAsync("/admin/kelola", new Dictionary<string, string>
        {
            ["Name"] = "P", ["PickupAddress"] = "Jl. Dahlia 9",
        }, "form[action*=Group]"));
        AssertBeside(group, "group-name", "Nama 2 sampai 120 huruf");
        Assert.Equal("Jl. Dahlia 9", Value(group, "group-pickup"));
        Assert.Equal("", Value(group, "office-name"));
        Assert.Null(group.GetElementById("office-name")!.GetAttribute("aria-invalid"));
    }
}
