namespace PasKreatif.Integration.Tests.Security;

/// <summary>
/// Who may reach every route of the app. One row per route the app maps (its method and pattern, as
/// AuthorizationMatrixTests prints them), a sample URL ({placeholders} from <see cref="RouteSamples"/>), and what each
/// role gets, in this order: anonymous, buyer (pembeli), maker (pembuat), mentor (pendamping), officer (petugas),
/// administrator (admin).
/// Outcomes: ok = 200, in = redirect to sign-in, 403, 404, 302 = another redirect, 400, 405.
/// A route without a row fails the test with the line to add here.
/// </summary>
public static class RouteTable
{
    public sealed record Row(string Route, string Sample, string Expected)
    {
        public string[] Outcomes => Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static readonly string[] Roles = ["anonymous", "buyer", "maker", "mentor", "officer", "admin"];
    public static readonly string?[] Logins = [null, "pembeli", "pembuat", "pendamping", "petugas", "admin"];

    public static readonly Row[] Rows =
    [
        // The shop, open to everyone
        new("PAGE /", "/", "ok ok ok ok ok ok"),
        new("PAGE /Index", "/Index", "ok ok ok ok ok ok"),
        new("PAGE /produk/{slug}", "/produk/{listingSlug}", "ok ok ok ok ok ok"),
        new("PAGE /kategori/{slug}", "/kategori/{categorySlug}", "ok ok ok ok ok ok"),
        new("PAGE /program/{slug}", "/program/{programmeSlug}", "ok ok ok ok ok ok"),
        new("PAGE /pembuat/{slug}", "/pembuat/{makerSlug}", "ok ok ok ok ok ok"),
        new("PAGE /cari", "/cari?q=tas", "ok ok ok ok ok ok"),
        new("PAGE /keranjang", "/keranjang", "ok ok ok ok ok ok"),
        new("PAGE /keranjang/tambah/{listingId:int}", "/keranjang/tambah/{listing}", "ok ok ok ok ok ok"),
        new("POST /keranjang/tambah-cepat/{listingId:int}", "/keranjang/tambah-cepat/{listing}", "302 302 302 302 302 302"), // no Origin: to the token form
        new("GET /keranjang/jumlah", "/keranjang/jumlah", "ok ok ok ok ok ok"),
        new("PAGE /kategori", "/kategori", "ok ok ok ok ok ok"),
        new("PAGE /program", "/program", "ok ok ok ok ok ok"),
        new("PAGE /tentang", "/tentang", "ok ok ok ok ok ok"),
        new("PAGE /cara-belanja", "/cara-belanja", "ok ok ok ok ok ok"),
        new("PAGE /pengiriman", "/pengiriman", "ok ok ok ok ok ok"),
        new("PAGE /pembatalan-dan-pengembalian", "/pembatalan-dan-pengembalian", "ok ok ok ok ok ok"),
        new("PAGE /privasi", "/privasi", "ok ok ok ok ok ok"),
        new("PAGE /syarat", "/syarat", "ok ok ok ok ok ok"),
        new("PAGE /kontak", "/kontak", "ok ok ok ok ok ok"),
        new("PAGE /checkout", "/checkout", "302 302 302 302 302 302"),
        new("PAGE /pesanan", "/pesanan", "in ok ok ok ok ok"),
        new("PAGE /pesanan/{token}", "/pesanan/{orderToken}", "ok ok ok ok ok ok"),
        new("PAGE /pesanan/{token}/batal", "/pesanan/{orderToken}/batal", "302 302 302 302 302 302"), // the sample order is closed: back to its page
        new("PAGE /bahasa/{culture}", "/bahasa/en?kembali=/", "302 302 302 302 302 302"),
        new("GET /zona/{zone}", "/zona/WITA?kembali=/", "302 302 302 302 302 302"),
        new("PAGE /status/{code:int}", "/status/404", "ok ok ok ok ok ok"),
        new("PAGE /galat", "/galat", "500 500 500 500 500 500"), // the error page says what it is
        new("GET /health", "/health", "ok ok ok ok ok ok"),
        new("GET /health/live", "/health/live", "ok ok ok ok ok ok"),
        new("GET /health/ready", "/health/ready", "ok ok ok ok ok ok"),
        new("GET /ping", "/ping", "ok ok ok ok ok ok"),
        new("GET /media/{**key}", "/media/p/00/missing-320.webp", "404 404 404 404 404 404"),
        new("GET /sitemap.xml", "/sitemap.xml", "ok ok ok ok ok ok"),
        new("GET /robots.txt", "/robots.txt", "ok ok ok ok ok ok"),
        new("POST /stripe/webhook", "/stripe/webhook", "400 400 400 400 400 400"),
        new("POST /midtrans/notification", "/midtrans/notification", "400 400 400 400 400 400"), // an empty body is malformed
        new("GET /pesanan/{token}/status", "/pesanan/{orderToken}/status", "ok ok ok ok ok ok"),
        new("PAGE /simulasi/bayar/{orderId}", "/simulasi/bayar/PK-1-abc", "404 404 404 404 404 404"), // the demo's payment simulator is off here

        // Accounts
        new("PAGE /masuk", "/masuk", "ok ok ok ok ok ok"),
        new("PAGE /keluar", "/keluar", "ok ok ok ok ok ok"),
        new("PAGE /undangan/{token}", "/undangan/tidak-ada", "404 404 404 404 404 404"),
        new("PAGE /lupa-sandi", "/lupa-sandi", "ok ok ok ok ok ok"),
        new("PAGE /daftar", "/daftar", "ok ok ok ok ok ok"),
        new("PAGE /daftar/kirim-ulang", "/daftar/kirim-ulang", "ok ok ok ok ok ok"),
        new("PAGE /konfirmasi-email", "/konfirmasi-email", "ok ok ok ok ok ok"), // a wrong link says so
        new("PAGE /akun", "/akun", "in ok ok ok ok ok"),
        new("PAGE /akun/hapus", "/akun/hapus", "in ok ok ok ok ok"),
        new("PAGE /atur-ulang-sandi", "/atur-ulang-sandi", "ok ok ok ok ok ok"),
        new("PAGE /atur-sandi", "/atur-sandi", "ok ok ok ok ok ok"),

        // Buyers' reviews and questions
        new("PAGE /pesanan/ulasan", "/pesanan/ulasan", "in ok ok ok ok ok"),
        new("PAGE /pesanan/{token}/ulasan/{id:int}", "/pesanan/{orderToken}/ulasan/1", "ok ok ok ok ok ok"), // the sample is a completed guest order; Buyers/GuestReviewTests the rest
        new("PAGE /pesanan/ulasan/{id:int}", "/pesanan/ulasan/{buyerLine}", "in ok 404 404 404 404"), // only the buyer of that completed line
        new("PAGE /produk/{slug}/tanya", "/produk/{listingSlug}/tanya", "ok ok ok ok ok ok"),

        // The makers' workspace: makers only, their own rows only
        new("PAGE /toko-saya", "/toko-saya", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/produk/baru", "/toko-saya/produk/baru", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/produk/{id:int}", "/toko-saya/produk/{listing}", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/produk/{id:int}/ubah", "/toko-saya/produk/{listing}/ubah", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/produk/{id:int}/pratinjau", "/toko-saya/produk/{listing}/pratinjau", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/unggahan/{id:guid}", "/toko-saya/unggahan/00000000-0000-0000-0000-000000000001", "in 403 404 403 403 403"),
        new("PAGE /toko-saya/pesanan", "/toko-saya/pesanan", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/pesanan/{id:int}", "/toko-saya/pesanan/{makerOrder}", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/pendapatan", "/toko-saya/pendapatan", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/ulasan", "/toko-saya/ulasan", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/pertanyaan", "/toko-saya/pertanyaan", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/notifikasi", "/toko-saya/notifikasi", "in 403 ok 403 403 403"),
        new("PAGE /toko-saya/tanpa-sinyal", "/toko-saya/tanpa-sinyal", "in 403 ok 403 403 403"), // the service worker's page for one the phone has not kept
        new("GET /toko-saya/sw.js", "/toko-saya/sw.js", "ok ok ok ok ok ok"), // the workspace's service worker: the same file for everyone
        new("GET /toko-saya/manifest.webmanifest", "/toko-saya/manifest.webmanifest", "ok ok ok ok ok ok"), // fetched without cookies, says nothing of a person
        new("PAGE /toko-saya/kirim-tertunda", "/toko-saya/kirim-tertunda", "401 403 404 403 403 403"), // the offline outbox: posts only; signed out gets 401, not the sign-in page

        // The back office: staff, each in their scope
        new("PAGE /admin", "/admin", "in 403 403 ok ok ok"),
        new("PAGE /admin/moderasi", "/admin/moderasi", "in 403 403 ok ok ok"),
        new("PAGE /admin/moderasi/produk/{id:int}", "/admin/moderasi/produk/{listing}", "in 403 403 ok ok ok"),
        new("PAGE /admin/moderasi/cerita/{id:int}", "/admin/moderasi/cerita/{maker}", "in 403 403 ok ok ok"),
        new("PAGE /admin/moderasi/ulasan", "/admin/moderasi/ulasan", "in 403 403 ok ok ok"),
        new("PAGE /admin/moderasi/ulasan/{id:int}", "/admin/moderasi/ulasan/999999", "in 403 403 404 404 404"), // ReviewTests and the scoping walk open real ones
        new("PAGE /admin/pembuat", "/admin/pembuat", "in 403 403 ok ok ok"),
        new("PAGE /admin/pembuat/undang", "/admin/pembuat/undang", "in 403 403 ok ok ok"),
        new("PAGE /admin/pembuat/{id:int}", "/admin/pembuat/{maker}", "in 403 403 ok ok ok"),
        new("PAGE /admin/pembuat/{id:int}/saldo", "/admin/pembuat/{maker}/saldo", "in 403 403 ok ok ok"),
        new("PAGE /admin/pembuat/{id:int}/kemandirian", "/admin/pembuat/{maker}/kemandirian", "in 403 403 ok ok ok"),
        new("PAGE /admin/kemandirian", "/admin/kemandirian", "in 403 403 ok ok ok"),
        new("PAGE /admin/kemandirian/bapas/{id:int}", "/admin/kemandirian/bapas/{office}", "in 403 403 404 ok ok"), // a mentor sees groups, not offices
        new("PAGE /admin/kemandirian/kelompok/{id:int}", "/admin/kemandirian/kelompok/{group}", "in 403 403 ok ok ok"),
        new("PAGE /admin/pembayaran", "/admin/pembayaran", "in 403 403 ok ok ok"),
        new("PAGE /admin/pesanan", "/admin/pesanan", "in 403 403 ok ok ok"),
        new("PAGE /admin/pesanan/{id:int}", "/admin/pesanan/{staffOrder}", "in 403 403 ok ok ok"),
        new("PAGE /admin/pengembalian", "/admin/pengembalian", "in 403 403 ok ok ok"),
        new("PAGE /admin/target", "/admin/target", "in 403 403 403 ok ok"),
        new("PAGE /admin/kelola", "/admin/kelola", "in 403 403 403 403 ok"),
        new("PAGE /admin/kelola/bapas/{id:int}", "/admin/kelola/bapas/{office}", "in 403 403 403 403 ok"),
        new("PAGE /admin/kelola/kabupaten/{id:int}", "/admin/kelola/kabupaten/{regency}", "in 403 403 403 403 ok"),
        new("PAGE /admin/kelola/kelompok/{id:int}", "/admin/kelola/kelompok/{group}", "in 403 403 403 403 ok"),
        new("PAGE /admin/kelola/program/{id:int}", "/admin/kelola/program/{programme}", "in 403 403 403 403 ok"),
        new("PAGE /admin/kelola/kategori/{id:int}", "/admin/kelola/kategori/{category}", "in 403 403 403 403 ok"),
        new("PAGE /admin/kelola/orang", "/admin/kelola/orang", "in 403 403 403 403 ok"),
        new("PAGE /admin/kelola/orang/{id:guid}", "/admin/kelola/orang/{person}", "in 403 403 403 403 ok"),
        new("PAGE /admin/pengaturan", "/admin/pengaturan", "in 403 403 403 403 ok"),
        new("ANY /admin/jobs/{**path}", "/admin/jobs", "in 403 403 403 403 ok"),
    ];
}
