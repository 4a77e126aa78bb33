using PasKreatif.Admin;
using PasKreatif.Storefront.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = SharedWebRoot.Locate() });
builder.AddMarketplace();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseMarketplace();
app.MapShop();
app.MapAdmin();
app.Run();

public partial class Program;
