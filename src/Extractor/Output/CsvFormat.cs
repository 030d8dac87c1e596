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

    /// <summary>
    /// A text cell as written with <c>--excel-safe</c>: a cell a spreadsheet would run as a formula (starting with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a leading <c>'</c>, which spreadsheets
    /// read as "text follows" and do not show. A plain number (<c>-5.00</c>) is left as it is: it runs nothing.
    /// Without <paramref name="excelSafe"/>, the text as it is.
    /// </summary>
    public static string Text(string value, bool excelSafe) => excelSafe && IsFormulaLike(value) ? "'" + value : value;

    internal static bool IsFormulaLike(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);

    public static void WriteRow(CsvWriter csv, IEnumerable<string> fields)
    {
        foreach (var field in fields) csv.WriteField(field);
        csv.NextRecord();
    }
}
