using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Extractor.Output.Parquet;

/// <summary>
/// One column of a Parquet file being written: its Parquet field, made from a <see cref="FieldSpec"/> (string → UTF-8
/// string, dictionary-encoded; integer → INT64; year → INT32; number → DECIMAL(38,10)), and the values of the row group
/// being gathered. A value comes as the text a CSV cell holds, or as a column of a row group read from another file of
/// the same schema. An empty cell of a field that is not required is null, as it is when an engine reads the CSV.
/// </summary>
internal abstract class ParquetColumn
{
    /// <summary>Decimal places of a number column: more than any printed amount has (the corpus prints up to 6).</summary>
    public const int Scale = 10;

    /// <summary>Digits of a number column: every <see cref="decimal"/> with at most <see cref="Scale"/> decimal places fits.</summary>
    public const int Precision = 38;

    protected ParquetColumn(FieldSpec spec) => Spec = spec;

    public FieldSpec Spec { get; }

    public abstract DataField Field { get; }

    public abstract int Count { get; }

    public abstract void Add(string text);

    public abstract Task ReadAsync(ParquetRowGroupReader rowGroup, int rows);

    /// <summary>Writes the first <paramref name="count"/> values gathered as this column's chunk of a row group, and drops them.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, int count);

    /// <summary>Drops the last value added (a row that failed half way).</summary>
    public abstract void RemoveLast();

    public static ParquetColumn For(FieldSpec spec) => spec.Type switch
    {
        "string" => new StringColumn(spec),
        "integer" => new NullableColumn<long>(spec, new DataField<long?>(spec.Name, nullable: true),
            text => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        "year" => new NullableColumn<int>(spec, new DataField<int?>(spec.Name, nullable: true),
            text => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)),
        "number" => new DecimalColumn(spec),
        _ => throw new InvalidOperationException($"no Parquet type for the Table Schema type '{spec.Type}' of {spec.Name}"),
    };

    private sealed class StringColumn(FieldSpec spec) : ParquetColumn(spec)
    {
        private readonly List<string?> _values = [];

        public override DataField Field { get; } = new DataField<string>(spec.Name, nullable: true);

        public override int Count => _values.Count;

        public override void Add(string text) => _values.Add(text.Length == 0 && !Spec.Required ? null : text);

        public override async Task ReadAsync(ParquetRowGroupReader rowGroup, int rows)
        {
            var values = new string?[rows];
            await rowGroup.ReadAsync(Field, values.AsMemory()).ConfigureAwait(false);
            _values.AddRange(values);
        }

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, int count)
        {
            await rowGroup.WriteAsync(Field, count == _values.Count ? _values : _values.GetRange(0, count)).ConfigureAwait(false);
            _values.RemoveRange(0, count);
        }

        public override void RemoveLast() => _values.RemoveAt(_values.Count - 1);
    }

    private sealed class NullableColumn<T>(FieldSpec spec, DataField field, Func<string, T> parse) : ParquetColumn(spec) where T : struct
    {
        private readonly List<T?> _values = [];

        public override DataField Field { get; } = field;

        public override int Count => _values.Count;

        public override void Add(string text)
        {
            try
            {
                _values.Add(text.Length == 0 ? null : parse(text));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new InvalidDataException($"'{text}' in column {Spec.Name} is not of type {Spec.Type}.", e);
            }
        }

        public override async Task ReadAsync(ParquetRowGroupReader rowGroup, int rows)
        {
            var values = new T?[rows];
            await rowGroup.ReadAsync(Field, values.AsMemory()).ConfigureAwait(false);
            _values.AddRange(values);
        }

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, int count)
        {
            await rowGroup.WriteAsync(Field, (ReadOnlyMemory<T?>)_values.GetRange(0, count).ToArray()).ConfigureAwait(false);
            _values.RemoveRange(0, count);
        }

        public override void RemoveLast() => _values.RemoveAt(_values.Count - 1);
    }

    /// <summary>
    /// An exact decimal: written scaled to <see cref="Scale"/> places; a value with more places is refused, never rounded.
    /// A field that is not required (a share a document may not have) takes an empty cell as null.
    /// </summary>
    private sealed class DecimalColumn(FieldSpec spec) : ParquetColumn(spec)
    {
        private readonly List<decimal?> _values = [];

        public override DataField Field { get; } = new DecimalDataField(spec.Name, Precision, Scale, forceByteArrayEncoding: true, isNullable: !spec.Required);

        public override int Count => _values.Count;

        public override void Add(string text)
        {
            if (text.Length == 0 && !Spec.Required)
            {
                _values.Add(null);
                return;
            }
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"'{text}' in column {Spec.Name} is not a decimal number.");
            }
            if (value.Scale > Scale)
            {
                throw new InvalidDataException($"{text} in column {Spec.Name} has more than {Scale} decimal places, which the Parquet column cannot hold exactly.");
            }
            _values.Add(value);
        }

        public override async Task ReadAsync(ParquetRowGroupReader rowGroup, int rows)
        {
            if (Spec.Required)
            {
                var values = new decimal[rows];
                await rowGroup.ReadAsync(Field, values.AsMemory()).ConfigureAwait(false);
                _values.AddRange(values.Select(v => (decimal?)v));
            }
            else
            {
                var values = new decimal?[rows];
                await rowGroup.ReadAsync(Field, values.AsMemory()).ConfigureAwait(false);
                _values.AddRange(values);
            }
        }

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, int count)
        {
            var chunk = _values.GetRange(0, count);
            if (Spec.Required) await rowGroup.WriteAsync(Field, (ReadOnlyMemory<decimal>)chunk.Select(v => v!.Value).ToArray()).ConfigureAwait(false);
            else await rowGroup.WriteAsync(Field, (ReadOnlyMemory<decimal?>)chunk.ToArray()).ConfigureAwait(false);
            _values.RemoveRange(0, count);
        }

        public override void RemoveLast() => _values.RemoveAt(_values.Count - 1);
    }
}
