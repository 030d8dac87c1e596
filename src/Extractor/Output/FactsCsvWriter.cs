using System.Globalization;
using Extractor.Rows;

namespace Extractor.Output;

/// <summary>Writes facts.csv in the contract's column order.</summary>
public static class FactsCsvWriter
{
    /// <param name="excelSafe">Text cells a spreadsheet would run as a formula get a leading <c>'</c> (<see cref="CsvFormat.Text"/>); <c>value</c> never.</param>
    public static void Write(TextWriter writer, IEnumerable<Fact> facts, bool header = true, bool excelSafe = false)
    {
        using var csv = CsvFormat.Open(writer);
        if (header) CsvFormat.WriteRow(csv, Fact.Header);
        foreach (var f in facts) CsvFormat.WriteRow(csv, Cells(f, excelSafe));
        csv.Flush();
    }

    /// <summary>
    /// A fact's cells as facts.csv writes them, in <see cref="Fact.Header"/>'s order; with <paramref name="excelSafe"/> the
    /// text cells made safe to open in a spreadsheet (<see cref="CsvFormat.Text"/>), never the value or the page.
    /// </summary>
    internal static string[] Cells(Fact f, bool excelSafe = false)
    {
        string T(string text) => CsvFormat.Text(text, excelSafe);
        return
        [
            T(f.DocId), T(f.Department), T(f.Year), T(f.Kind), T(f.Table), T(f.Section), T(f.LineNo), T(f.Code), T(f.CodeLevel), T(f.Name),
            T(f.Column), CsvFormat.Amount(f.Value), T(f.Unit), f.Page.ToString(CultureInfo.InvariantCulture),
            T(f.CodePrinted), T(f.NamePrinted), T(f.CodeRepair),
        ];
    }
}
