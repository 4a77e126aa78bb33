using PasKreatif.Catalog;
using PasKreatif.Organisation;

namespace PasKreatif.Demo;

/// <summary>The words the demo generator draws from. Every person's name here is invented.</summary>
static class DemoCatalogue
{
    public sealed record RegencySeed(string Name, decimal Target);
    public sealed record OfficeSeed(string Name, IndonesianZone Zone, RegencySeed[] Regencies, GroupSeed[] Groups);
    public sealed record GroupSeed(string Name, GroupKind Kind, string[] Programmes);
    public sealed record ProgrammeSeed(string Key, string Name, string[] Categories, string Story, string StoryEn);
    public sealed record ProductSeed(string Name, decimal MinPrice, decimal MaxPrice, int WeightGrams);

    public static readonly OfficeSeed[] Offices =
    [
        new("Bapas Purwokerto", IndonesianZone.WIB, [new("Banyumas", 2_300_000), new("Purbalingga", 2_250_000)],
        [
            new("Yayasan Cahaya Harapan Banyumas", GroupKind.Foundation, ["kue", "jahit"]),
            new("Kelompok Usaha Boga Sekar Wangi", GroupKind.Business, ["kue", "daur-ulang"]),
            new("Paguyuban Tani Makmur Purbalingga", GroupKind.Farmers, ["olahan-tani", "kerajinan"]),
        ]),
        new("Bapas Wonosari", IndonesianZone.WIB, [new("Gunungkidul", 2_200_000)],
        [
            new("Kelompok Tani Ngudi Rejeki", GroupKind.Farmers, ["olahan-tani", "kue"]),
            new("Kelompok Konveksi Sido Maju", GroupKind.Business, ["jahit", "las"]),
            new("Paguyuban Karya Handayani", GroupKind.Community, ["kerajinan", "las"]),
        ]),
        new("Bapas Karangasem", IndonesianZone.WITA, [new("Karangasem", 2_900_000), new("Bangli", 2_800_000), new("Klungkung", 2_850_000)],
        [
            new("Kelompok Pembudidaya Ikan Segara Amerta", GroupKind.Fishers, ["ikan", "parsel"]),
            new("Yayasan Dharma Santhi Bangli", GroupKind.Faith, ["parsel", "lukis"]),
            new("Sanggar Seni Giri Asri", GroupKind.Community, ["lukis", "kerajinan"]),
        ]),
        new("Bapas Bandar Lampung", IndonesianZone.WIB, [new("Kota Bandar Lampung", 3_200_000), new("Lampung Selatan", 3_000_000)],
        [
            new("Yayasan Tapis Berdaya", GroupKind.Foundation, ["jahit", "kerajinan"]),
            new("Kelompok Usaha Kopi Way Halim", GroupKind.Business, ["olahan-tani", "kue"]),
            new("Bengkel Las Siger Jaya", GroupKind.Business, ["las", "daur-ulang"]),
        ]),
        new("Bapas Mataram", IndonesianZone.WITA, [new("Kota Mataram", 2_900_000), new("Lombok Barat", 2_800_000)],
        [
            new("Komunitas Sampah Berseri Mataram", GroupKind.Community, ["daur-ulang", "kerajinan"]),
            new("Kelompok Tenun Sasak Bersatu", GroupKind.Business, ["jahit", "parsel"]),
            new("Kelompok Nelayan Pesisir Ampenan", GroupKind.Fishers, ["ikan", "kue"]),
        ]),
    ];

    public static readonly ProgrammeSeed[] Programmes =
    [
        new("kue", "Pelatihan Kue & Camilan", [StandardCategories.Cakes, StandardCategories.ProcessedFood],
            "Peserta belajar membuat kue basah, kue kering dan camilan dari bahan lokal, lalu menjualnya bersama kelompok.",
            "Participants learn to bake cakes, cookies and snacks from local produce and sell them together."),
        new("jahit", "Konveksi & Menjahit", [StandardCategories.Sewing],
            "Dari pola sampai jahitan akhir: peserta membuat busana, tas kain dan seragam pesanan.",
            "From pattern to final stitch: participants make clothing, cloth bags and uniforms to order."),
        new("olahan-tani", "Olahan Hasil Tani", [StandardCategories.ProcessedFood],
            "Hasil kebun diolah menjadi keripik, kopi bubuk, gula semut dan sambal dalam kemasan.",
            "Farm produce becomes chips, ground coffee, palm sugar and bottled sambal."),
        new("ikan", "Budidaya Ikan", [StandardCategories.FreshFish, StandardCategories.ProcessedFood],
            "Kelompok membudidayakan ikan air tawar dan laut, dijual segar atau diolah.",
            "The group farms freshwater and sea fish, sold fresh or processed."),
        new("parsel", "Parsel & Suvenir Dupa", [StandardCategories.Hampers],
            "Parsel hari raya dan suvenir pernikahan dari dupa harum buatan tangan.",
            "Festive hampers and wedding souvenirs of handmade incense."),
        new("lukis", "Sanggar Lukis", [StandardCategories.Paintings],
            "Pelatihan melukis yang melahirkan karya tunggal: setiap lukisan hanya ada satu.",
            "A painting workshop whose works are one of a kind."),
        new("daur-ulang", "Kerajinan Daur Ulang", [StandardCategories.RecycledCrafts, StandardCategories.Handicrafts],
            "Sampah plastik dan kertas diolah menjadi tas, bunga hias dan perabot: nol sampah, penuh karya.",
            "Plastic and paper waste turned into bags, decorative flowers and homeware: zero waste, full of craft."),
        new("kerajinan", "Kerajinan Tangan", [StandardCategories.Handicrafts],
            "Anyaman, ukiran kayu dan aksesori buatan tangan dari bahan setempat.",
            "Weaving, wood carving and handmade accessories from local materials."),
        new("las", "Karya Las", [StandardCategories.Welding],
            "Pelatihan pengelasan: pagar, rak, teralis dan perabot besi dibuat sesuai pesanan.",
            "Welding training: fences, racks, window grilles and iron furniture made to order."),
    ];

    public static readonly Dictionary<string, ProductSeed[]> Products = new()
    {
        [StandardCategories.Cakes] =
        [
            new("Bolu Pandan Kukus", 35_000, 60_000, 600), new("Kue Lapis Legit", 90_000, 180_000, 900),
            new("Nastar Keju", 65_000, 110_000, 500), new("Klepon Gula Aren", 15_000, 30_000, 300),
            new("Brownies Panggang", 45_000, 80_000, 700), new("Donat Kentang", 25_000, 45_000, 500),
            new("Kue Bawang Renyah", 30_000, 55_000, 400),
        ],
        [StandardCategories.ProcessedFood] =
        [
            new("Keripik Singkong Balado", 12_000, 25_000, 250), new("Kopi Bubuk Robusta", 35_000, 75_000, 250),
            new("Gula Semut Aren", 25_000, 45_000, 500), new("Sambal Roa Botol", 30_000, 50_000, 300),
            new("Abon Ikan Tongkol", 35_000, 60_000, 250), new("Emping Melinjo", 30_000, 55_000, 250),
        ],
        [StandardCategories.FreshFish] =
        [
            new("Ikan Nila Segar", 35_000, 55_000, 1000), new("Ikan Lele Segar", 25_000, 38_000, 1000),
            new("Ikan Kerapu", 90_000, 160_000, 1000), new("Ikan Bandeng", 35_000, 50_000, 1000),
        ],
        [StandardCategories.RecycledCrafts] =
        [
            new("Tas Belanja Daur Ulang", 45_000, 120_000, 300), new("Bunga Hias dari Plastik Bekas", 25_000, 75_000, 200),
            new("Dompet Bungkus Kopi", 30_000, 65_000, 100), new("Tempat Pensil Daur Ulang", 15_000, 35_000, 100),
            new("Keranjang Koran Bekas", 40_000, 95_000, 400), new("Tikar Plastik Anyam Daur Ulang", 85_000, 180_000, 1500),
        ],
        [StandardCategories.Handicrafts] =
        [
            new("Tas Anyaman Pandan", 60_000, 150_000, 400), new("Gantungan Kunci Ukir", 10_000, 25_000, 50),
            new("Kotak Tisu Kayu", 45_000, 90_000, 500), new("Gelang Manik-manik", 15_000, 40_000, 50),
            new("Tatakan Gelas Rotan", 25_000, 60_000, 200),
        ],
        [StandardCategories.Sewing] =
        [
            new("Kemeja Batik Pria", 120_000, 250_000, 300), new("Tas Kain Tenun", 75_000, 160_000, 300),
            new("Masker Kain Tiga Lapis", 10_000, 20_000, 50), new("Daster Katun", 60_000, 110_000, 250),
            new("Seragam Sekolah Pesanan", 95_000, 180_000, 350), new("Sarung Bantal Tapis", 55_000, 120_000, 200),
        ],
        [StandardCategories.Hampers] =
        [
            new("Parsel Lebaran Kue Kering", 150_000, 450_000, 2500), new("Suvenir Dupa Wangi Pernikahan", 5_000, 15_000, 60),
            new("Parsel Natal", 175_000, 400_000, 2500), new("Dupa Harum Cendana", 20_000, 45_000, 150),
        ],
        [StandardCategories.Paintings] =
        [
            new("Lukisan Sawah Terasering", 450_000, 2_500_000, 2000), new("Lukisan Penari Bali", 600_000, 3_000_000, 2000),
            new("Lukisan Pantai Senja", 400_000, 1_800_000, 1800), new("Lukisan Gunung Agung", 700_000, 3_500_000, 2500),
        ],
        [StandardCategories.Welding] =
        [
            new("Pagar Besi Minimalis", 1_500_000, 6_000_000, 40_000), new("Rak Besi Serbaguna", 350_000, 900_000, 12_000),
            new("Teralis Jendela", 450_000, 1_200_000, 15_000), new("Meja Besi Lipat", 400_000, 850_000, 10_000),
        ],
    };

    public static readonly string[] Variants = ["", "", "Spesial", "Ukuran Kecil", "Ukuran Besar", "Isi 10", "Edisi Terbatas", "Premium", "Motif Baru", "Warna Alami"];

    public static readonly string[] FirstNames =
    [
        "Sekar", "Wulan", "Ayu", "Rina", "Dewi", "Lestari", "Sari", "Nur", "Tini", "Yuni", "Made", "Nyoman", "Ketut", "Wayan",
        "Putu", "Komang", "Budi", "Joko", "Agus", "Darto", "Slamet", "Rudi", "Hendra", "Yudi", "Eko", "Bayu", "Rahmat", "Fajar",
        "Lalu", "Baiq", "Zainal", "Rizal", "Siti", "Mira", "Indah", "Fitri", "Andi", "Teguh", "Wahyu", "Gede", "Kadek", "Aris",
    ];

    public static readonly string[] LastNames =
    [
        "Wibowo", "Santoso", "Prasetyo", "Lestari", "Hartono", "Saputra", "Pertiwi", "Wijaya", "Kusuma", "Nugroho", "Suryani",
        "Astuti", "Setiawan", "Rahayu", "Permana", "Utami", "Hidayat", "Maharani", "Sudarma", "Arsana", "Hamdani", "Fauzi",
    ];

    public static readonly string[] Aliases = ["Bu", "Pak", "Mbak", "Mas", "Kak", "Bli", "Mbok", "Kang"];

    public static readonly string[] Streets = ["Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Ahmad Yani", "Jl. Pahlawan", "Jl. Melati", "Jl. Kenanga"];
}
