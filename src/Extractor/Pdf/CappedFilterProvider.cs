using System.Buffers;
using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Pdf;

/// <summary>
/// PdfPig's stream filters with a ceiling on what one stream may decode to. A few kilobytes of Flate data can inflate
/// to gigabytes (a "zip bomb"), and PdfPig would hold all of it, then parse it into millions of operations, long before
/// any page-level check could see a thing. A Flate stream that could exceed its ceiling (deflate expands at most
/// 1032-fold) is inflated here, stopping at the ceiling: without a predictor (page content, fonts) the result is what
/// PdfPig's filter gives for an undamaged stream, and is used as it is; a damaged stream, or one with a predictor, is
/// then handed to PdfPig's filter, which salvages or un-predicts it. Other filters are checked on their result. The
/// first stream over its ceiling is remembered (<see cref="Exceeded"/>), since PdfPig's lenient parsing may swallow the
/// exception and read the page as empty. One instance per document.
/// </summary>
internal sealed class CappedFilterProvider : IFilterProvider
{
    /// <summary>Page content, forms, object streams, CMaps: the largest of the real corpus decodes to 0.3 MB.</summary>
    public const long ContentLimit = 16L * 1024 * 1024;

    /// <summary>Font programs and images: a full CJK font is 10-20 MB, a scanned A4 page in colour about 26 MB.</summary>
    public const long BinaryLimit = 128L * 1024 * 1024;

    /// <summary>The most deflate can expand: a 258-byte match for a 2-bit code (RFC 1951).</summary>
    private const int MaximumExpansion = 1032;

    private readonly IFilterProvider _inner;
    private readonly Dictionary<IFilter, IFilter> _wrapped = new(ReferenceEqualityComparer.Instance);

    public CappedFilterProvider(IFilterProvider? inner = null, long contentLimit = ContentLimit, long binaryLimit = BinaryLimit)
    {
        _inner = inner ?? DefaultFilterProvider.Instance;
        Limits = (contentLimit, binaryLimit);
    }

    public (long Content, long Binary) Limits { get; }

    /// <summary>What the first stream over its ceiling was, or null.</summary>
    public string? Exceeded { get; private set; }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters)
    {
        if (filters.Count == 0) return filters;
        var result = new IFilter[filters.Count];
        lock (_wrapped)
        {
            for (var i = 0; i < filters.Count; i++)
            {
                if (!_wrapped.TryGetValue(filters[i], out var wrapped)) _wrapped[filters[i]] = wrapped = new CappedFilter(filters[i], this);
                result[i] = wrapped;
            }
        }
        return result;
    }

    /// <summary>The ceiling for a stream: font programs and images get the larger one.</summary>
    internal long LimitFor(DictionaryToken? dictionary)
    {
        if (dictionary is null) return Limits.Content;
        var binary = dictionary.ContainsKey(NameToken.Length1) || dictionary.ContainsKey(NameToken.Length2)
            || (dictionary.TryGet(NameToken.Subtype, out var subtype) && subtype is NameToken name
                && name.Data is "Image" or "Type1C" or "CIDFontType0C" or "OpenType");
        return binary ? Limits.Binary : Limits.Content;
    }

    private void Refuse(long limit)
    {
        Exceeded ??= $"a stream of the PDF decodes to more than {limit / (1024 * 1024)} MB";
        throw new StreamTooLargeException(Exceeded);
    }

    /// <summary>The length <paramref name="input"/> inflates to, counted up to just past <paramref name="limit"/> (what a damaged stream gives before the damage).</summary>
    internal static long InflatedLength(ReadOnlyMemory<byte> input, long limit) => Inflate(input, limit, keep: false).Length;

    /// <summary>
    /// Inflates <paramref name="input"/> as PdfPig's Flate filter does (the two zlib header bytes skipped, the rest raw
    /// deflate) until its end or just past <paramref name="limit"/>. Length: how far it got; Damaged: it met bad data;
    /// Bytes (when <paramref name="keep"/>): what it inflated, else counted in a small buffer and dropped.
    /// </summary>
    private static (long Length, bool Damaged, byte[]? Bytes) Inflate(ReadOnlyMemory<byte> input, long limit, bool keep)
    {
        if (input.Length <= 2) return (0, false, keep ? [] : null);
        using var compressed = new MemoryStream(input[2..].ToArray(), writable: false);
        using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
        // Kept in blocks, not a buffer grown by doubling: a stream refused at its ceiling has cost no more than the ceiling.
        var blocks = keep ? new List<byte[]>() : null;
        var scratch = keep ? null : ArrayPool<byte>.Shared.Rent(Block);
        long total = 0;
        var damaged = false;
        try
        {
            while (total <= limit)
            {
                var buffer = scratch ?? new byte[Block];
                var read = deflate.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (read == 0) break;
                total += read;
                blocks?.Add(read == buffer.Length ? buffer : buffer[..read]);
                if (read < buffer.Length) break;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged from here on: PdfPig salvages what came before, which is what was counted.
            damaged = true;
        }
        finally
        {
            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
        }
        if (blocks is null || damaged || total > limit) return (total, damaged, null);
        var bytes = GC.AllocateUninitializedArray<byte>((int)total);
        var at = 0;
        foreach (var block in blocks)
        {
            block.CopyTo(bytes, at);
            at += block.Length;
        }
        return (total, false, bytes);
    }

    private const int Block = 64 * 1024;

    /// <summary>Whether the stream's Flate filter at <paramref name="index"/> has a predictor (PNG or TIFF rows to undo).</summary>
    private static bool HasPredictor(DictionaryToken dictionary, int index)
    {
        if (!dictionary.TryGet(NameToken.DecodeParms, out var token) && !dictionary.TryGet(NameToken.Dp, out token)) return false;
        var parameters = token switch
        {
            ArrayToken array when index < array.Length => array[index],
            ArrayToken => NullToken.Instance,
            _ => token,
        };
        // What cannot be read here (a reference, say) goes to PdfPig's filter, which resolves it; so does any predictor.
        return parameters switch
        {
            NullToken => false,
            DictionaryToken d => d.TryGet(NameToken.Predictor, out var predictor) && predictor is not NumericToken { Int: <= 1 },
            _ => true,
        };
    }

    private sealed class CappedFilter(IFilter inner, CappedFilterProvider owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var limit = owner.LimitFor(streamDictionary);
            if (inner is FlateFilter && (long)input.Length * MaximumExpansion > limit)
            {
                // Could exceed the ceiling: inflated here once, stopping there.
                var plain = !HasPredictor(streamDictionary, filterIndex);
                var (length, damaged, bytes) = Inflate(input, limit, keep: plain);
                if (length > limit) owner.Refuse(limit);
                if (plain && !damaged) return bytes!;
            }
            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (decoded.Length > limit) owner.Refuse(limit);
            return decoded;
        }
    }
}

/// <summary>A stream that decodes to more than its ceiling (<see cref="CappedFilterProvider"/>).</summary>
internal sealed class StreamTooLargeException(string message) : Exception(message);
