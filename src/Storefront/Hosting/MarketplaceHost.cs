using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using PasKreatif.Admin;
using PasKreatif.Demo;
using PasKreatif.Mail;
using PasKreatif.Observability;
using PasKreatif.People;
using PasKreatif.Persistence;
using PasKreatif.Storefront.Pages.Checkout;

namespace PasKreatif.Storefront.Hosting;

public static class MarketplaceHost
{
    public static readonly CultureInfo[] Cultures = [new("id"), new("en")];
    public const string CultureCookie = ".PasKreatif.Culture";

    public static WebApplicationBuilder AddMarketplace(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddMarketplaceDomain(configuration);
        services.AddDemoData(configuration);
        services.AddShopIdentity();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Seller", ShopPolicies.Maker);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ShopText)));
        services.AddValidationMessages(); // the framework's own messages in the visitor's language
        services.AddRequestRefusals(); // hostile or expired requests get a page, never an error
        services.AddSecureCookies();
        services.AddMarketplaceAdmin();
        services.AddCheckout();
        services.AddCatalog(configuration);
        services.AddShopCompression(); // Brotli/gzip
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id");
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // The cookie of the language switch first, then the browser's languages; no query string.
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureCookie }, new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddMarketplaceJobs(configuration);
        services.AddSettings<Pages.Info.ShopContact>(configuration, Pages.Info.ShopContact.Section); // the contact page's addresses
        services.AddScaleOut(configuration); // several instances behind a load balancer
        services.AddReadReplicas(); // the standby set's lag check
        services.AddShopRateLimits(configuration); // security: per-address limits on sign-in and checkout
        services.AddPasswordReset(configuration); // security: forgotten passwords by mail
        builder.AddShopObservability(); // traces, metrics, JSON logs, health
        return builder;
    }

    static void AddShopIdentity(this IServiceCollection services)
    {
        services.AddIdentity<Person, PersonRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // Makers type on cheap phones: length protects better than forced symbols.
                o.Password.RequiredLength = PasswordRule.MinLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = false; // makers may have no email
                o.SignIn.RequireConfirmedAccount = true; // BuyerConfirmation: only self-made buyer accounts wait for their link
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddEntityFrameworkStores<MarketplaceDb>()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddDefaultTokenProviders()
            .AddUserConfirmation<BuyerConfirmation>();
        services.AddScoped<BuyerAccounts>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/masuk";
            o.LogoutPath = "/keluar";
            o.Cookie.Name = ".PasKreatif.Auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // The phone's outbox posts in the background: it needs "sign in again", not the sign-in page.
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/toko-saya/kirim-tertunda")) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            // A signed-in person without the role gets a plain 403; the status page explains it.
            o.Events.OnValidatePrincipal = SessionStamp.ValidateAsync;
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ShopPolicies.Maker, p => p.RequireRole(Roles.Maker))
            .AddStaffPolicies();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Every setting group is checked before the database is touched, so a bad value is what the start reports.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        await DatabaseStartup.PrepareAsync(app.Services, app.Lifetime.ApplicationStopping);
        await DemoStartup.LoadConfiguredTierAsync(app.Services, app.Lifetime.ApplicationStopping);
    }
}

public static class ShopPolicies
{
    public const string Maker = "Maker";
}
