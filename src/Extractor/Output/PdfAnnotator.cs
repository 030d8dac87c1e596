using System.Security.Cryptography;
using System.Text;
using Extractor.Checks;
using Extractor.Output.Review;
using Extractor.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Extractor.Arithmetic;

namespace Extractor.Output;

/// <summary>
/// A copy of the source PDF for a reviewer to send back to the department: every page copied with PdfPig's
/// <see cref="PdfDocumentBuilder"/>, the cells (and narrative sentences) of each failed check outlined in red on their
/// pages with a numbered label, and one note (a PDF text annotation, the sticky note every viewer shows) per failed check
/// on the page it belongs on, holding the check's id, message and quote. PdfPig's builder can copy pages and draw on
/// them but writes no annotation other than links, so the notes are added as an incremental update
/// (<see cref="PdfIncrementalUpdate"/>). The output is the same bytes for the same input and checks.
/// </summary>
public static class PdfAnnotator
{
    private const double Pad = 1.5;

    public static byte[] Annotate(byte[] source, DocumentResult document) => Annotate([source], document);

    /// <summary>
    /// The annotated copy of a document converted from several files joined (narrative and tables published apart):
    /// one PDF with their pages in order, numbered on as the document numbers them.
    /// </summary>
    public static byte[] Annotate(IReadOnlyList<byte[]> parts, DocumentResult document)
    {
        var marks = ReviewMarks.For(document, CheckStatus.Fail);
        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true };
        var sources = new List<PdfDocument>();
        try
        {
            using var builder = new PdfDocumentBuilder();
            var font = builder.AddStandard14Font(Standard14Font.Helvetica);
            var spaces = new Dictionary<int, PageSpace>();
            foreach (var part in parts)
            {
                var pdf = PdfDocument.Open(part, options);
                sources.Add(pdf);
                if (sources.Count == 1) CopyDocumentParts(pdf, builder, bookmarks: parts.Count == 1);
                for (var local = 1; local <= pdf.NumberOfPages; local++)
                {
                    var number = spaces.Count + 1;
                    var page = builder.AddPage(pdf, local, new PdfDocumentBuilder.AddPageOptions { KeepAnnotations = true });
                    var space = spaces[number] = PageSpace.Of(pdf.GetPage(local));
                    foreach (var mark in marks)
                    {
                        var boxes = mark.BoxesOn(number);
                        if (boxes.Count == 0) continue;
                        Outline(page, space, boxes);
                        Label(page, space, boxes[0], mark, font);
                    }
                }
            }
            var copied = builder.Build();

            // PdfPig gives the copy a random file identifier; make it the same for the same input and checks.
            var id = FileId(document, marks);
            copied = WithFileId(copied, id);

            var notes = marks.Select(m =>
            {
                var home = Math.Clamp(m.HomePage, 1, spaces.Count);
                return new PageAnnotation(home, Note(m, spaces[home]));
            }).ToList();
            return PdfIncrementalUpdate.Append(copied, notes, id);
        }
        finally
        {
            foreach (var pdf in sources) pdf.Dispose();
        }
    }

    /// <summary>
    /// What the builder copies only when told: the document information (title, author …) and the bookmarks (of a
    /// single file: a second file's would point at the wrong pages).
    /// </summary>
    private static void CopyDocumentParts(PdfDocument pdf, PdfDocumentBuilder builder, bool bookmarks)
    {
        var info = pdf.Information;
        builder.DocumentInformation.Title = info.Title;
        builder.DocumentInformation.Author = info.Author;
        builder.DocumentInformation.Subject = info.Subject;
        builder.DocumentInformation.Keywords = info.Keywords;
        builder.DocumentInformation.Creator = info.Creator;
        builder.DocumentInformation.CreationDate = info.CreationDate;
        builder.DocumentInformation.Producer = (info.Producer is { Length: > 0 } producer ? producer + "; " : "") + "failed checks marked by extractor with PdfPig";
        try
        {
            // Bookmarks point at page numbers, which the copy keeps (every page, in order).
            if (bookmarks && pdf.TryGetBookmarks(out var outline)) builder.Bookmarks = outline;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken outline is not worth the copy: it goes without bookmarks.
        }
    }

    private static void Outline(PdfPageBuilder page, PageSpace space, IReadOnlyList<Box> boxes)
    {
        page.SetStrokeColor(220, 20, 20);
        foreach (var box in boxes)
        {
            var r = space.ToUser(new Box(box.Left - Pad, box.Top - Pad, box.Right + Pad, box.Bottom + Pad));
            page.DrawRectangle(new PdfPoint(r.Left, r.Bottom), r.Width, r.Height, 1.2, fill: false);
        }
        page.ResetColor();
    }

    /// <summary>"[1] narrative.GK09.total_budget" in a small box above the first outlined box (ASCII: the built-in font has no CJK).</summary>
    private static void Label(PdfPageBuilder page, PageSpace space, Box anchor, CheckMark mark, PdfDocumentBuilder.AddedFont font)
    {
        if (!space.UserTextIsUpright) return; // text would come out sideways on this page; the outline and the note say enough
        var text = $"[{mark.Number}] {Ascii(mark.Id)}";
        const double size = 6.5;
        var width = MeasureWidth(page, text, size, font) + 4;
        var box = new Box(anchor.Left - Pad, anchor.Top - Pad - size - 4, anchor.Left - Pad + width, anchor.Top - Pad);
        var r = space.ToUser(box);
        // Keep the label on the page: shift it left from the right edge, down from the top.
        var visible = space.Visible;
        var dx = r.Right > visible.Right ? visible.Right - r.Right : r.Left < visible.Left ? visible.Left - r.Left : 0;
        var dy = r.Top > visible.Top ? visible.Top - r.Top : 0;
        r = new PdfRectangle(r.Left + dx, r.Bottom + dy, r.Right + dx, r.Top + dy);
        page.SetStrokeColor(220, 20, 20);
        page.SetTextAndFillColor(255, 255, 255);
        page.DrawRectangle(new PdfPoint(r.Left, r.Bottom), r.Width, r.Height, 0.8, fill: true);
        page.ResetColor();
        page.ResetColor();
        page.SetTextAndFillColor(200, 0, 0);
        page.AddText(text, size, new PdfPoint(r.Left + 2, r.Bottom + 2.2), font);
        page.ResetColor();
    }

    private static double MeasureWidth(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters.Max(l => l.EndBaseLine.X) - letters.Min(l => l.StartBaseLine.X);
    }

    /// <summary>The note: a text annotation beside the anchor (or in the page's top-left corner), its content the check in full.</summary>
    private static string Note(CheckMark mark, PageSpace space)
    {
        const double icon = 18;
        var anchor = mark.Anchor;
        var corner = anchor is { } a ? space.ToUser(a.Right + 3, a.Top) : space.ToUser(36, 36);
        var visible = space.Visible;
        var x = Math.Clamp(corner.X, visible.Left, visible.Right - icon);
        var y = Math.Clamp(corner.Y - icon, visible.Bottom, visible.Top - icon);
        var check = mark.Check;
        var content = new StringBuilder()
            .Append($"[{mark.Number}] {check.Id} ({check.Status})")
            .Append('\n').Append(check.Message);
        if (check.Quote is { Length: > 0 } quote) content.Append("\n“").Append(quote).Append('”');
        if (check.Pages.Count > 0) content.Append("\npages ").Append(string.Join(", ", check.Pages));
        return "<< /Type /Annot /Subtype /Text"
            + $" /Rect [{N(x)} {N(y)} {N(x + icon)} {N(y + icon)}]"
            + $" /Contents {PdfIncrementalUpdate.TextString(content.ToString())}"
            + $" /T {PdfIncrementalUpdate.TextString("Extractor")}"
            + $" /Subj {PdfIncrementalUpdate.TextString("Consistency check failed")}"
            + $" /NM {PdfIncrementalUpdate.TextString(check.Id)}"
            + " /Name /Comment /C [0.86 0.08 0.08] /F 4 /Open false >>";
    }

    private static string N(double value) => PdfIncrementalUpdate.Number(value);

    private static string Ascii(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c : '?'));

    /// <summary>Two 16-byte identifiers from the source's SHA-256 and the checks marked.</summary>
    private static IReadOnlyList<string> FileId(DocumentResult document, IReadOnlyList<CheckMark> marks)
    {
        var first = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.Source.Sha256)))[..32];
        var second = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.Source.Sha256 + "|" + string.Join("|", marks.Select(m => m.Id + ":" + m.Check.Message)))))[..32];
        return [first, second];
    }

    /// <summary>Overwrites the two 32-digit identifiers of the builder's trailer (same length, so no offset moves).</summary>
    private static byte[] WithFileId(byte[] pdf, IReadOnlyList<string> id)
    {
        var text = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 1024), Math.Min(1024, pdf.Length));
        var match = System.Text.RegularExpressions.Regex.Match(text, @"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]", System.Text.RegularExpressions.RegexOptions.RightToLeft);
        if (!match.Success) return pdf;
        var copy = (byte[])pdf.Clone();
        var start = Math.Max(0, pdf.Length - 1024);
        Encoding.ASCII.GetBytes(id[0]).CopyTo(copy, start + match.Groups[1].Index);
        Encoding.ASCII.GetBytes(id[1]).CopyTo(copy, start + match.Groups[2].Index);
        return copy;
    }
}
