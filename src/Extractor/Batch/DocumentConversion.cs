using System.Diagnostics;
using Extractor.Codes;
using Extractor.Output;

namespace Extractor.Batch;

/// <summary>What the batch needs to convert one input, whichever process does it.</summary>
/// <param name="Path">The local file to read.</param>
/// <param name="Source">The input as listed (a path or URL): documents.csv's <c>source</c>, and the doc_id's name.</param>
/// <param name="Sha256">The content's SHA-256 as the batch read it; a file that changed since is refused.</param>
/// <param name="BatchCodes">The batch's codes for the document's year (<c>[code, name]</c> in ordinal order), or null: none.</param>
internal sealed record ConversionRequest(string Path, string Source, string Sha256, IReadOnlyList<string[]>? BatchCodes = null)
{
    public string DocId => DocumentExtractor.DocId(Source, Sha256);
}

/// <summary>How documents are written: the batch's options that reach a conversion.</summary>
internal sealed record ConversionSettings(
    string OutputDirectory, OutputFormat Format, bool Html, bool Annotate, bool Reproducible, bool ExcelSafe, bool BatchCodeEvidence, TimeSpan Timeout,
    bool CsvBom = false)
{
    public static ConversionSettings Of(BatchOptions options) => new(
        options.OutputDirectory, options.Format, options.Html, options.Annotate, options.Reproducible, options.ExcelSafe,
        options.BatchCodeEvidence, options.PerDocumentTimeout, options.CsvBom);
}

/// <summary>
/// The outcome of one conversion (elapsed time not yet set: the batch measures it) and, for a document that was written,
/// what the batch keeps of it: its year, the codes it prints in full, whether some code was left unresolved.
/// </summary>
internal sealed record ConversionResult(DocumentOutcome Outcome, string Year = "", bool Unresolved = false, IReadOnlyList<string[]>? Codes = null)
{
    public bool Written => !Outcome.Failed;
}

/// <summary>
/// Converts one document and writes its folder, within its time limit: the same code in this process and in a worker
/// process (<see cref="WorkerHost"/>), so both write the same bytes. The limit counts the writing too (report.html and
/// annotated.pdf can take longer than the conversion): the work is told to stop when the time is up (between pages,
/// between files written), and a document done past its limit is reported as <c>timeout</c> and its folder not swapped
/// in, so the result depends on the time the document took, not on when a timer fired. Every failure becomes an
/// outcome; only cancellation by the caller throws.
/// </summary>
internal static class DocumentConversion
{
    public static ConversionResult Run(DocumentExtractor extractor, byte[] bytes, ConversionRequest request, ConversionSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var docId = request.DocId;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.Timeout);
        void ThrowIfOverTime()
        {
            if (clock.Elapsed > settings.Timeout) throw new TimeoutException();
            cancellationToken.ThrowIfCancellationRequested();
            if (limit.IsCancellationRequested) throw new TimeoutException();
        }

        try
        {
            if (request.BatchCodes is { } codes)
            {
                var book = new CodeBook();
                foreach (var pair in codes) book.Add(pair[0], pair[1]);
                extractor = extractor.WithRepairer(extractor.Repairer.WithBatch(book));
            }
            DocumentResult document;
            try
            {
                document = extractor.Extract(bytes, request.Source, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException();
            }
            ThrowIfOverTime();
            if (settings.Reproducible) document = document with { StageTimes = document.StageTimes.ToDictionary(t => t.Key, _ => TimeSpan.Zero) };

            var outcome = DocumentOutcome.Converted(document, request.Source, 0).Of(document);

            try
            {
                DocumentWriter.Write(settings.OutputDirectory, document, settings.Format,
                    new ReviewOptions { Html = settings.Html, Annotate = settings.Annotate, SourcePdf = settings.Annotate ? bytes : null },
                    settings.ExcelSafe, limit.Token, beforeSwap: ThrowIfOverTime, csvBom: settings.CsvBom);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException();
            }
            return new ConversionResult(outcome, document.Metadata.Year,
                settings.BatchCodeEvidence && document.TemplateTables.Any(t => t.Rows.Any(r => r.CodeRepair == CodeEvidence.Unresolved)),
                BatchCodeBooks.CodesOf(document));
        }
        catch (TimeoutException)
        {
            return new ConversionResult(TimedOut(docId, request.Source, settings.Timeout));
        }
        catch (ExtractionException x)
        {
            return new ConversionResult(Failure(docId, request.Source, x.Code, x.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not the document's fault: the output could not be written.
            return new ConversionResult(Failure(UnknownDocId(request.Source), request.Source, ErrorCodes.Internal,
                $"Converting or writing this input failed ({e.GetType().Name}: {e.Message}); check the output folder's disk and rerun, or report it with the file."));
        }
        catch (Exception e) when (e is not OutOfMemoryException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            return new ConversionResult(Failure(docId, request.Source, ErrorCodes.Internal,
                $"The extractor failed on this file ({e.GetType().Name}: {e.Message}); please report it with the file." + (Environment.GetEnvironmentVariable("EXTRACTOR_DEBUG") is { Length: > 0 } ? "\n" + e : "")));
        }
    }

    public static DocumentOutcome TimedOut(string docId, string source, TimeSpan timeout) => Failure(docId, source, ErrorCodes.Timeout,
        $"Converting the document took longer than {timeout.TotalSeconds:0.###} s and was stopped; raise --timeout or report the file.");

    /// <summary>A document stopped at the memory limit of its worker (<c>--max-memory</c>).</summary>
    public static DocumentOutcome TooLarge(string docId, string source, long limitBytes) => Failure(docId, source, ErrorCodes.TooLarge,
        $"Converting the document needed more than {limitBytes / (1024 * 1024)} MB of memory (--max-memory) and was stopped; raise --max-memory if the machine has room, or report the file.");

    public static DocumentOutcome Failure(string docId, string source, string code, string message) =>
        new(docId, source, "failed", code, message, 0, 0, 0, 0, 0);

    /// <summary>The doc_id of an input whose content is unknown (not found, not downloaded).</summary>
    public static string UnknownDocId(string source) => DocumentExtractor.DocId(source, new string('0', 64));
}
