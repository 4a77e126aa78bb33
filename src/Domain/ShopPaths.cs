namespace PasKreatif;

/// <summary>
/// The pages Domain points at without a request to ask for their routes (notification targets, mailed links):
/// the one place these paths are written. An integration test checks each against its page's route.
/// </summary>
public static class ShopPaths
{
    public const string Workspace = "/toko-saya";
    public const string WorkspaceReviews = "/toko-saya/ulasan";
    public const string WorkspaceQuestions = "/toko-saya/pertanyaan";
    public static string WorkspaceOrder(int fulfilmentId) => $"/toko-saya/pesanan/{fulfilmentId}";
    public static string WorkspaceListing(int listingId) => $"/toko-saya/produk/{listingId}";

    public const string BuyerOrders = "/pesanan";
    public static string Order(string token) => $"/pesanan/{token}";
    public static string AccountReview(int orderLineId) => $"/pesanan/ulasan/{orderLineId}";
    public static string GuestReview(string token, int orderLineId) => $"/pesanan/{token}/ulasan/{orderLineId}";

    public static string Product(string slug) => $"/produk/{slug}";
    /// <summary>The add-to-cart page a product card's one-tap form falls back to.</summary>
    public static string CartAdd(int listingId) => $"/keranjang/tambah/{listingId}";
    public static string Maker(string slug) => $"/pembuat/{slug}";

    public const string ConfirmEmail = "/konfirmasi-email";
    public const string ResetPassword = "/atur-ulang-sandi";
    public const string SetPassword = "/atur-sandi";

    public const string BackOffice = "/admin";
    public const string BackOfficeOrders = "/admin/pesanan";
}
