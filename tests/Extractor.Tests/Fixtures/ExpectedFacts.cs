using System.Globalization;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// The hand-checked facts of a fixture (fixtures/expected/*.csv, written from the seed document by
/// an independent script and reviewed), with the page of each table from the fixture's pages.csv.
/// </summary>
internal sealed record ExpectedFact(
    string Table, string Section, string LineNo, string Code, string CodeLevel, string Name,
    string CodePrinted, string NamePrinted, string Column, decimal Value, string Unit)
{
    /// <summary>What identifies a fact in a document, independent of repair.</summary>
    public (string, string, string, string, string, string) Key => (Table, Section, LineNo, CodePrinted, NamePrinted, Column);

    public static IReadOnlyList<ExpectedFact> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return new ExpectedFact(f[Col("table")], f[Col("section")], f[Col("line_no")], f[Col("code")], f[Col("code_level")],
                f[Col("name")], f[Col("code_printed")], f[Col("name_printed")], f[Col("column")],
                decimal.Parse(f[Col("value")], CultureInfo.InvariantCulture), f[Col("unit")]);
        }).ToList();
    }

    /// <summary>A fixture's pages.csv: each table and the pages its body is printed on (<c>5;6</c> for two).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<int>> LoadPages(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (IReadOnlyList<int>)f[1].Split(';').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList());
}
