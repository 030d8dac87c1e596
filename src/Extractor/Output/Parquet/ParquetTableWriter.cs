using Parquet;
using Parquet.Schema;

namespace Extractor.Output.Parquet;

/// <summary>
/// Writes one Parquet file of a table whose columns are described by <see cref="FieldSpec"/>s, row group by row group:
/// rows are gathered until there are <see cref="RowGroupRows"/> and then written as a row group of exactly that many, so
/// memory holds about one row group however many rows pass through. Rows come as CSV text (<see cref="AddRow"/>) or as whole files of the same schema
/// (<see cref="Append"/>, which is how batch files are concatenated from the documents' files).
/// </summary>
internal sealed class ParquetTableWriter : IDisposable
{
    /// <summary>Rows per row group: large enough for engines to scan efficiently, small enough to keep memory flat.</summary>
    public const int DefaultRowGroupRows = 100_000;

    private readonly IReadOnlyList<ParquetColumn> _columns;
    private readonly ParquetWriter _writer;

    public ParquetTableWriter(Stream stream, IEnumerable<FieldSpec> fields, int rowGroupRows = DefaultRowGroupRows)
    {
        _columns = fields.Select(ParquetColumn.For).ToList();
        RowGroupRows = rowGroupRows;
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        foreach (var column in _columns.Where(c => c.Spec.Type == "string"))
        {
            // Names, codes and ids repeat on every line: a dictionary per column chunk stores each once.
            options.ColumnEncodingHints[column.Field.Path.ToString()] = EncodingHint.Dictionary;
        }
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_columns.Select(c => (Field)c.Field)), stream, options).GetAwaiter().GetResult();
    }

    public int RowGroupRows { get; }

    public long Rows { get; private set; }

    private int Pending => _columns[0].Count;

    /// <summary>One row, as the cells of its CSV line in the order of the fields.</summary>
    public void AddRow(IReadOnlyList<string> cells)
    {
        if (cells.Count != _columns.Count) throw new InvalidDataException($"a row of {cells.Count} cells for {_columns.Count} columns");
        var added = 0;
        try
        {
            for (; added < cells.Count; added++) _columns[added].Add(cells[added]);
        }
        catch
        {
            // A row is added whole or not at all: the columns keep the same length.
            for (var i = 0; i < added; i++) _columns[i].RemoveLast();
            throw;
        }
        Rows++;
        WriteFullRowGroups();
    }

    /// <summary>Every row of a Parquet file of the same columns, row group by row group.</summary>
    public void Append(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            AppendRowGroups(path, reader);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private void AppendRowGroups(string path, ParquetReader reader)
    {
        var names = reader.Schema.DataFields.Select(f => f.Name).ToList();
        if (!names.SequenceEqual(_columns.Select(c => c.Field.Name)))
        {
            throw new InvalidDataException($"{path} has the columns {string.Join(",", names)}, not those of this file");
        }
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var rowGroup = reader.OpenRowGroupReader(g);
            var rows = checked((int)rowGroup.RowCount);
            foreach (var column in _columns) column.ReadAsync(rowGroup, rows).GetAwaiter().GetResult();
            Rows += rows;
            WriteFullRowGroups();
        }
    }

    private void WriteFullRowGroups()
    {
        while (Pending >= RowGroupRows) WriteRowGroup(RowGroupRows);
    }

    /// <summary>Writes the rows gathered so far as one row group.</summary>
    public void Flush()
    {
        if (Pending > 0) WriteRowGroup(Pending);
    }

    private void WriteRowGroup(int rows)
    {
        using var rowGroup = _writer.CreateRowGroup();
        foreach (var column in _columns) column.WriteAsync(rowGroup, rows).GetAwaiter().GetResult();
    }

    /// <summary>Writes what is left and the file's footer (a file with no rows still has its schema).</summary>
    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
