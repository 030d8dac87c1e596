using System.Globalization;
using Extractor.Rows;

namespace Extractor.Output;

/// <summary>Writes facts.csv in the contract's column order.</summary>
public static class FactsCsvWriter
{
    /// <param name="excelSafe">Text cells a spreadsheet would run as a formula get a leading <c>'</c> (<see cref="CsvFormat.Text"/>); <c>value</c> never.</param>
    public static void Write(TextWriter writer, IEnumerable<Fact> facts, bool header = true, bool excelSafe = false)
    {
        string T(string text) => CsvFormat.Text(text, excelSafe);
        using var csv = CsvFormat.Open(writer);
        if (header) CsvFormat.WriteRow(csv, Fact.Header);
        foreach (var f in facts)
        {
            CsvFormat.WriteRow(csv,
            [
                T(f.DocId), T(f.Department), T(f.Year), T(f.Kind), T(f.Table), T(f.Section), T(f.LineNo), T(f.Code), T(f.CodeLevel), T(f.Name),
                T(f.Column), CsvFormat.Amount(f.Value), T(f.Unit), f.Page.ToString(CultureInfo.InvariantCulture),
                T(f.CodePrinted), T(f.NamePrinted), T(f.CodeRepair),
            ]);
        }
        csv.Flush();
    }
}
