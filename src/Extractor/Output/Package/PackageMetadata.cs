using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extractor.Output.Package;

/// <summary>
/// What the publisher says about the data in datapackage.json: a title, a licence, and any other Data Package property
/// (<c>description</c>, <c>sources</c>, <c>contributors</c>, <c>keywords</c>, <c>homepage</c>, <c>version</c> …) from a JSON
/// file. The extractor fills in the resources; the licence and the sources are the publisher's to give.
/// </summary>
public sealed record PackageMetadata
{
    public static PackageMetadata None { get; } = new();

    /// <summary><c>--package-title</c>.</summary>
    public string? Title { get; init; }

    /// <summary><c>--package-license</c>: an SPDX or Open Definition id (<c>CC-BY-4.0</c>) or a URL.</summary>
    public string? License { get; init; }

    /// <summary>The top-level properties of a <c>--package-meta</c> file (never <c>resources</c> or <c>profile</c>).</summary>
    public JsonObject? Properties { get; init; }

    public bool IsEmpty => Title is null && License is null && (Properties is null || Properties.Count == 0);

    /// <summary>Properties the extractor writes itself: a metadata file may not set them.</summary>
    internal static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "resources", "profile" };

    /// <summary>Reads a <c>--package-meta</c> file: a JSON object of Data Package properties.</summary>
    /// <exception cref="InvalidDataException">the file is not a JSON object, or sets resources or profile.</exception>
    public static JsonObject ReadProperties(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON ({e.Message}).");
        }
        if (node is not JsonObject properties) throw new InvalidDataException($"{path} must hold a JSON object of Data Package properties (title, licenses, sources …).");
        foreach (var key in properties.Select(p => p.Key).Where(Reserved.Contains))
        {
            throw new InvalidDataException($"{path} sets '{key}', which the extractor writes itself; remove it.");
        }
        return properties;
    }

    /// <summary>
    /// The publisher's properties of an existing datapackage.json (all but the resources and the profile), so that a
    /// resumed run or a merge given no package options keeps what an earlier run was given. None when there is no such
    /// file or it cannot be read.
    /// </summary>
    public static PackageMetadata FromExisting(string descriptorPath)
    {
        try
        {
            if (!File.Exists(descriptorPath) || JsonNode.Parse(File.ReadAllText(descriptorPath)) is not JsonObject descriptor) return None;
            var properties = new JsonObject();
            foreach (var (key, value) in descriptor)
            {
                if (!Reserved.Contains(key)) properties[key] = value?.DeepClone();
            }
            return new PackageMetadata { Properties = properties };
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return None;
        }
    }

    /// <summary>These options where given, else <paramref name="fallback"/> (what an earlier run or a shard was given).</summary>
    public PackageMetadata Or(PackageMetadata fallback) => IsEmpty ? fallback : this;
}
