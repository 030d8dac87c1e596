using Extractor.Output.Parquet;
using Extractor.Output.Xlsx;
using Extractor.Rows;

namespace Extractor.Output;

/// <summary>
/// Writes one document's folder (document.json, facts.csv, tables/*.csv, facts.parquet, the workbook, report.md, and
/// when asked report.html and annotated.pdf), built in a temporary folder and swapped in whole.
/// </summary>
public static class DocumentWriter
{
    public static string Write(string outputRoot, DocumentResult document, OutputFormat format) =>
        Write(outputRoot, document, format, ReviewOptions.None);

    /// <summary>
    /// As <see cref="Write(string, DocumentResult, OutputFormat)"/>, plus the review files <paramref name="review"/> asks
    /// for. An annotated PDF that cannot be made (no source bytes, a PDF PdfPig cannot copy) costs the document nothing:
    /// report.html says why, and the rest is written.
    /// </summary>
    public static string Write(string outputRoot, DocumentResult document, OutputFormat format, ReviewOptions review) =>
        Write(outputRoot, document, format, review, excelSafe: false);

    /// <summary>
    /// As <see cref="Write(string, DocumentResult, OutputFormat, ReviewOptions)"/>, with the CSV files made safe to open in a
    /// spreadsheet when <paramref name="excelSafe"/> (<see cref="CsvFormat.Text"/>) and started with a UTF-8 byte order mark
    /// when <paramref name="csvBom"/> (<c>--csv-bom</c>, for Excel). Cancelling stops the writing between files and before
    /// the folder is swapped in: a conversion stopped at its time limit leaves nothing behind. <paramref name="beforeSwap"/>
    /// runs once everything is written, just before the swap; what it throws abandons the folder.
    /// </summary>
    /// <exception cref="InvalidDataException">the document's doc_id is not one the extractor makes (<see cref="DocumentFolder"/>).</exception>
    public static string Write(string outputRoot, DocumentResult document, OutputFormat format, ReviewOptions review, bool excelSafe,
        CancellationToken cancellationToken = default, Action? beforeSwap = null, bool csvBom = false)
    {
        var folder = DocumentFolder.PathOf(outputRoot, document.DocId);
        var csvEncoding = csvBom ? AtomicFile.Utf8Bom : AtomicFile.Utf8;
        AtomicFile.ReplaceDirectory(folder, temporary =>
        {
            if (format.Has(OutputFormat.Json))
            {
                AtomicFile.WriteInStagedFolder(Path.Combine(temporary, "document.json"), s => DocumentJsonWriter.Write(s, document));
            }
            if (format.Has(OutputFormat.Csv))
            {
                cancellationToken.ThrowIfCancellationRequested();
                AtomicFile.WriteTextInStagedFolder(Path.Combine(temporary, "facts.csv"), w => FactsCsvWriter.Write(w, Fact.Of(document), excelSafe: excelSafe), csvEncoding);
                foreach (var table in document.Tables)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    AtomicFile.WriteTextInStagedFolder(Path.Combine(temporary, "tables", table.Id + ".csv"), w => TableCsvWriter.Write(w, table, excelSafe), csvEncoding);
                }
                AtomicFile.WriteInStagedFolder(Path.Combine(temporary, Package.DataPackageWriter.FileName), s => Package.DataPackageWriter.WriteDocument(s, document));
            }
            if (format.Has(OutputFormat.Parquet))
            {
                AtomicFile.WriteInStagedFolder(Path.Combine(temporary, ParquetFiles.Facts), s => ParquetFiles.WriteFacts(s, Fact.Of(document)));
            }
            if (format.Has(OutputFormat.Xlsx))
            {
                AtomicFile.WriteInStagedFolder(Path.Combine(temporary, WorkbookWriter.FileName(document)), s => WorkbookWriter.Write(s, document));
            }
            cancellationToken.ThrowIfCancellationRequested();
            AtomicFile.WriteTextInStagedFolder(Path.Combine(temporary, "report.md"), w => ReportMarkdownWriter.Write(w, document));
            cancellationToken.ThrowIfCancellationRequested();
            WriteReview(temporary, document, format, review);
            cancellationToken.ThrowIfCancellationRequested();
            beforeSwap?.Invoke();
        });
        return folder;
    }

    private static void WriteReview(string folder, DocumentResult document, OutputFormat format, ReviewOptions review)
    {
        string? annotated = null;
        string? error = null;
        if (review.Annotate)
        {
            try
            {
                var parts = SourceParts(document, review);
                AtomicFile.Write(Path.Combine(folder, ReviewOptions.AnnotatedPdfFile), s => s.Write(PdfAnnotator.Annotate(parts, document)));
                annotated = ReviewOptions.AnnotatedPdfFile;
            }
            catch (Exception e) when (e is not OperationCanceledException and not IOException and not UnauthorizedAccessException and not OutOfMemoryException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }
        }
        if (review.Html)
        {
            var links = new Html.ReviewPageLinks
            {
                Json = format.Has(OutputFormat.Json),
                Csv = format.Has(OutputFormat.Csv),
                AnnotatedPdf = annotated,
                AnnotatedPdfError = error,
            };
            AtomicFile.WriteText(Path.Combine(folder, ReviewOptions.HtmlFile), w => Html.ReviewPageWriter.Write(w, document, links));
        }
    }

    /// <summary>
    /// The source PDF (or the files of a joined document, in order): the bytes given, else the local files the document was
    /// read from; checked against the document's SHA-256 (that of the files' bytes in order).
    /// </summary>
    private static IReadOnlyList<byte[]> SourceParts(DocumentResult document, ReviewOptions review)
    {
        var parts = review.SourcePdfParts
            ?? (review.SourcePdf is { } bytes ? (IReadOnlyList<byte[]>)[bytes] : null)
            ?? document.Source.Path.Split(" + ").Select(path => File.Exists(path) ? File.ReadAllBytes(path)
                : throw new InvalidOperationException($"the source PDF was not given and {path} is not a local file")).ToList();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var part in parts) hash.AppendData(part);
        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != document.Source.Sha256)
        {
            throw new InvalidOperationException("the source PDF given is not the one the document was converted from (its SHA-256 differs)");
        }
        return parts;
    }
}
