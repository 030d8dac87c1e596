using System.Text;

namespace Extractor.Checks;

/// <summary>Item names compared the way a reader compares them: without spaces, brackets and punctuation.</summary>
public static class Names
{
    /// <summary>The name without whitespace, punctuation, brackets and quotes (full- and half-width).</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch)) continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    public static bool Same(string a, string b) => Normalize(a) == Normalize(b);

    /// <summary>A sub-item printed under another (其中：…), which its parent already includes.</summary>
    public static bool IsSubItem(string name) => Normalize(name).StartsWith("其中", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="name"/> names a canonical column or one of its aliases (equal, or ending with it).</summary>
    public static bool EndsWithAny(string name, IEnumerable<string> candidates)
    {
        var n = Normalize(name);
        return candidates.Select(Normalize).Any(c => c.Length > 0 && n.EndsWith(c, StringComparison.Ordinal));
    }
}
