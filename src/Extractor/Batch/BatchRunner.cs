using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Extractor.Codes;
using Extractor.Output;
using Extractor.Rows;

namespace Extractor.Batch;

/// <summary>
/// Converts a list of inputs one after another into an output folder: a folder per document,
/// then the batch's facts.csv and documents.csv. A failing input becomes a documents.csv row
/// with a stable error code; the batch goes on.
/// </summary>
public sealed class BatchRunner
{
    private readonly DocumentExtractor _extractor;

    public BatchRunner(DocumentExtractor extractor) => _extractor = extractor;

    public IReadOnlyList<DocumentOutcome> Run(IReadOnlyList<string> inputs, BatchOptions options, IProgress<BatchProgress>? progress = null)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var outcomes = new List<DocumentOutcome>(inputs.Count);
        var failed = 0;
        var books = new Dictionary<string, CodeBook>();
        var pending = new List<(int Index, string Year)>();
        foreach (var input in inputs)
        {
            var (outcome, document) = RunOne(input, options, _extractor);
            if (document is not null)
            {
                CollectCodes(document, books);
                if (options.BatchCodeEvidence && HasUnresolved(document)) pending.Add((outcomes.Count, document.Metadata.Year));
            }
            outcomes.Add(outcome);
            if (outcome.Failed) failed++;
            progress?.Report(new BatchProgress(outcomes.Count, inputs.Count, failed, outcome));
        }

        // Second pass: codes still unresolved may be printed in full by another document of the
        // same year. Only the documents that need it are converted again; the book is complete by
        // now, so the result does not depend on the order of the inputs.
        foreach (var (index, year) in pending)
        {
            if (!books.TryGetValue(year, out var book) || book.Count == 0) continue;
            var (outcome, _) = RunOne(inputs[index], options, _extractor.WithRepairer(_extractor.Repairer.WithBatch(book)));
            outcomes[index] = outcome;
        }
        WriteBatchFacts(options, outcomes);
        AtomicFile.WriteText(Path.Combine(options.OutputDirectory, "documents.csv"), w => WriteDocuments(w, outcomes));
        return outcomes;
    }

    private static bool HasUnresolved(DocumentResult document) =>
        document.TemplateTables.Any(t => t.Rows.Any(r => r.CodeRepair == CodeEvidence.Unresolved));

    /// <summary>Codes a document prints in full (not repaired), by fiscal year: batch evidence for the others.</summary>
    private static void CollectCodes(DocumentResult document, Dictionary<string, CodeBook> books)
    {
        if (!books.TryGetValue(document.Metadata.Year, out var book)) books[document.Metadata.Year] = book = new CodeBook();
        foreach (var row in document.TemplateTables.SelectMany(t => t.Rows))
        {
            if (row.CodeRepair == CodeEvidence.None && row.Code.Length > 3) book.Add(row.Code, row.Name);
        }
    }

    private static (DocumentOutcome Outcome, DocumentResult? Document) RunOne(string input, BatchOptions options, DocumentExtractor extractor)
    {
        var clock = Stopwatch.StartNew();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var code = e is FileNotFoundException or DirectoryNotFoundException ? ErrorCodes.NotFound : ErrorCodes.Corrupt;
            return (Failure(DocumentExtractor.DocId(input, new string('0', 64)), input, code,
                code == ErrorCodes.NotFound ? "The input file does not exist; check the path." : $"The input could not be read ({e.Message}).", 0, clock), null);
        }

        var docId = DocumentExtractor.DocId(input, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        try
        {
            using var cancel = new CancellationTokenSource();
            var work = Task.Run(() => extractor.Extract(bytes, input, cancel.Token), cancel.Token);
            if (!work.Wait(options.PerDocumentTimeout))
            {
                cancel.Cancel();
                return (Failure(docId, input, ErrorCodes.Timeout,
                    $"Converting the document took longer than {options.PerDocumentTimeout.TotalSeconds:0} s and was stopped; raise --timeout or report the file.", 0, clock), null);
            }
            var document = work.Result;
            DocumentWriter.Write(options.OutputDirectory, document, options.Format);
            var found = document.TemplateTables.Count();
            var status = document.MissingTables.Count == 0 && found > 0 ? "ok" : "partial";
            var message = status == "ok" ? string.Empty :
                found == 0 ? "No standard table was recognised; see report.md for the tables found." :
                $"Tables not found: {string.Join(", ", document.MissingTables)}; see report.md.";
            var failedChecks = document.Checks.Count(c => c.Status == Checks.CheckStatus.Fail);
            var warnedChecks = document.Checks.Count(c => c.Status == Checks.CheckStatus.Warn);
            return (new DocumentOutcome(docId, input, status, string.Empty, message, document.Source.Pages, found, failedChecks, warnedChecks, clock.ElapsedMilliseconds), document);
        }
        catch (AggregateException e) when (e.InnerException is ExtractionException x)
        {
            return (Failure(docId, input, x.Code, x.Message, 0, clock), null);
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException ?? e;
            return (Failure(docId, input, ErrorCodes.Internal,
                $"The extractor failed on this file ({inner.GetType().Name}: {inner.Message}); please report it with the file." + (Environment.GetEnvironmentVariable("EXTRACTOR_DEBUG") is { Length: > 0 } ? "\n" + inner : ""), 0, clock), null);
        }
    }

    private static DocumentOutcome Failure(string docId, string input, string code, string message, int pages, Stopwatch clock) =>
        new(docId, input, "failed", code, message, pages, 0, 0, 0, clock.ElapsedMilliseconds);

    /// <summary>The batch facts.csv: each converted document's facts.csv in input order, streamed, never held in memory.</summary>
    private static void WriteBatchFacts(BatchOptions options, IReadOnlyList<DocumentOutcome> outcomes)
    {
        if (options.Format == OutputFormat.Json) return;
        AtomicFile.WriteText(Path.Combine(options.OutputDirectory, "facts.csv"), writer =>
        {
            writer.Write(string.Join(",", Fact.Header) + "\n");
            foreach (var outcome in outcomes.Where(o => !o.Failed).DistinctBy(o => o.DocId))
            {
                var path = Path.Combine(options.OutputDirectory, outcome.DocId, "facts.csv");
                if (!File.Exists(path)) continue;
                using var reader = new StreamReader(path, AtomicFile.Utf8);
                reader.ReadLine();
                var buffer = new char[81920];
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, read);
            }
        });
    }

    private static void WriteDocuments(TextWriter writer, IReadOnlyList<DocumentOutcome> outcomes)
    {
        using var csv = CsvFormat.Open(writer);
        CsvFormat.WriteRow(csv, DocumentOutcome.Header);
        foreach (var o in outcomes)
        {
            CsvFormat.WriteRow(csv,
            [
                o.DocId, o.Source, o.Status, o.ErrorCode, o.Message, o.Pages.ToString(CultureInfo.InvariantCulture),
                o.TablesFound.ToString(CultureInfo.InvariantCulture), o.ChecksFailed.ToString(CultureInfo.InvariantCulture),
                o.ChecksWarned.ToString(CultureInfo.InvariantCulture), o.ElapsedMs.ToString(CultureInfo.InvariantCulture),
            ]);
        }
        csv.Flush();
    }
}
