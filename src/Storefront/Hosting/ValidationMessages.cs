using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace PasKreatif.Storefront.Hosting;

/// <summary>
/// Every framework message a visitor can see in the page's language: the implicit "required" of a number field and
/// the model binder's "not a number" (both also written into the fields' data-val-* for the browser's checks).
/// </summary>
public static class ValidationMessages
{
    public static IServiceCollection AddValidationMessages(this IServiceCollection services) => services
        .AddSingleton<IConfigureOptions<MvcOptions>, LocalizedMessages>()
        .AddSingleton<IConfigureOptions<MvcViewOptions>, LocalizedClientMessages>();

    sealed class LocalizedMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var text = factory.Create(typeof(ShopText));
            var m = options.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            m.SetAttemptedValueIsInvalidAccessor((_, _) => text["Binding.Invalid"]);
            m.SetUnknownValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.Invalid"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
            m.SetValueMustBeANumberAccessor(_ => text["Binding.Number"]);
            m.SetValueMustNotBeNullAccessor(_ => text["Required"]);
            m.SetMissingBindRequiredValueAccessor(_ => text["Required"]);
            m.SetMissingKeyOrValueAccessor(() => text["Required"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => text["Required"]);
            options.ModelMetadataDetailsProviders.Add(new RequiredByKey());
        }
    }

    /// <summary>The framework adds a "required" of its own to every number field's data-val-*, in English: this one speaks the page's language.</summary>
    sealed class LocalizedClientMessages(IStringLocalizerFactory factory, IValidationAttributeAdapterProvider adapters) : IConfigureOptions<MvcViewOptions>
    {
        public void Configure(MvcViewOptions options) =>
            options.ClientModelValidatorProviders.Add(new ImplicitRequired(factory.Create(typeof(ShopText)), adapters));
    }

    sealed class ImplicitRequired(IStringLocalizer text, IValidationAttributeAdapterProvider adapters) : IClientModelValidatorProvider
    {
        public void CreateValidators(ClientValidatorProviderContext context)
        {
            foreach (var item in context.Results)
                if (item.Validator is RequiredAttributeAdapter { Attribute.ErrorMessage: null })
                    item.Validator = adapters.GetAttributeAdapter(new RequiredAttribute { ErrorMessage = "Required" }, text);
        }
    }

    /// <summary>A [Required] without its own message (the implicit one of an int) takes the "Required" text.</summary>
    sealed class RequiredByKey : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
                if (required.ErrorMessage is null && required.ErrorMessageResourceName is null) required.ErrorMessage = "Required";
        }
    }
}
