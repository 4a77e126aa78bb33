using System.Diagnostics;
using NetVips;
using PasKreatif.Media;

// Times PhotoPipeline on a generated 12-megapixel phone-like JPEG and reports time and peak memory.
// Targets: under 1.5 s per photo and under 300 MB peak. Usage: dotnet run -c Release --project bench/photos [runs]
var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5;
var root = Path.Combine(Path.GetTempPath(), $"pk-bench-photos-{Environment.ProcessId}");
var photo = TwelveMegapixelJpeg();
Console.WriteLine($"input: 4000x3000 JPEG, {photo.Length / 1024} KB; runs: {runs}");
var baseline = Process.GetCurrentProcess().WorkingSet64;

var pipeline = new PhotoPipeline(new FileSystemMediaStore(new MediaOptions { Root = root }));
var times = new List<double>();
try
{
    for (var i = 0; i < runs; i++)
    {
        // A trailing byte after the end marker (as some phones add) makes each run a new hash and a full store.
        var copy = photo.Append((byte)i).ToArray();
        var watch = Stopwatch.StartNew();
        await pipeline.StoreAsync(copy);
        watch.Stop();
        times.Add(watch.Elapsed.TotalMilliseconds);
        Console.WriteLine($"run {i + 1}: {watch.Elapsed.TotalMilliseconds:0} ms");
    }
}
finally
{
    if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
}

using var self = Process.GetCurrentProcess();
self.Refresh();
var peakMb = self.PeakWorkingSet64 / (1024.0 * 1024);
var warm = times.Skip(1).DefaultIfEmpty(times[0]).ToList();
var median = warm.Order().ElementAt(warm.Count / 2);
Console.WriteLine($"first run: {times[0]:0} ms; warm median: {median:0} ms; best: {times.Min():0} ms; worst: {times.Max():0} ms");
// Shared build machines are noisy: the load average says how much the figures can be trusted.
if (File.Exists("/proc/loadavg")) Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
Console.WriteLine($"peak working set: {peakMb:0} MB (process, baseline before runs {baseline / (1024.0 * 1024):0} MB)");
var ok = median < 1500 && peakMb < 300;
Console.WriteLine(ok ? "within targets (warm median under 1.5 s, peak under 300 MB)" : "OUTSIDE targets (warm median under 1.5 s, peak under 300 MB)");
return ok ? 0 : 1;

static byte[] TwelveMegapixelJpeg()
{
    // Smooth gradients plus fine sine detail: compresses like a real photo, not like a flat colour.
    using var xyz = Image.Xyz(4000, 3000);
    using var r = (xyz[0] * 255 / 4000).Cast(Enums.BandFormat.Uchar);
    using var g = (xyz[1] * 255 / 3000).Cast(Enums.BandFormat.Uchar);
    using var detail = (Image.Sines(4000, 3000, hfreq: 300, vfreq: 200) * 60 + 128).Cast(Enums.BandFormat.Uchar);
    using var rgb = r.Bandjoin(g, detail);
    using var tagged = rgb.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
    return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
}
