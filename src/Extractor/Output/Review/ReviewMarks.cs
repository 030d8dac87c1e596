using Extractor.Checks;
using Extractor.Pdf;
using Extractor.Arithmetic;

namespace Extractor.Output.Review;

/// <summary>
/// A check as a reviewer sees it marked on the pages: its number among the marked checks, the cells to outline (those of
/// the comparisons that gave the check its status, so a sum failing in one column of six outlines that column), and
/// where its sentence is printed for a narrative check.
/// </summary>
public sealed record CheckMark(CheckResult Check, int Number, IReadOnlyList<CheckCell> Cells, IReadOnlyList<TextSpan> Quote)
{
    public string Id => Check.Id;

    /// <summary>
    /// The page a note on the check belongs on: the sentence's for a narrative check (it is the sentence that is checked),
    /// else the page of the first cell outlined, else the first page the check names.
    /// </summary>
    public int HomePage => Quote.Count > 0 ? Quote[0].Page : Cells.Count > 0 ? Cells[0].Page : Check.Pages.Count > 0 ? Check.Pages[0] : 1;

    /// <summary>Everything to outline on one page: cell boxes, then the sentence's line boxes.</summary>
    public IReadOnlyList<Box> BoxesOn(int page) =>
        Cells.Where(c => c.Page == page).Select(c => c.Box).Concat(Quote.Where(q => q.Page == page).Select(q => q.Box)).ToList();

    /// <summary>The box a note on <see cref="HomePage"/> is anchored to, if any.</summary>
    public Box? Anchor => BoxesOn(HomePage) is { Count: > 0 } boxes ? boxes[0] : null;
}

public static class ReviewMarks
{
    /// <summary>The document's checks with <paramref name="statuses"/> (fail, warn …), numbered from 1 in report order.</summary>
    public static IReadOnlyList<CheckMark> For(DocumentResult document, params string[] statuses)
    {
        var locator = new QuoteLocator(document.Text);
        var marks = new List<CheckMark>();
        foreach (var check in document.Checks)
        {
            if (!statuses.Contains(check.Status)) continue;
            marks.Add(Mark(check, marks.Count + 1, locator));
        }
        return marks;
    }

    public static CheckMark Mark(CheckResult check, int number, QuoteLocator locator)
    {
        var decisive = check.Cells.Where(c => c.Status == check.Status).ToList();
        var cells = (decisive.Count > 0 ? decisive : check.Cells.ToList())
            .DistinctBy(c => (c.Page, c.Box)).ToList();
        var quote = check.Quote is { Length: > 0 } q ? locator.Locate(q, check.Pages.ToHashSet()) : [];
        return new CheckMark(check, number, cells, quote);
    }
}
