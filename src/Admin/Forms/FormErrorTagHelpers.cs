using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace PasKreatif.Admin.Forms;

/// <summary>
/// The posted form's errors as every page shows them: a summary that lists each once with a link to
/// its field, and the message beside the field (aria-describedby, aria-invalid). Nothing is rendered
/// while the form is valid, and no inline style ever is, so the CSP's style-src 'self' holds.
/// </summary>
public static class FormErrors
{
    const string ShownKey = "PasKreatif.Forms.Shown";
    const string FocusKey = "PasKreatif.Forms.Focused";
    const string OrderKey = "PasKreatif.Forms.Order";
    const string IdsKey = "PasKreatif.Forms.Ids";
    internal const string OtherFormKey = "PasKreatif.Forms.OtherForm";

    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");
    public static string MessageId(string key) => FieldId(key) + "-error";

    /// <summary>Each distinct message of one field, in the order the page added them.</summary>
    public static IReadOnlyList<string> Of(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct().ToList()
            : [];

    /// <summary>Every field with errors (the form's own errors first, under the empty key), each message once.</summary>
    public static IReadOnlyList<(string Key, string Message)> All(ModelStateDictionary state)
    {
        var seen = new HashSet<string>();
        return state.Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => e.Key.Length == 0 ? 0 : 1)
            .SelectMany(e => Of(state, e.Key).Select(m => (e.Key, Message: m)))
            .Where(e => seen.Add(e.Message))
            .ToList();
    }

    /// <summary>The keys of the fields as the page renders them, so the summary can follow the form's order.</summary>
    internal static List<string> Order(ViewContext view) =>
        view.HttpContext.Items[OrderKey] as List<string> ?? (List<string>)(view.HttpContext.Items[OrderKey] = new List<string>());

    /// <summary>The id each field in error was rendered with, so the summary's link finds a field whose page chose its own id.</summary>
    internal static Dictionary<string, string> Ids(ViewContext view) =>
        view.HttpContext.Items[IdsKey] as Dictionary<string, string> ?? (Dictionary<string, string>)(view.HttpContext.Items[IdsKey] = new Dictionary<string, string>());

    internal static HashSet<string> Shown(ViewContext view) =>
        view.HttpContext.Items[ShownKey] as HashSet<string> ?? (HashSet<string>)(view.HttpContext.Items[ShownKey] = new HashSet<string>());

    /// <summary>True once per request: the first field in error takes the focus.</summary>
    internal static bool TakeFocus(ViewContext view)
    {
        if (view.HttpContext.Items.ContainsKey(FocusKey)) return false;
        view.HttpContext.Items[FocusKey] = true;
        return true;
    }

    internal static string? Text(TagHelperAttribute? attribute) => attribute?.Value switch
    {
        null => null,
        string s => s,
        IHtmlContent h => Render(h),
        var v => v.ToString(),
    };

    static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }

    internal static void Describe(TagHelperOutput output, string messageId)
    {
        var existing = Text(output.Attributes["aria-describedby"]);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(existing) ? messageId : existing + " " + messageId);
    }

    internal static TagBuilder Message(string key, IEnumerable<string> messages, string prefix)
    {
        var box = new TagBuilder("div");
        box.AddCssClass("invalid-feedback");
        box.AddCssClass("d-block");
        box.Attributes["id"] = MessageId(key);
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("visually-hidden");
        hidden.InnerHtml.Append(prefix + " ");
        box.InnerHtml.AppendHtml(hidden);
        box.InnerHtml.Append(string.Join(" ", messages));
        return box;
    }
}

/// <summary>Marks a field in error and writes its message right after it; the first such field gets the focus.</summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
[HtmlTargetElement("fieldset", Attributes = "error-for")]
public sealed class FieldErrorTagHelper(IStringLocalizer<FormText> text) : TagHelper
{
    // After the framework's own helpers, so a generated name and id are already there.
    public override int Order => 1000;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <summary>On a fieldset: the key of the group's error (a choice among checkboxes).</summary>
    [HtmlAttributeName("error-for")] public string? ErrorFor { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        if (state.ErrorCount == 0) return;
        if (string.Equals(FormErrors.Text(output.Attributes["type"]), "hidden", StringComparison.OrdinalIgnoreCase)) return;
        if (context.Items.ContainsKey(FormErrors.OtherFormKey)) return;
        var key = ErrorFor ?? FormErrors.Text(output.Attributes["name"]);
        if (string.IsNullOrEmpty(key)) return;
        FormErrors.Order(ViewContext).Add(key);
        var messages = FormErrors.Of(state, key);
        if (messages.Count == 0) return;

        var group = output.TagName == "fieldset";
        if (!output.Attributes.ContainsName("id")) output.Attributes.SetAttribute("id", FormErrors.FieldId(key));
        FormErrors.Ids(ViewContext).TryAdd(key, FormErrors.Text(output.Attributes["id"])!);
        FormErrors.Describe(output, FormErrors.MessageId(key));
        if (group) output.Attributes.SetAttribute("tabindex", "-1"); // the summary's link can move the focus here
        else
        {
            output.AddClass("is-invalid", System.Text.Encodings.Web.HtmlEncoder.Default);
            output.Attributes.SetAttribute("aria-invalid", "true");
            if (FormErrors.TakeFocus(ViewContext)) output.Attributes.SetAttribute("autofocus", "autofocus");
        }
        if (!FormErrors.Shown(ViewContext).Add(key)) return; // radios of one name share one message
        var message = FormErrors.Message(key, messages, text["ErrorPrefix"]);
        if (group) output.PostContent.AppendHtml(message);
        else output.PostElement.AppendHtml(message);
    }
}

/// <summary>A page's own validation message for a field whose message is already beside it is dropped, so each shows once.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldMessageTagHelper : TagHelper
{
    public override int Order => 1000;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = FormErrors.Text(output.Attributes["data-valmsg-for"]);
        if (key is null) return;
        if (context.Items.ContainsKey(FormErrors.OtherFormKey))
        {
            output.SuppressOutput();
            return;
        }
        FormErrors.Order(ViewContext).Add(key);
        if (FormErrors.Shown(ViewContext).Contains(key) || FormErrors.Of(ViewContext.ModelState, key).Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.Attributes.SetAttribute("id", FormErrors.MessageId(key));
        FormErrors.Shown(ViewContext).Add(key);
    }
}

/// <summary>
/// Replaces ASP.NET's summary (whose hidden item carries an inline style the CSP blocks, leaving an
/// empty red box): nothing while valid; otherwise every error once, each linked to its field.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<FormText> text) : TagHelper
{
    public override int Order => 1000;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = FormErrors.All(ViewContext.ModelState);
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        var heading = new TagBuilder("p");
        heading.AddCssClass("fw-semibold");
        heading.AddCssClass("mb-1");
        heading.Attributes["id"] = "error-summary-title";
        heading.InnerHtml.Append(errors.Count == 1 ? text["ErrorSummary.One"] : text["ErrorSummary.Many", errors.Count]);

        // The framework's helper suppresses itself when only fields are in error; the summary lists those too.
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.RemoveAll("class");
        output.Attributes.SetAttribute("class", "alert alert-danger error-summary");
        output.Attributes.SetAttribute("id", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.RemoveAll("data-valmsg-summary");
        // Nothing beside a field to focus (a refusal of the whole form): the summary itself takes the focus.
        if (errors.All(e => e.Key.Length == 0) && FormErrors.TakeFocus(ViewContext)) output.Attributes.SetAttribute("autofocus", "autofocus");
        output.PreContent.Clear();
        output.PostContent.Clear(); // the framework's own list goes there
        output.Content.SetHtmlContent(heading);
        output.Content.AppendHtml(new ErrorList(errors, FormErrors.Order(ViewContext), FormErrors.Ids(ViewContext)));
    }
}

/// <summary>
/// The summary's list, written out only when the page is: by then every field has been rendered,
/// so the errors follow the form's order (the model state keeps its own, sorted by key length).
/// </summary>
sealed class ErrorList(IReadOnlyList<(string Key, string Message)> errors, List<string> order, Dictionary<string, string> ids) : IHtmlContent
{
    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder)
    {
        int Place(string key) => key.Length == 0 ? -1 : order.IndexOf(key) is var i and >= 0 ? i : int.MaxValue;
        var list = new TagBuilder("ul");
        list.AddCssClass("mb-0");
        foreach (var (key, message) in errors.OrderBy(e => Place(e.Key)))
        {
            var item = new TagBuilder("li");
            // A field the page did not render (or rendered in another form) has nothing to link to.
            if (!ids.TryGetValue(key, out var id)) item.InnerHtml.Append(message);
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + id;
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            list.InnerHtml.AppendHtml(item);
        }
        list.WriteTo(writer, encoder);
    }
}

/// <summary>
/// On a page with several forms, only the one that was posted shows its fields' errors: fields of the
/// others share names ("Name", "Note") but were not sent, so they are left unmarked.
/// </summary>
[HtmlTargetElement("form")]
public sealed class PostedFormTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    // In Init, not Process: the framework's end-of-form helper renders the fields before any Process runs here.
    public override void Init(TagHelperContext context)
    {
        var request = ViewContext.HttpContext.Request;
        if (ViewContext.ModelState.ErrorCount == 0 || !HttpMethods.IsPost(request.Method)) return;
        if (!Sent(context, request)) context.Items[FormErrors.OtherFormKey] = true;
    }

    static bool Sent(TagHelperContext context, HttpRequest request)
    {
        string? Attribute(string name) => context.AllAttributes.TryGetAttribute(name, out var a) ? FormErrors.Text(a) : null;
        if (!string.Equals(Attribute("method"), "post", StringComparison.OrdinalIgnoreCase)) return false;
        if (Attribute("action") is { Length: > 0 } action)
        {
            var path = action.Split('?')[0];
            return string.Equals(Uri.UnescapeDataString(path), Uri.UnescapeDataString(request.PathBase + request.Path), StringComparison.OrdinalIgnoreCase);
        }
        // A form without a handler of its own may have been sent by a button's formaction (checkout's "recalculate").
        if (Attribute("asp-page-handler") is { Length: > 0 } handler && !string.Equals(handler, request.Query["handler"], StringComparison.OrdinalIgnoreCase)) return false;
        // One form on many rows (a reversal per payout, a target per regency): the row's own route values tell which was sent.
        return context.AllAttributes.Where(a => a.Name.StartsWith("asp-route-", StringComparison.OrdinalIgnoreCase))
            .All(a => Sent(request, a.Name["asp-route-".Length..], FormErrors.Text(a)));
    }

    static bool Sent(HttpRequest request, string name, string? value) =>
        string.Equals(value, request.Query[name].ToString(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, request.RouteValues[name]?.ToString(), StringComparison.OrdinalIgnoreCase)
        || (request.HasFormContentType && string.Equals(value, request.Form[name].ToString(), StringComparison.OrdinalIgnoreCase));
}
