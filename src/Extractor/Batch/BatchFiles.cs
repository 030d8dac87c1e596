using System.Globalization;
using System.Text;
using Extractor.Linking;
using Extractor.Output;
using Extractor.Output.Package;
using Extractor.Output.Parquet;
using Extractor.Rows;

namespace Extractor.Batch;

/// <summary>
/// The batch-level files of an output folder: facts.csv (each document's facts.csv in order,
/// streamed), documents.csv (one line per input, with the manifests' extra columns at the end) and
/// the run state's order.csv (each documents.csv line's position in the whole, unsharded input
/// list, for merging shard outputs); with <c>--format parquet</c> facts.parquet and documents.parquet; and the folder's
/// datapackage.json. All written atomically.
/// </summary>
public static class BatchFiles
{
    public const string Facts = "facts.csv";
    public const string Documents = "documents.csv";
    public const string Order = "order.csv";

    /// <summary>The prefix an extra manifest column gets when its name is already a documents.csv column.</summary>
    public const string ManifestPrefix = "manifest_";

    /// <summary>
    /// The last of the tool's own columns of documents.csv, before the manifests' columns: who published the document
    /// (<see cref="EntityName"/>'s key, or the mapping's) and what it is (部门预算, 单位预算, 部门决算, 单位决算).
    /// </summary>
    public static readonly IReadOnlyList<string> EntityColumns = ["entity_key", "entity_kind"];

    /// <summary>Every column documents.csv has of its own, in order; a manifest's columns follow them.</summary>
    public static IReadOnlyList<string> OwnColumns { get; } = [.. DocumentOutcome.Header, .. EntityColumns];

    public static IReadOnlyList<string> DocumentsHeader(IReadOnlyList<string> extraColumns) =>
        OwnColumns.Concat(extraColumns.Select(c => OwnColumns.Contains(c) ? ManifestPrefix + c : c)).ToList();

    /// <param name="excelSafe">Text cells a spreadsheet would run as a formula get a leading <c>'</c> (<see cref="CsvFormat.Text"/>).</param>
    public static void WriteDocuments(string path, IReadOnlyList<DocumentOutcome> outcomes, IReadOnlyList<BatchInput> inputs, IReadOnlyList<string> extraColumns, EntityMap? entities = null, Encoding? encoding = null, bool excelSafe = false) =>
        AtomicFile.WriteText(path, writer =>
        {
            var resolver = new EntityResolver(entities);
            string T(string text) => CsvFormat.Text(text, excelSafe);
            using var csv = CsvFormat.Open(writer);
            CsvFormat.WriteRow(csv, DocumentsHeader(extraColumns).Select(T));
            for (var i = 0; i < outcomes.Count; i++)
            {
                var o = outcomes[i];
                var entity = o.Failed ? Entity.None : resolver.Resolve(o.DocId, o.Department, o.Scope);
                CsvFormat.WriteRow(csv,
                [
                    T(o.DocId), T(o.Source), o.Status, o.ErrorCode, T(o.Message), o.Pages.ToString(CultureInfo.InvariantCulture),
                    o.TablesFound.ToString(CultureInfo.InvariantCulture), o.ChecksFailed.ToString(CultureInfo.InvariantCulture),
                    o.ChecksWarned.ToString(CultureInfo.InvariantCulture), o.ElapsedMs.ToString(CultureInfo.InvariantCulture),
                    o.IdentityShare, o.ReadingConfidence,
                    o.Coverage.Found.ToString(CultureInfo.InvariantCulture), o.Coverage.Resolved.ToString(CultureInfo.InvariantCulture),
                    o.Coverage.Checked.ToString(CultureInfo.InvariantCulture),
                    T(entity.Key), o.Failed ? string.Empty : EntityScope.EntityKind(entity.Scope, o.Kind),
                    .. extraColumns.Select(c => T(inputs[i].Fields.GetValueOrDefault(c, string.Empty))),
                ]);
            }
            csv.Flush();
        }, encoding);

    /// <summary>
    /// The batch facts.csv: the facts.csv of each listed document folder in order (a doc_id listed
    /// twice only once), streamed, never held in memory.
    /// </summary>
    public static void WriteFacts(string path, IEnumerable<(string Root, string DocId)> documents, Encoding? encoding = null) =>
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
        }, encoding);

    /// <summary>
    /// The files that publish an output folder, written once its documents.csv (and facts.csv) are in place: with
    /// <see cref="OutputFormat.Parquet"/>, facts.parquet (the documents' facts.parquet in order) and documents.parquet;
    /// and always datapackage.json describing the folder's CSV files. <paramref name="documents"/> are the documents'
    /// ids in documents.csv order (failed inputs left out).
    /// </summary>
    public static void WritePublished(string root, IReadOnlyList<string> documents, bool parquet, PackageMetadata package)
    {
        if (parquet)
        {
            ParquetFiles.WriteBatchFacts(Path.Combine(root, ParquetFiles.Facts), documents.Select(d => (root, d)));
            ParquetFiles.WriteDocuments(Path.Combine(root, ParquetFiles.Documents), Path.Combine(root, Documents));
        }
        var descriptor = Path.Combine(root, DataPackageWriter.FileName);
        DataPackageWriter.Write(root, package.Or(PackageMetadata.FromExisting(descriptor)));
    }

    /// <summary>Whether a file starts with a UTF-8 byte order mark (a folder written with <c>--csv-bom</c>).</summary>
    public static bool HasByteOrderMark(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[3];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head.SequenceEqual(Encoding.UTF8.Preamble);
    }

    public static void WriteOrder(string path, IEnumerable<(int Index, string DocId)> rows) =>
        AtomicFile.WriteText(path, writer =>
        {
            using var csv = CsvFormat.Open(writer);
            CsvFormat.WriteRow(csv, ["index", "doc_id"]);
            foreach (var (index, docId) in rows) CsvFormat.WriteRow(csv, [index.ToString(CultureInfo.InvariantCulture), docId]);
            csv.Flush();
        });
}
