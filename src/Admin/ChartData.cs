using System.Text.Json;

namespace PasKreatif.Admin;

public sealed record ChartSeries(string Label, IReadOnlyList<decimal> Data);

/// <summary>The numbers a chart draws, as JSON read by wwwroot/js/admin-charts.js; the same numbers stand in a table beside it.</summary>
public static class ChartData
{
    // The default encoder escapes < and >, so the JSON is safe inside a script element.
    public static string Json(string type, IEnumerable<string> labels, params ChartSeries[] series) =>
        JsonSerializer.Serialize(new { type, labels, datasets = series.Select(s => new { label = s.Label, data = s.Data }) });
}
