using System.Globalization;
using System.Reflection;
using System.Text;

namespace Extractor.Pdf;

/// <summary>
/// Normalises text as it is read, so titles, headers and names match whatever produced the PDF.
/// Two forms: <see cref="Normalize"/> keeps what a reader sees (CJK punctuation such as （） stays
/// full-width) and <see cref="MatchKey"/> folds everything that should not make two labels differ.
/// </summary>
public static class TextNormalizer
{
    private static readonly IReadOnlyDictionary<char, char> CjkCompatibility = LoadCompatibilityTable();

    /// <summary>
    /// Kangxi radicals and radical-supplement forms to ideographs, full-width digits, letters and
    /// number punctuation to ASCII, ideographic space to space, and stray spaces between CJK
    /// characters removed. Other full-width punctuation (（）：，“”) is kept as printed.
    /// </summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        return RemoveSpacesBetweenCjk(MapAll(text)).Trim();
    }

    /// <summary>Every character mapped; the same string when none changes (the common case, with no copy).</summary>
    private static string MapAll(string text)
    {
        var first = 0;
        while (first < text.Length && MapChar(text[first]) == text[first]) first++;
        if (first == text.Length) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var mapped = MapChar(text[i]);
            if (mapped >= 0) sb.Append((char)mapped);
        }
        return sb.ToString();
    }

    /// <summary>Normalises one glyph's text (no trimming: a glyph may be a single space).</summary>
    public static string NormalizeGlyph(string text)
    {
        if (text.Length == 1)
        {
            var mapped = MapChar(text[0]);
            return mapped < 0 ? string.Empty : Single((char)mapped);
        }
        return MapAll(text);
    }

    // One shared string per character: a page model keeps every glyph's text for the whole document, and PdfPig makes a
    // new string for every letter; sharing them lets PdfPig's die young instead of being carried through every
    // collection. Filled as characters are met; two threads filling one slot at once store equal strings.
    private static readonly string?[] Singles = new string?[char.MaxValue + 1];

    private static string Single(char ch) => Singles[ch] ??= ch.ToString();

    /// <summary>
    /// A key for comparing labels: normalised, full-width forms folded to ASCII (so （ and ( agree),
    /// all whitespace removed, quotes and brackets unified.
    /// </summary>
    public static string MatchKey(string text)
    {
        var normalized = Normalize(text);
        // Most labels are already keys: returned as they are, without a copy.
        var first = 0;
        while (first < normalized.Length && KeyChar(normalized[first]) == normalized[first]) first++;
        if (first == normalized.Length) return normalized;
        var sb = new StringBuilder(normalized.Length);
        sb.Append(normalized, 0, first);
        for (var i = first; i < normalized.Length; i++)
        {
            var key = KeyChar(normalized[i]);
            if (key >= 0) sb.Append((char)key);
        }
        return sb.ToString();
    }

    /// <summary>What a character of a label becomes in its key, or -1 for whitespace, which keys leave out.</summary>
    private static int KeyChar(char c)
    {
        if (char.IsWhiteSpace(c)) return -1;
        var ch = c >= '\uFF01' && c <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
        return ch switch
        {
            '“' or '”' or '"' or '″' or '＂' or '「' or '」' or '\'' or '‘' or '’' => '"',
            '【' or '〔' or '[' => '(',
            '】' or '〕' or ']' => ')',
            _ => ch,
        };
    }

    public static bool IsCjk(char ch) =>
        (ch >= '\u4E00' && ch <= '\u9FFF') || (ch >= '\u3400' && ch <= '\u4DBF') ||
        (ch >= '\uF900' && ch <= '\uFAFF') || (ch >= '\u3000' && ch <= '\u303F') ||
        (ch >= '\uFF00' && ch <= '\uFFEF' && !(ch >= '\uFF10' && ch <= '\uFF19'));

    /// <summary>What a character normalises to: a character (itself when it stays), or -1 when it is dropped.</summary>
    private static int MapChar(char ch)
    {
        // Radical and compatibility code points: from a table, not from the runtime's NFKC, which
        // is absent in invariant-globalization mode and does not fold the radicals supplement anyway.
        if (((ch >= '\u2E80' && ch <= '\u2FDF') || (ch >= '\uF900' && ch <= '\uFAFF')) && CjkCompatibility.TryGetValue(ch, out var mapped))
        {
            return mapped;
        }
        if ((ch >= '\uFF10' && ch <= '\uFF19') || (ch >= '\uFF21' && ch <= '\uFF3A') || (ch >= '\uFF41' && ch <= '\uFF5A'))
        {
            return ch - 0xFEE0;
        }
        return ch switch
        {
            '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\t' => ' ',
            '．' => '.',
            '－' or '−' or '‐' or '‑' => '-',
            '％' => '%',
            '＋' => '+',
            '\u200B' or '\uFEFF' => -1,
            _ => ch,
        };
    }

    private static string RemoveSpacesBetweenCjk(string text)
    {
        if (text.IndexOf(' ') < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == ' ')
            {
                // Skip a run of spaces that has a CJK character on either side: producers put
                // spaces between ideographs to justify text ("收 入"); they carry no meaning.
                var j = i;
                while (j < text.Length && text[j] == ' ') j++;
                var before = sb.Length > 0 ? sb[^1] : ' ';
                var after = j < text.Length ? text[j] : ' ';
                if (IsCjk(before) || IsCjk(after))
                {
                    i = j - 1;
                    continue;
                }
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                i = j - 1;
                continue;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static IReadOnlyDictionary<char, char> LoadCompatibilityTable()
    {
        var map = new Dictionary<char, char>();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Extractor.Pdf.cjk-compatibility.tsv")
            ?? throw new InvalidOperationException("embedded radical table missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            var code = int.Parse(parts[0].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            map[(char)code] = parts[2][0];
        }
        return map;
    }
}
