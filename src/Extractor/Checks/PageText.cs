using Extractor.Pdf;

namespace Extractor.Checks;

/// <summary>The text of one page outside its tables, line by line: the narrative the checks read.</summary>
public sealed record PageText(int Page, IReadOnlyList<TextLine> Lines)
{
    public string Text => string.Join("\n", Lines.Select(l => l.Text));
}
