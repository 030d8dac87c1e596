using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Extractor.Batch;

/// <summary>
/// <c>--shard i/n</c>: input number <c>i</c> (0-based) of <c>n</c> takes the inputs whose source
/// hashes to <c>i</c> modulo <c>n</c>. The hash is the first 8 bytes (big-endian) of the SHA-256
/// of the source text as written in documents.csv, so every worker given the same inputs picks a
/// disjoint, stable subset with no coordination, whatever the machine or the order of the list.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public static ShardSpec All { get; } = new(0, 1);

    public static bool TryParse(string text, out ShardSpec shard)
    {
        shard = All;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index >= count)
        {
            return false;
        }
        shard = new ShardSpec(index, count);
        return true;
    }

    public bool Includes(string source) => Count == 1 || Bucket(source, Count) == Index;

    public static int Bucket(string source, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
