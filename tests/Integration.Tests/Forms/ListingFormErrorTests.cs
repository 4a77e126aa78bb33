using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PasKreatif.Integration.Tests.Fixtures;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Forms;

public class ListingFormErrorTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task The_empty_new_listing_form_names_every_missing_field_once_beside_it()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var response = await maker.SubmitAsync("/toko-saya/produk/baru", new Dictionary<string, string>
        {
            // What a browser sends for the form as it opens: the number boxes and the pickup box keep their defaults.
            ["Form.Title"] = "", ["Form.Description"] = "", ["Form.Price"] = "", ["Form.Stock"] = "1", ["Form.WeightGrams"] = "500", ["Form.Pickup"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parse(await response.Content.ReadAsStringAsync());

        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal(3, summary.QuerySelectorAll("li").Length);
        var items = summary.QuerySelectorAll("li a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent.Trim())).ToList();
        Assert.Equal(["#Form_Title", "#Form_Description", "#Form_Price"], items.Select(i => i.Href));
        Assert.Contains("Nama produk belum diisi", items[0].Text);
        Assert.Contains("Keterangan belum diisi", items[1].Text);
        Assert.Contains("Harga belum diisi", items[2].Text);
        Assert.DoesNotContain("Isi dengan angka", page.Body!.TextContent);

        foreach (var (id, words) in new[] { ("Form_Title", "Nama produk"), ("Form_Description", "Keterangan"), ("Form_Price", "Harga") })
        {
            var field = page.GetElementById(id)!;
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            var described = field.GetAttribute("aria-describedby")!.Split(' ');
            var message = described.Select(page.GetElementById).Single(e => e is not null && e.ClassList.Contains("invalid-feedback"))!;
            Assert.Contains(words, message.TextContent);
            // Beside its field: the message follows the field in the same wrapper.
            Assert.Same(field.ParentElement, message.ParentElement);
            Assert.Single(page.QuerySelectorAll(".invalid-feedback"), e => e.TextContent.Contains(words + " belum diisi"));
        }
        // The first field in error takes the focus, with or without JavaScript.
        Assert.Equal(["Form_Title"], page.QuerySelectorAll("[autofocus]").Select(e => e.Id));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task A_number_box_with_letters_says_which_box_and_no_delivery_marks_the_group()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var form = ListingForm("Keranjang rotan");
        form["Form.Stock"] = "lima";
        form["Form.WeightGrams"] = "1kg";
        form["Form.Pickup"] = "false";
        form["Form.Shipping"] = "false";
        var response = await maker.SubmitAsync("/toko-saya/produk/baru", form);
        var page = Parse(await response.Content.ReadAsStringAsync());

        var texts = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.True(texts.Count == 3, string.Join("\n", page.QuerySelectorAll(".error-summary").Select(e => e.OuterHtml)));
        Assert.Contains(texts, t => t.StartsWith("Stok: isi dengan angka", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Berat (gram): isi dengan angka", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("cara pengiriman"));
        var group = page.GetElementById("Form_Delivery")!;
        Assert.Equal("fieldset", group.LocalName);
        Assert.Contains("Form_Delivery-error", group.GetAttribute("aria-describedby"));
        Assert.Contains("cara pengiriman", page.GetElementById("Form_Delivery-error")!.TextContent);
        Assert.Equal("Form_Stock", page.QuerySelector("[autofocus]")!.Id);
        // What was typed is kept, so nothing is lost.
        Assert.Equal("Keranjang rotan", page.QuerySelector<IHtmlInputElement>("#Form_Title")!.Value);
    }

    [Fact]
    public async Task A_valid_page_renders_no_error_box_at_all()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var page = await maker.GetDocumentAsync("/toko-saya/produk/baru");
        Assert.Null(page.QuerySelector(".error-summary, .validation-summary-valid, .alert-danger, [aria-invalid]"));
    }
}
