using System.Text.RegularExpressions;

namespace Extractor.Rows;

/// <summary>Turns a printed item name into the contract's <c>name</c>: whitespace and leading ordinals removed.</summary>
public static partial class NameCleaner
{
    public static string Clean(string printed)
    {
        var text = Whitespace().Replace(printed, "");
        // Ordinals can stack ("一、（一）"), so strip until none is left.
        while (true)
        {
            var stripped = Ordinal().Replace(text, "", 1);
            if (stripped == text) return text;
            text = stripped;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]、?|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)]、?|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")]
    private static partial Regex Ordinal();
}
