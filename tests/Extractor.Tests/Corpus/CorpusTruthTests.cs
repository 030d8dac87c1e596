using System.Globalization;
using Extractor.Rows;

namespace Extractor.Tests.Corpus;

/// <summary>
/// Whole tables of real published PDFs against their printed values: for each table an expected file covers
/// (Corpus/Expected/*.csv, written from the page by make_expected.py over pdftotext and checked against the page
/// image, see its README.md), the extractor's facts are exactly those — every amount, code, name, column and page,
/// nothing missing and nothing more.
/// </summary>
public sealed class CorpusTruthTests(CorpusRun corpus) : IClassFixture<CorpusRun>
{
    private static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "Extractor.Tests", "Corpus", "Expected");

    /// <summary>A printed amount as the expected files hold it: everything that identifies it, its value as printed, its page.</summary>
    internal sealed record Truth(string Table, string Section, string LineNo, string Code, string Name, string Column, string Value, string Unit, int Page)
    {
        public override string ToString() =>
            $"{Table} p{Page} {Section}{(LineNo.Length > 0 ? " 行次" + LineNo : "")} {Code} {Name} [{Column}] = {Value} {Unit}".Replace("  ", " ");
    }

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.csv").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file) + ".pdf");
        return data;
    }

    internal static IReadOnlyList<Truth> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("table,section,line_no,code,name,column,value,unit,page", lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            Assert.Equal(9, f.Length);
            return new Truth(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], int.Parse(f[8], CultureInfo.InvariantCulture));
        }).ToList();
    }

    [Fact]
    public void Four_documents_of_both_kinds_with_at_least_three_whole_tables_each()
    {
        var files = Documents().Select(row => (string)row.Data).ToList();
        Assert.True(files.Count >= 4, string.Join(", ", files));
        Assert.True(files.Count(f => f.Contains("-final", StringComparison.Ordinal)) >= 2);
        Assert.True(files.Count(f => f.Contains("-budget", StringComparison.Ordinal)) >= 2);
        foreach (var file in files)
        {
            var truth = Load(Path.Combine(Folder, Path.ChangeExtension(file, ".csv")));
            Assert.True(truth.Select(t => t.Table).Distinct().Count() >= 3, file);
            // Values as printed: a decimal with its printed decimals, no thousands separator.
            Assert.All(truth, t => Assert.Matches(@"^-?\d+\.\d+$", t.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_amount_of_each_table_is_read_as_printed_with_its_code_name_column_and_page(string file)
    {
        var (result, error) = corpus.Get(file);
        Assert.Null(error);
        var expected = Load(Path.Combine(Folder, Path.ChangeExtension(file, ".csv")));
        var problems = Compare(expected, Fact.Of(result!));
        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
    }

    /// <summary>Per table the expected files cover, what is missing from the facts and what the facts hold beyond it.</summary>
    internal static List<string> Compare(IReadOnlyList<Truth> expected, IEnumerable<Fact> facts)
    {
        var tables = expected.Select(t => t.Table).ToHashSet();
        var actual = facts.Where(f => tables.Contains(f.Table)).Select(f => new Truth(f.Table, f.Section, f.LineNo, f.Code, f.Name, f.Column,
            f.Value.ToString(CultureInfo.InvariantCulture), f.Unit, f.Page)).ToList();
        var problems = new List<string>();
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            var want = expected.Where(t => t.Table == table).ToList();
            var got = actual.Where(t => t.Table == table).ToList();
            if (got.Count == 0)
            {
                problems.Add($"{table}: not found");
                continue;
            }
            foreach (var t in Minus(want, got)) problems.Add("missing: " + t);
            foreach (var t in Minus(got, want)) problems.Add("extra:   " + t);
        }
        return problems;
    }

    /// <summary>The multiset difference: a printed amount that appears twice must be read twice.</summary>
    private static List<Truth> Minus(List<Truth> from, List<Truth> take)
    {
        var left = from.ToList();
        foreach (var t in take) left.Remove(t);
        return left;
    }
}
