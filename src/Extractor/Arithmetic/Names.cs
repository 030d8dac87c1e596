using System.Text;

namespace Extractor.Arithmetic;

/// <summary>Item names compared the way a reader compares them: without spaces, brackets and punctuation.</summary>
public static class Names
{
    /// <summary>The name without whitespace, punctuation, brackets and quotes (full- and half-width).</summary>
    public static string Normalize(string name)
    {
        // Most names have nothing to drop: they are returned as they are, without a copy.
        var first = 0;
        while (first < name.Length && !Dropped(name[first])) first++;
        if (first == name.Length) return name;
        var sb = new StringBuilder(name.Length);
        sb.Append(name, 0, first);
        for (var i = first + 1; i < name.Length; i++)
        {
            if (!Dropped(name[i])) sb.Append(name[i]);
        }
        return sb.ToString();
    }

    private static bool Dropped(char ch) => char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch);

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
