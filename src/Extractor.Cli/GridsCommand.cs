using Extractor;
using Extractor.Codes;
using Extractor.Pdf;
using Extractor.Tables;
using static Extractor.Cli.CommandLine;

namespace Extractor.Cli;

/// <summary><c>extractor grids</c>: print the table grids the detector finds, for diagnosis.</summary>
internal static class GridsCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0) return Fail(stderr, "grids needs a PDF file.");
        var only = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 0;
        IReadOnlyList<PageModel> pages;
        try
        {
            pages = PdfDocumentReader.Instance.Read(File.ReadAllBytes(args[0]));
        }
        catch (ExtractionException e)
        {
            stderr.WriteLine($"{e.Code}: {e.Message}");
            return SomeInputsFailed;
        }
        var layouts = pages.Select(p => Recognition.PageLayout.Build(p, LatticeDetector.Instance.Detect(p))).ToList();
        foreach (var layout in Recognition.StreamTableFinder.Default.AddStreamTables(layouts).Where(l => only == 0 || l.Page.Number == only))
        {
            foreach (var grid in layout.Grids)
            {
                stdout.WriteLine(grid);
                stdout.WriteLine($"  row edges: {string.Join(" ", grid.RowEdges.Select(e => e.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)))}");
                stdout.WriteLine($"  column edges: {string.Join(" ", grid.ColumnEdges.Select(e => e.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)))}");
                for (var r = 0; r < grid.Rows; r++)
                {
                    stdout.WriteLine(string.Join(" | ", Enumerable.Range(0, grid.Columns).Select(c =>
                    {
                        var cell = grid.At(r, c);
                        return cell is null ? "?" : cell.Row == r && cell.Column == c ? cell.Text : "^";
                    })));
                }
            }
        }
        return Success;
    }
}
