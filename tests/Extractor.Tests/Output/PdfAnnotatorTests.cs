using Extractor.Checks;
using Extractor.Output;
using Extractor.Output.Review;
using Extractor.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using Extractor.Arithmetic;

namespace Extractor.Tests.Output;

/// <summary>
/// The annotated PDF: a copy of the source that PdfPig opens and poppler renders, with one note (a text annotation) per
/// failed check on the page it belongs on, and the cells of the check outlined where they are printed.
/// </summary>
public sealed class PdfAnnotatorTests
{
    [Fact]
    public void Opens_with_PdfPig_with_every_page_and_one_note_per_failed_check_on_its_page()
    {
        var document = ReviewFixtures.Seed;
        var failed = ReviewFixtures.Failed(document);
        Assert.Contains(failed, c => c.Id == ReviewFixtures.ThreePublicCheck);

        var annotated = PdfAnnotator.Annotate(ReviewFixtures.SeedPdf, document);

        using var pdf = PdfDocument.Open(annotated);
        Assert.Equal(document.Source.Pages, pdf.NumberOfPages);
        Assert.Contains("收入支出决算总表", string.Concat(pdf.GetPage(2).Letters.Select(l => l.Value)));
        var notes = pdf.GetPages().SelectMany(p => p.GetAnnotations().Where(a => a.Type == AnnotationType.Text).Select(a => (Page: p.Number, Note: a))).ToList();
        Assert.Equal(failed.Count, notes.Count);
        foreach (var check in failed)
        {
            var mine = notes.Where(n => n.Note.Content is { } text && text.Contains($" {check.Id} (fail)", StringComparison.Ordinal)).ToList();
            var note = Assert.Single(mine);
            Assert.Contains(check.Message, note.Note.Content);
            Assert.Contains(note.Page, check.Pages);
        }
        // A narrative check's note sits on the page of the sentence it checks: the “三公” sentence is on page 13, GK09 on page 10.
        var threePublic = failed.Single(c => c.Id == ReviewFixtures.ThreePublicCheck);
        Assert.Equal([10, 13], threePublic.Pages);
        var home = notes.Single(n => n.Note.Content!.Contains(threePublic.Id, StringComparison.Ordinal));
        Assert.Equal(13, home.Page);
        Assert.Contains("全年预算为3万元", home.Note.Content);
        // The note is placed on the page, beside the sentence.
        var page13 = pdf.GetPage(13);
        Assert.InRange(home.Note.Rectangle.Left, 0, page13.Width);
        Assert.InRange(home.Note.Rectangle.Bottom, 0, page13.Height);
    }

    [Fact]
    public void Is_the_same_bytes_for_the_same_document()
    {
        var first = PdfAnnotator.Annotate(ReviewFixtures.SeedPdf, ReviewFixtures.Seed);
        var second = PdfAnnotator.Annotate(ReviewFixtures.SeedPdf, ReviewFixtures.Seed);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Without_failed_checks_is_a_plain_copy_without_notes()
    {
        var document = ReviewFixtures.Seed with { Checks = ReviewFixtures.Seed.Checks.Where(c => c.Status != CheckStatus.Fail).ToList() };
        var annotated = PdfAnnotator.Annotate(ReviewFixtures.SeedPdf, document);
        using var pdf = PdfDocument.Open(annotated);
        Assert.Equal(document.Source.Pages, pdf.NumberOfPages);
        Assert.Empty(pdf.GetPages().SelectMany(p => p.GetAnnotations()));
    }

    [Fact]
    public void Pdftoppm_renders_every_page_and_the_outline_around_the_failed_cell_on_a_plain_page()
    {
        var document = ReviewFixtures.Seed;
        var cell = GK09BudgetTotal(document);
        Assert.Equal(10, cell.Page);
        var image = Render(PdfAnnotator.Annotate(ReviewFixtures.SeedPdf, document), 10);
        var model = document.PageModels.Single(p => p.Number == 10);
        Assert.Equal((int)Math.Round(model.Width), image.Width);
        // At 72 dpi a pixel is a point: the outline runs 1.5 pt outside the cell.
        AssertRedOutline(image, cell.Box, (x, y) => (x, y));
        // Away from any outline the page is not red.
        Assert.False(image.IsRed(5, 5));
    }

    [Fact]
    public void Pdftoppm_shows_the_outline_in_the_right_place_on_a_page_turned_with_Rotate()
    {
        // seed-rotated is seed-calc with /Rotate 90 on page 10: the page model is turned upright (landscape), the page
        // is displayed portrait; a point (x, y) of the model shows at (width − y, x) of the displayed page.
        var document = ReviewFixtures.Rotated;
        var cell = GK09BudgetTotal(document);
        var model = document.PageModels.Single(p => p.Number == 10);
        Assert.True(model.IsLandscape);
        var image = Render(PdfAnnotator.Annotate(ReviewFixtures.RotatedPdf, document), 10);
        Assert.True(image.Height > image.Width, "page 10 of seed-rotated is displayed portrait");
        var displayWidth = image.Width;
        AssertRedOutline(image, cell.Box, (x, y) => (displayWidth - y, x));
    }

    [Fact]
    public void A_document_joined_from_two_files_is_annotated_as_one_pdf_with_its_page_numbers()
    {
        var first = Path.Combine(TestPaths.Fixtures, "seed-html", "seed-html.pdf");
        var second = Path.Combine(TestPaths.Fixtures, "seed-calc", "seed-calc.pdf");
        var document = DocumentExtractor.Default.Extract([(File.ReadAllBytes(first), first), (File.ReadAllBytes(second), second)]);
        int firstPages;
        using (var head = PdfDocument.Open(File.ReadAllBytes(first))) firstPages = head.NumberOfPages;
        Assert.Equal(firstPages + 14, document.Source.Pages);
        var failed = ReviewFixtures.Failed(document);
        Assert.NotEmpty(failed);

        // No bytes given: the writer reads the files the source names, in order.
        var root = ReviewFixtures.TempFolder("joined");
        try
        {
            var folder = DocumentWriter.Write(root, document, OutputFormat.Json, new ReviewOptions { Annotate = true });
            using var pdf = PdfDocument.Open(File.ReadAllBytes(Path.Combine(folder, ReviewOptions.AnnotatedPdfFile)));
            Assert.Equal(document.Source.Pages, pdf.NumberOfPages);
            // The second file's pages follow the first's: its page 2 (seed-calc's GK01) is page firstPages + 2.
            Assert.Contains("收入支出决算总表", string.Concat(pdf.GetPage(firstPages + 2).Letters.Select(l => l.Value)));
            // The document information is the first file's, and says what was added.
            Assert.StartsWith("Skia/PDF", pdf.Information.Producer);
            Assert.EndsWith("failed checks marked by extractor with PdfPig", pdf.Information.Producer);
            var marks = ReviewMarks.For(document, CheckStatus.Fail);
            var notes = pdf.GetPages().SelectMany(p => p.GetAnnotations().Where(a => a.Type == AnnotationType.Text).Select(a => (p.Number, a.Content))).ToList();
            Assert.Equal(marks.Select(m => (m.HomePage, m.Id)).Order(), notes.Select(n => (n.Number, n.Content!.Split(' ')[1])).Order());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static CheckCell GK09BudgetTotal(DocumentResult document)
    {
        var check = document.Checks.Single(c => c.Id == ReviewFixtures.ThreePublicCheck);
        Assert.Equal(CheckStatus.Fail, check.Status);
        var cell = Assert.Single(check.Cells);
        Assert.Equal(("GK09", "合计", CellRole.Figure), (cell.Table, cell.Column, cell.Role));
        return cell;
    }

    /// <summary>The midpoints of the four sides of the outline drawn 1.5 pt around <paramref name="box"/> are red.</summary>
    private static void AssertRedOutline(Ppm image, Box box, Func<double, double, (double X, double Y)> toImage)
    {
        var l = box.Left - 1.5;
        var t = box.Top - 1.5;
        var r = box.Right + 1.5;
        var b = box.Bottom + 1.5;
        var midX = (l + r) / 2;
        var midY = (t + b) / 2;
        // The top side is covered by the label at its left; take it at three quarters.
        (double, double)[] sides = [(l + 0.75 * (r - l), t), (midX, b), (l, midY), (r, midY)];
        foreach (var (x, y) in sides)
        {
            var (ix, iy) = toImage(x, y);
            Assert.True(image.IsRedNear((int)Math.Round(ix), (int)Math.Round(iy), 1), $"no red outline at ({x:0.#}, {y:0.#}) of page space = pixel ({ix:0}, {iy:0})");
        }
        // Inside the cell, away from the outline, the page is not painted red.
        var (cx, cy) = toImage((box.Left + box.Right) / 2, (box.Top + box.Bottom) / 2);
        Assert.False(image.IsRedNear((int)cx, (int)cy, 0), "the cell itself is not filled");
    }

    private static Ppm Render(byte[] pdf, int page)
    {
        var pdftoppm = Prerequisites.Pdftoppm();
        var folder = ReviewFixtures.TempFolder("annotated");
        try
        {
            var input = Path.Combine(folder, "annotated.pdf");
            File.WriteAllBytes(input, pdf);
            // Every page renders (poppler reads the incremental update); the page under test at 72 dpi.
            var all = ReviewFixtures.Run(pdftoppm, ["-r", "10", input, Path.Combine(folder, "all")], TimeSpan.FromSeconds(60));
            Assert.True(all.ExitCode == 0 && !all.Error.Contains("Error", StringComparison.OrdinalIgnoreCase), $"pdftoppm failed: {all.Error}");
            Assert.Equal(ReviewFixtures.Seed.Source.Pages, Directory.GetFiles(folder, "all-*.ppm").Length);
            var one = ReviewFixtures.Run(pdftoppm, ["-r", "72", "-f", $"{page}", "-l", $"{page}", "-singlefile", input, Path.Combine(folder, "page")], TimeSpan.FromSeconds(60));
            Assert.Equal(0, one.ExitCode);
            return Ppm.Read(File.ReadAllBytes(Path.Combine(folder, "page.ppm")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A binary PPM (P6) image, as pdftoppm writes it.</summary>
    private sealed record Ppm(int Width, int Height, byte[] Pixels)
    {
        public static Ppm Read(byte[] bytes)
        {
            var fields = new List<string>();
            var at = 0;
            while (fields.Count < 4)
            {
                while (char.IsWhiteSpace((char)bytes[at])) at++;
                if (bytes[at] == '#') { while (bytes[at] != '\n') at++; continue; }
                var start = at;
                while (!char.IsWhiteSpace((char)bytes[at])) at++;
                fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
            }
            Assert.Equal("P6", fields[0]);
            at++; // the single whitespace after maxval
            return new Ppm(int.Parse(fields[1]), int.Parse(fields[2]), bytes[at..]);
        }

        public bool IsRed(int x, int y)
        {
            if (x < 0 || y < 0 || x >= Width || y >= Height) return false;
            var i = 3 * (y * Width + x);
            return Pixels[i] > 150 && Pixels[i + 1] < 110 && Pixels[i + 2] < 110;
        }

        public bool IsRedNear(int x, int y, int radius)
        {
            for (var dy = -radius; dy <= radius; dy++)
            for (var dx = -radius; dx <= radius; dx++)
                if (IsRed(x + dx, y + dy)) return true;
            return false;
        }
    }
}
