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

    /// <summary>The environment variables a scheduler gives each worker its index in, in the order they are read.</summary>
    public static readonly IReadOnlyList<string> SchedulerVariables = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"];

    /// <summary>
    /// <c>--shard N</c>: share of <paramref name="count"/> whose index the scheduler gives — a Kubernetes Indexed Job's
    /// <c>JOB_COMPLETION_INDEX</c> (0 to completions − 1), else a Slurm array's <c>SLURM_ARRAY_TASK_ID</c> counted from
    /// <c>SLURM_ARRAY_TASK_MIN</c> (so <c>--array=1-4</c> works as <c>--array=0-3</c>). Null, with the reason, when
    /// neither is set or the index does not fit the count.
    /// </summary>
    public static ShardSpec? FromScheduler(int count, Func<string, string?> environment, out string error)
    {
        error = string.Empty;
        if (count < 1)
        {
            error = "--shard needs a number of shards of at least 1.";
            return null;
        }
        foreach (var variable in SchedulerVariables)
        {
            if (environment(variable) is not { Length: > 0 } text) continue;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                error = $"{variable} is '{text}', not a whole number.";
                return null;
            }
            if (variable == "SLURM_ARRAY_TASK_ID" && environment("SLURM_ARRAY_TASK_MIN") is { Length: > 0 } min
                && int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                index -= first;
            }
            if (index < 0 || index >= count)
            {
                error = $"{variable} gives shard {index}, outside 0 to {count - 1}: run {count} workers numbered from 0 (Kubernetes: completions {count}; Slurm: --array=0-{count - 1}).";
                return null;
            }
            return new ShardSpec(index, count);
        }
        error = $"--shard {count} takes this worker's index from {string.Join(" or ", SchedulerVariables)} (a Kubernetes Indexed Job or a Slurm array), and neither is set; give it as --shard I/{count}.";
        return null;
    }

    public bool Includes(string source) => Count == 1 || Bucket(source, Count) == Index;

    public static int Bucket(string source, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
