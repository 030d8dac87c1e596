using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Extractor.Rows;

namespace Extractor.Output.Parquet;

/// <summary>
/// The Parquet files of an output folder (<c>--format parquet</c>): each document's facts.parquet, and the batch's
/// facts.parquet (the documents' files concatenated in input order, row group by row group) and documents.parquet
/// (documents.csv, typed). Columns, names and order are those of the CSV files, typed from <see cref="FieldCatalog"/>,
/// so the files of every shard of a harvest have one schema and an engine reads them as one dataset.
/// </summary>
public static class ParquetFiles
{
    public const string Facts = "facts.parquet";
    public const string Documents = "documents.parquet";

    /// <summary>A document's facts as one Parquet file (one row group).</summary>
    public static void WriteFacts(Stream stream, IEnumerable<Fact> facts)
    {
        using var writer = new ParquetTableWriter(stream, FieldCatalog.Facts.Fields, int.MaxValue);
        foreach (var fact in facts) writer.AddRow(FactsCsvWriter.Cells(fact));
    }

    /// <summary>
    /// The batch facts.parquet: the facts.parquet of each listed document folder in order (a doc_id listed twice only
    /// once), gathered into row groups of <paramref name="rowGroupRows"/> rows; never more than one row group in memory.
    /// </summary>
    public static long WriteBatchFacts(string path, IEnumerable<(string Root, string DocId)> documents, int rowGroupRows = ParquetTableWriter.DefaultRowGroupRows)
    {
        long rows = 0;
        AtomicFile.Write(path, stream =>
        {
            using var writer = new ParquetTableWriter(stream, FieldCatalog.Facts.Fields, rowGroupRows);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (root, docId) in documents)
            {
                if (!seen.Add(docId)) continue;
                var facts = Path.Combine(root, docId, Facts);
                if (File.Exists(facts)) writer.Append(facts);
            }
            writer.Flush();
            rows = writer.Rows;
        });
        return rows;
    }

    /// <summary>documents.parquet from documents.csv: its columns typed (counts as integers), manifest columns as strings.</summary>
    public static void WriteDocuments(string path, string documentsCsv)
    {
        AtomicFile.Write(path, stream =>
        {
            using var reader = new StreamReader(documentsCsv, AtomicFile.Utf8, detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header) throw new InvalidDataException($"{documentsCsv} has no header line");
            var known = FieldCatalog.Documents.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var fields = header.Select(c => known.TryGetValue(c, out var f) ? f : FieldCatalog.Documents.OpenField(c)).ToList();
            using var writer = new ParquetTableWriter(stream, fields);
            while (csv.Read())
            {
                writer.AddRow(Enumerable.Range(0, header.Length).Select(i => csv.TryGetField<string>(i, out var v) ? v ?? string.Empty : string.Empty).ToList());
            }
        });
    }
}
