using System.Globalization;
using Extractor.Output;
using Extractor.Rows;

namespace Extractor.Batch;

/// <summary>
/// The batch-level files of an output folder: facts.csv (each document's facts.csv in order,
/// streamed), documents.csv (one line per input, with the manifests' extra columns at the end) and
/// the run state's order.csv (each documents.csv line's position in the whole, unsharded input
/// list, for merging shard outputs). All written atomically.
/// </summary>
public static class BatchFiles
{
    public const string Facts = "facts.csv";
    public const string Documents = "documents.csv";
    public const string Order = "order.csv";

    /// <summary>The prefix an extra manifest column gets when its name is already a documents.csv column.</summary>
    public const string ManifestPrefix = "manifest_";

    public static IReadOnlyList<string> DocumentsHeader(IReadOnlyList<string> extraColumns) =>
        DocumentOutcome.Header.Concat(extraColumns.Select(c => DocumentOutcome.Header.Contains(c) ? ManifestPrefix + c : c)).ToList();

    /// <param name="excelSafe">Text cells a spreadsheet would run as a formula get a leading <c>'</c> (<see cref="CsvFormat.Text"/>).</param>
    public static void WriteDocuments(string path, IReadOnlyList<DocumentOutcome> outcomes, IReadOnlyList<BatchInput> inputs, IReadOnlyList<string> extraColumns, bool excelSafe = false) =>
        AtomicFile.WriteText(path, writer =>
        {
            string T(string text) => CsvFormat.Text(text, excelSafe);
            using var csv = CsvFormat.Open(writer);
            CsvFormat.WriteRow(csv, DocumentsHeader(extraColumns).Select(T));
            for (var i = 0; i < outcomes.Count; i++)
            {
                var o = outcomes[i];
                CsvFormat.WriteRow(csv,
                [
                    T(o.DocId), T(o.Source), o.Status, o.ErrorCode, T(o.Message), o.Pages.ToString(CultureInfo.InvariantCulture),
                    o.TablesFound.ToString(CultureInfo.InvariantCulture), o.ChecksFailed.ToString(CultureInfo.InvariantCulture),
                    o.ChecksWarned.ToString(CultureInfo.InvariantCulture), o.ElapsedMs.ToString(CultureInfo.InvariantCulture),
                    .. extraColumns.Select(c => T(inputs[i].Fields.GetValueOrDefault(c, string.Empty))),
                ]);
            }
            csv.Flush();
        });

    /// <summary>
    /// The batch facts.csv: the facts.csv of each listed document folder in order (a doc_id listed
    /// twice only once), streamed, never held in memory.
    /// </summary>
    public static void WriteFacts(string path, IEnumerable<(string Root, string DocId)> documents) =>
        AtomicFile.WriteText(path, writer =>
        {
            writer.Write(string.Join(",", Fact.Header) + "\n");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var buffer = new char[81920];
            foreach (var (root, docId) in documents)
            {
                if (!seen.Add(docId)) continue;
                var facts = Path.Combine(DocumentFolder.PathOf(root, docId), Facts);
                if (!File.Exists(facts)) continue;
                using var reader = new StreamReader(facts, AtomicFile.Utf8);
                reader.ReadLine();
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, read);
            }
        });

    public static void WriteOrder(string path, IEnumerable<(int Index, string DocId)> rows) =>
        AtomicFile.WriteText(path, writer =>
        {
            using var csv = CsvFormat.Open(writer);
            CsvFormat.WriteRow(csv, ["index", "doc_id"]);
            foreach (var (index, docId) in rows) CsvFormat.WriteRow(csv, [index.ToString(CultureInfo.InvariantCulture), docId]);
            csv.Flush();
        });
}
