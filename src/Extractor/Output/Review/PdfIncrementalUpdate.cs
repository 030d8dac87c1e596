using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Extractor.Output.Review;

/// <summary>A note for a page: a PDF annotation dictionary without its <c>/P</c>, as PDF source text.</summary>
internal sealed record PageAnnotation(int Page, string Dictionary);

/// <summary>
/// Adds annotations to a finished PDF as an incremental update (ISO 32000-1 §7.5.6): the new annotation objects, each
/// annotated page's dictionary again with the new ones appended to its <c>/Annots</c>, a cross-reference section for
/// these objects and a trailer pointing back (<c>/Prev</c>) to the previous one. The bytes before stay as they were.
/// PdfPig's document builder writes link annotations only; this is how the notes get in.
/// </summary>
internal static class PdfIncrementalUpdate
{
    public static byte[] Append(byte[] pdf, IReadOnlyList<PageAnnotation> annotations, IReadOnlyList<string> fileId)
    {
        if (annotations.Count == 0) return pdf;
        using var document = PdfDocument.Open(pdf);
        var structure = document.Structure;
        var trailer = structure.Trailer;
        var pages = PageReferences(document);
        var previous = LastStartXref(pdf);

        using var output = new MemoryStream();
        output.Write(pdf);
        if (pdf.Length > 0 && pdf[^1] != '\n') Write(output, "\n");
        var offsets = new SortedDictionary<long, (long Offset, int Generation)>();
        var next = (long)trailer.Size;
        var added = new Dictionary<int, List<IndirectReference>>();

        foreach (var annotation in annotations)
        {
            if (annotation.Page < 1 || annotation.Page > pages.Count) throw new ArgumentOutOfRangeException(nameof(annotations), $"page {annotation.Page} is not in the document");
            var number = next++;
            var page = pages[annotation.Page - 1];
            offsets[number] = (output.Position, 0);
            var dictionary = annotation.Dictionary.TrimEnd();
            if (!dictionary.EndsWith(">>", StringComparison.Ordinal)) throw new ArgumentException("an annotation must be a dictionary", nameof(annotations));
            dictionary = dictionary[..^2] + FormattableString.Invariant($" /P {page.ObjectNumber} {page.Generation} R >>");
            Write(output, FormattableString.Invariant($"{number} 0 obj\n{dictionary}\nendobj\n"));
            if (!added.TryGetValue(annotation.Page, out var list)) added[annotation.Page] = list = [];
            list.Add(new IndirectReference(number, 0));
        }

        foreach (var (pageNumber, references) in added.OrderBy(a => a.Key))
        {
            var reference = pages[pageNumber - 1];
            var dictionary = (DictionaryToken)structure.GetObject(reference).Data;
            var existing = new List<IToken>();
            if (dictionary.TryGet(NameToken.Annots, out var annots))
            {
                if (annots is IndirectReferenceToken indirect) annots = structure.GetObject(indirect.Data).Data;
                if (annots is ArrayToken array) existing.AddRange(array.Data);
            }
            existing.AddRange(references.Select(r => new IndirectReferenceToken(r)));
            offsets[reference.ObjectNumber] = (output.Position, reference.Generation);
            Write(output, FormattableString.Invariant($"{reference.ObjectNumber} {reference.Generation} obj\n"));
            TokenWriter.Instance.WriteToken(dictionary.With(NameToken.Annots, new ArrayToken(existing)), output);
            Write(output, "\nendobj\n");
        }

        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        foreach (var (number, (offset, generation)) in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} {generation:D5} n\r\n");
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {next} /Root {trailer.Root.ObjectNumber} {trailer.Root.Generation} R");
        if (trailer.Info is IndirectReferenceToken { Data: var info }) table.Append(CultureInfo.InvariantCulture, $" /Info {info.ObjectNumber} {info.Generation} R");
        if (fileId.Count == 2) table.Append(CultureInfo.InvariantCulture, $" /ID [<{fileId[0]}> <{fileId[1]}>]");
        table.Append(CultureInfo.InvariantCulture, $" /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    /// <summary>Every page's object, in page order, from the page tree.</summary>
    private static List<IndirectReference> PageReferences(PdfDocument document)
    {
        var structure = document.Structure;
        var result = new List<IndirectReference>();
        if (!structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var root) || root is not IndirectReferenceToken rootReference)
        {
            throw new InvalidOperationException("the PDF has no page tree");
        }
        void Walk(IndirectReference node, int depth)
        {
            if (depth > 64) throw new InvalidOperationException("the page tree is too deep");
            var dictionary = (DictionaryToken)structure.GetObject(node).Data;
            if (dictionary.TryGet(NameToken.Kids, out var kids) && kids is ArrayToken array
                && !(dictionary.TryGet(NameToken.Type, out var type) && type is NameToken { Data: "Page" }))
            {
                foreach (var kid in array.Data.OfType<IndirectReferenceToken>()) Walk(kid.Data, depth + 1);
            }
            else
            {
                result.Add(node);
            }
        }
        Walk(rootReference.Data, 0);
        return result;
    }

    /// <summary>The offset the file's last <c>startxref</c> gives.</summary>
    private static long LastStartXref(byte[] pdf)
    {
        var marker = "startxref"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        if (at < 0) throw new InvalidOperationException("the PDF has no startxref");
        var rest = Encoding.ASCII.GetString(pdf, at + marker.Length, Math.Min(32, pdf.Length - at - marker.Length));
        var digits = new string(rest.TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    /// <summary>A PDF text string: UTF-16BE with its byte order mark, as hex (any script, no escaping).</summary>
    public static string TextString(string text)
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes(text);
        return "<FEFF" + Convert.ToHexString(bytes) + ">";
    }

    /// <summary>A number as PDF source (invariant, at most two decimals).</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
