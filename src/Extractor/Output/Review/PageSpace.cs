using Extractor.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Extractor.Output.Review;

/// <summary>
/// Maps page space (the page model's: the displayed page, origin top-left, y down, turned upright when its text ran
/// sideways) back to the PDF's default user space (origin bottom-left of the media box, before /Rotate), where a page's
/// content and its annotations are drawn. It undoes, in reverse order, what reading did: the upright turn of
/// <see cref="PageRotation"/>, the flip to y down, and PdfPig's initial matrix (crop box origin, /Rotate).
/// </summary>
internal sealed class PageSpace
{
    private readonly TransformationMatrix _displayToUser;
    private readonly double _width;
    private readonly double _height;
    private readonly TextDirection _turned;

    private PageSpace(TransformationMatrix displayToUser, double width, double height, TextDirection turned)
    {
        _displayToUser = displayToUser;
        _width = width;
        _height = height;
        _turned = turned;
    }

    /// <summary>The visible area in user space (the crop box within the media box).</summary>
    public PdfRectangle Visible { get; private init; }

    public static PageSpace Of(Page page)
    {
        var view = Intersect(page.MediaBox.Bounds, page.CropBox.Bounds) ?? page.CropBox.Bounds;
        var rotation = page.Rotation.Value;
        var initial = TransformationMatrix.Identity;
        if (rotation != 0 || view.Left != 0 || view.Bottom != 0)
        {
            // PdfPig's initial matrix: move the view box to the origin, then turn by /Rotate.
            var (x, y) = rotation switch
            {
                90 => (0.0, view.Width),
                180 => (view.Width, view.Height),
                270 => (view.Height, 0.0),
                _ => (0.0, 0.0),
            };
            initial = TransformationMatrix.GetTranslationMatrix(-view.Left, -view.Bottom)
                .Multiply(TransformationMatrix.GetRotationMatrix(-rotation).Multiply(TransformationMatrix.GetTranslationMatrix(x, y)));
        }
        return new PageSpace(initial.Inverse(), page.Width, page.Height, UprightTurn(page)) { Visible = view };
    }

    /// <summary>The turn <see cref="PdfPageReader"/> gave the page: the same rule on the same letters.</summary>
    private static TextDirection UprightTurn(Page page)
    {
        var directions = new int[4];
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value) || string.IsNullOrWhiteSpace(TextNormalizer.NormalizeGlyph(letter.Value))) continue;
            switch (letter.TextOrientation)
            {
                case TextOrientation.Horizontal: directions[0]++; break;
                case TextOrientation.Rotate90: directions[1]++; break;
                case TextOrientation.Rotate270: directions[2]++; break;
                case TextOrientation.Rotate180: directions[3]++; break;
            }
        }
        var dominant = Array.IndexOf(directions, directions.Max());
        if (dominant == 0 || directions[dominant] <= 2 * directions[0]) return TextDirection.LeftToRight;
        return dominant switch { 1 => TextDirection.Down, 2 => TextDirection.Up, _ => TextDirection.UpsideDown };
    }

    /// <summary>A point of page space in user space.</summary>
    public PdfPoint ToUser(double x, double y)
    {
        // Undo the upright turn (its inverse), in the displayed page's top-left space.
        var (dx, dy) = _turned switch
        {
            TextDirection.Up => (y, _height - x),
            TextDirection.Down => (_width - y, x),
            TextDirection.UpsideDown => (_width - x, _height - y),
            _ => (x, y),
        };
        return _displayToUser.Transform(new PdfPoint(dx, _height - dy));
    }

    /// <summary>A box of page space as a rectangle of user space (turns are multiples of 90°, so it stays axis-aligned).</summary>
    public PdfRectangle ToUser(Box box)
    {
        var a = ToUser(box.Left, box.Top);
        var b = ToUser(box.Right, box.Bottom);
        return new PdfRectangle(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));
    }

    /// <summary>Whether text drawn left to right in user space reads left to right in page space.</summary>
    public bool UserTextIsUpright
    {
        get
        {
            var origin = ToUser(0, 0);
            var right = ToUser(10, 0);
            return right.X - origin.X > 5 && Math.Abs(right.Y - origin.Y) < 1;
        }
    }

    private static PdfRectangle? Intersect(PdfRectangle a, PdfRectangle b)
    {
        var left = Math.Max(a.Left, b.Left);
        var right = Math.Min(a.Right, b.Right);
        var bottom = Math.Max(a.Bottom, b.Bottom);
        var top = Math.Min(a.Top, b.Top);
        return left < right && bottom < top ? new PdfRectangle(left, bottom, right, top) : null;
    }
}
