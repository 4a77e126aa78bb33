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

    /// <summary>
    /// Rows written to the response as they are read, flushed every few hundred: the first byte leaves at once
    /// and memory stays flat however many rows there are.
    /// </summary>
    public static IActionResult Stream(string fileName, IEnumerable<object?> header, IAsyncEnumerable<IEnumerable<object?>> rows) =>
        new StreamedCsv(fileName, header, rows);

    sealed class StreamedCsv(string fileName, IEnumerable<object?> header, IAsyncEnumerable<IEnumerable<object?>> rows) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
            var ct = context.HttpContext.RequestAborted;
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
            await writer.WriteAsync(string.Join(',', header.Select(Field)) + "\r\n");
            await writer.FlushAsync(ct);
            var count = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                await writer.WriteAsync(string.Join(',', row.Select(Field)) + "\r\n");
                if (++count % 500 == 0) await writer.FlushAsync(ct);
            }
            await writer.FlushAsync(ct);
        }
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
