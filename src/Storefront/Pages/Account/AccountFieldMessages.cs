using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

/// <summary>A field of an account form as its messages name it: the label's text key and the limits its input type holds.</summary>
public sealed record AccountField(string LabelKey, int Min = 0, int Max = 0);

/// <summary>The account forms' codes in the shop's words: "Kata sandi baru perlu 8 sampai 200 huruf.", in the reader's language.</summary>
public static class AccountFieldMessages
{
    public static bool AddAccountErrors(this ModelStateDictionary state, IEnumerable<InputError> errors, IStringLocalizer<ShopText> text,
        Func<string, AccountField> field)
    {
        var any = false;
        foreach (var error in errors)
        {
            var f = field(error.Field);
            var label = text[f.LabelKey].Value;
            state.AddModelError(error.Field, error.Code switch
            {
                AccountInputCodes.Required => text["RequiredField", label],
                AccountInputCodes.Length => text["Length", label, f.Max, f.Min],
                _ => text[error.Code, label],
            });
            any = true;
        }
        return any;
    }
}
