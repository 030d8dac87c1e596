using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Extractor.Output;
using Extractor.Output.Package;
using Extractor.Output.Parquet;

namespace Extractor.Batch;

/// <summary>
/// Merges the output folders of a sharded harvest (<c>--shard i/n</c>) into one: documents.csv
/// with every shard's lines, in the order of the whole input list when every shard recorded it
/// (its run state's order.csv), else shard after shard in the order given; facts.csv built from
/// the document folders in that order, streamed; the document folders and resume ledger entries
/// copied. Given the shards of one input list, the merged documents.csv and facts.csv are those an
/// unsharded run would write (but for batch code evidence, which a shard takes from its own
/// documents only). When the shards wrote Parquet, facts.parquet is concatenated from the documents' files in the same
/// order and documents.parquet made from the merged documents.csv; datapackage.json describes the merged folder, with the
/// publisher's properties given to the merge or else those of the first shard that has them. CSV files keep the byte order
/// mark the shards were written with. Every file is written atomically; the shard folders are only read.
/// </summary>
public static class BatchMerger
{
    public sealed record Result(int Documents, int Shards, bool InInputOrder);

    private sealed record Row(string[] Fields, int Index, int Shard, string DocId, bool Failed);

    /// <remarks>
    /// A shard folder is read as untrusted input: every doc_id of its documents.csv must have the shape the extractor
    /// makes (<see cref="DocumentFolder.IsDocId"/>), so that each document folder read and written is a direct child of
    /// its shard and of <paramref name="output"/>; a line with any other doc_id (<c>../elsewhere</c>, <c>.</c>, a path)
    /// stops the merge before anything is written, with an error naming the file and line. Ledger files are copied only
    /// under the names the ledger gives them.
    /// </remarks>
    /// <exception cref="InvalidOperationException">a shard folder has no documents.csv or holds a doc_id the extractor does not make, or the target is one of the shards.</exception>
    public static Result Merge(IReadOnlyList<string> shards, string output, PackageMetadata? package = null)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        foreach (var shard in shards)
        {
            if (!File.Exists(Path.Combine(shard, BatchFiles.Documents)))
            {
                throw new InvalidOperationException($"{shard} has no {BatchFiles.Documents}; is it the --out folder of a finished run?");
            }
            if (string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(shard)), target, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the merged folder {output} must not be one of the shard folders.");
            }
        }

        var header = new List<string>(BatchFiles.OwnColumns);
        var rows = new List<Row>();
        var ordered = true;
        for (var s = 0; s < shards.Count; s++)
        {
            var documents = Path.Combine(shards[s], BatchFiles.Documents);
            var (shardHeader, shardRows) = ReadCsv(documents);
            if (shardHeader.Count == 0 || shardHeader[0] != "doc_id")
            {
                throw new InvalidOperationException($"{documents} does not start with a doc_id column; is it the documents.csv of a finished run?");
            }
            for (var r = 0; r < shardRows.Count; r++)
            {
                var docId = shardRows[r].Length > 0 ? shardRows[r][0] : string.Empty;
                if (!DocumentFolder.IsDocId(docId))
                {
                    throw new InvalidOperationException($"{documents}, line {r + 2}: '{DocumentFolder.Printable(docId)}' is not a doc_id the extractor makes (a safe file name, '-' and 8 hex digits); the folder was altered or not made by extractor, so nothing was merged.");
                }
            }
            foreach (var column in shardHeader.Where(c => !header.Contains(c))) header.Add(column);
            var order = ReadOrder(Path.Combine(shards[s], ".extractor", BatchFiles.Order), shardRows);
            ordered &= order is not null;
            for (var r = 0; r < shardRows.Count; r++)
            {
                var fields = header.Select(c => shardHeader.IndexOf(c) is var i and >= 0 && i < shardRows[r].Length ? shardRows[r][i] : string.Empty).ToArray();
                rows.Add(new Row(fields, order?[r] ?? r, s, fields[0], fields[2] == "failed"));
            }
        }
        // Columns first seen in a later shard: earlier rows get them empty.
        rows = rows.Select(r => r with { Fields = r.Fields.Length == header.Count ? r.Fields : [.. r.Fields, .. Enumerable.Repeat(string.Empty, header.Count - r.Fields.Length)] }).ToList();
        if (ordered) rows = rows.OrderBy(r => r.Index).ThenBy(r => r.Shard).ToList();

        Directory.CreateDirectory(output);
        var copied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !r.Failed))
        {
            var from = DocumentFolder.PathOf(shards[row.Shard], row.DocId);
            if (!Directory.Exists(from) || !copied.Add(row.DocId)) continue;
            AtomicFile.ReplaceDirectory(DocumentFolder.PathOf(output, row.DocId), temporary => CopyDirectory(from, temporary));
        }
        var ledger = new ResumeLedger(Path.Combine(output, ".extractor", "ledger"));
        foreach (var shard in shards)
        {
            var entries = Path.Combine(shard, ".extractor", "ledger");
            if (!Directory.Exists(entries)) continue;
            foreach (var entry in Directory.EnumerateFiles(entries, "*.json").Where(e => ResumeLedger.IsEntryName(Path.GetFileName(e))))
            {
                AtomicFile.Write(Path.Combine(ledger.Directory, Path.GetFileName(entry)), stream =>
                {
                    using var source = File.OpenRead(entry);
                    source.CopyTo(stream);
                });
            }
        }

        var encoding = BatchFiles.HasByteOrderMark(Path.Combine(shards[0], BatchFiles.Documents)) ? AtomicFile.Utf8Bom : AtomicFile.Utf8;
        if (shards.Any(s => File.Exists(Path.Combine(s, BatchFiles.Facts))))
        {
            BatchFiles.WriteFacts(Path.Combine(output, BatchFiles.Facts), rows.Where(r => !r.Failed).Select(r => (output, r.DocId)), encoding);
        }
        if (ordered) BatchFiles.WriteOrder(Path.Combine(output, ".extractor", BatchFiles.Order), rows.Select(r => (r.Index, r.DocId)));
        else File.Delete(Path.Combine(output, ".extractor", BatchFiles.Order));
        AtomicFile.WriteText(Path.Combine(output, BatchFiles.Documents), writer =>
        {
            using var csv = CsvFormat.Open(writer);
            CsvFormat.WriteRow(csv, header);
            foreach (var row in rows) CsvFormat.WriteRow(csv, row.Fields);
            csv.Flush();
        }, encoding);
        var metadata = (package ?? PackageMetadata.None).Or(shards
            .Select(s => PackageMetadata.FromExisting(Path.Combine(s, DataPackageWriter.FileName)))
            .FirstOrDefault(m => !m.IsEmpty) ?? PackageMetadata.None);
        BatchFiles.WritePublished(output, rows.Where(r => !r.Failed).Select(r => r.DocId).Distinct(StringComparer.Ordinal).ToList(),
            shards.Any(s => File.Exists(Path.Combine(s, ParquetFiles.Facts))), metadata);
        return new Result(rows.Count, shards.Count, ordered);
    }

    private static (List<string> Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = new StreamReader(path, AtomicFile.Utf8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        var rows = new List<string[]>();
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null) return ([], rows);
        var header = csv.HeaderRecord.ToList();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty).ToArray());
        return (header, rows);
    }

    /// <summary>Each documents.csv line's position in the whole input list, or null when order.csv is missing or does not match.</summary>
    private static int[]? ReadOrder(string path, List<string[]> documents)
    {
        if (!File.Exists(path)) return null;
        var (header, rows) = ReadCsv(path);
        if (header.Count < 2 || rows.Count != documents.Count) return null;
        var order = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length < 2 || documents[i].Length == 0 || rows[i][1] != documents[i][0]
                || !int.TryParse(rows[i][0], NumberStyles.None, CultureInfo.InvariantCulture, out order[i]))
            {
                return null;
            }
        }
        return order;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
