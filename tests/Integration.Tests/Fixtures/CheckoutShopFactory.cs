using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>The shop with card payments against <see cref="FakeStripe"/>; mail stays in Hangfire's queue.</summary>
public class CheckoutShopFactory : ShopFactory
{
    public FakeStripe Stripe { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:SecretKey", FakeStripe.SecretKey);
        builder.UseSetting("Stripe:PublishableKey", "pk_test_fake");
        builder.UseSetting("Stripe:WebhookSecret", FakeStripe.WebhookSecret);
        builder.UseSetting("Stripe:ApiBase", Stripe.BaseUrl);
        builder.UseSetting("Shop:BaseUrl", "http://toko.test");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Stripe.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>As <see cref="CheckoutShopFactory"/>, with the Hangfire worker on and mail sent to the real test SMTP server.</summary>
public class MailingShopFactory : CheckoutShopFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SendMail(builder);
    }

    /// <summary>The Hangfire worker on, polling every second, and mail to the real test SMTP server.</summary>
    public static void SendMail(IWebHostBuilder builder)
    {
        var smtp = TestMailServer.Current;
        builder.UseSetting("Smtp:Host", smtp.Host);
        builder.UseSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:RunServer", "true");
        builder.UseSetting("Jobs:PollSeconds", "1");
    }
}

/// <summary>The shop with Midtrans' methods against <see cref="FakeMidtrans"/> (and cards against the Stripe fake).</summary>
public class MidtransShopFactory : CheckoutShopFactory
{
    public FakeMidtrans Midtrans { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Midtrans:ServerKey", FakeMidtrans.ServerKey);
        builder.UseSetting("Midtrans:ClientKey", "SB-Mid-client-fake");
        builder.UseSetting("Midtrans:ApiBase", Midtrans.BaseUrl);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Midtrans.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>
/// The shop as ./run.sh starts it for the demo: no Midtrans keys, the payment simulator on, on Kestrel
/// (the simulator's notifications and the shop's status calls travel over real HTTP), mail to the test SMTP server.
/// </summary>
public class SimulatorShopFactory : MailingShopFactory
{
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ClientOptions.BaseAddress = new Uri(BaseUrl); // every client of the tests goes to Kestrel too
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Midtrans:Simulator", "true");
    }
}
