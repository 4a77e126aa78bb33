using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace PasKreatif.Admin;

/// <summary>A table as CSV that a spreadsheet opens as it is: UTF-8 with a byte-order mark, CRLF lines, fields quoted when needed.</summary>
public static class CsvFile
{
    public static FileContentResult Result(string fileName, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            Money m => m.Amount.ToString("0", CultureInfo.InvariantCulture), // plain numbers, so the spreadsheet can sum them
            DateOnly d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // A leading =, +, - or @ would be run as a formula by the spreadsheet.
        if (text.Length > 0 && "=+-@".Contains(text[0]) && value is string) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n', ';']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
