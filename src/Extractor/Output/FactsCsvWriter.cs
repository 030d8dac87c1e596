using System.Globalization;
using Extractor.Rows;

namespace Extractor.Output;

/// <summary>Writes facts.csv in the contract's column order.</summary>
public static class FactsCsvWriter
{
    public static void Write(TextWriter writer, IEnumerable<Fact> facts, bool header = true)
    {
        using var csv = CsvFormat.Open(writer);
        if (header) CsvFormat.WriteRow(csv, Fact.Header);
        foreach (var f in facts) CsvFormat.WriteRow(csv, Cells(f));
        csv.Flush();
    }

    /// <summary>A fact's cells as facts.csv writes them, in <see cref="Fact.Header"/>'s order.</summary>
    internal static string[] Cells(Fact f) =>
    [
        f.DocId, f.Department, f.Year, f.Kind, f.Table, f.Section, f.LineNo, f.Code, f.CodeLevel, f.Name,
        f.Column, CsvFormat.Amount(f.Value), f.Unit, f.Page.ToString(CultureInfo.InvariantCulture),
        f.CodePrinted, f.NamePrinted, f.CodeRepair,
    ];
}
