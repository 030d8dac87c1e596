using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Extractor.Output;

/// <summary>RFC 4180 CSV as the contract wants it: UTF-8, comma, quotes only where needed, LF line ends.</summary>
internal static class CsvFormat
{
    public static CsvWriter Open(TextWriter writer) =>
        new(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);

    public static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static void WriteRow(CsvWriter csv, IEnumerable<string> fields)
    {
        foreach (var field in fields) csv.WriteField(field);
        csv.NextRecord();
    }
}
