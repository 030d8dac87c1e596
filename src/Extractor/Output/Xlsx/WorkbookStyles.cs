using System.Drawing;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Extractor.Output.Xlsx;

/// <summary>
/// The workbook's cell styles: a title, a header (bold, shaded, centred, wrapped, merged cells drawn as in the PDF),
/// text (the Excel text format <c>@</c>, so a code typed over stays text), and numbers shown with the decimals they were
/// printed with — with or without thousands separators, as amounts or as shares in %. A style is named by a small
/// number (<see cref="Header"/>, <see cref="Number"/> …) and registered in each workbook by <see cref="Register"/>.
/// </summary>
internal static class WorkbookStyles
{
    public const int Default = 0;
    public const int Header = 1;
    public const int Title = 2;
    public const int Text = 3;
    private const int FirstNumber = 4;

    /// <summary>Most decimal places a number style shows; a value with more is shown with this many (and stored whole).</summary>
    public const int MaxDecimals = 10;

    private const int Count = FirstNumber + 4 * (MaxDecimals + 1);

    /// <summary>The style of a number shown with <paramref name="decimals"/> places, grouped by thousands or not, as a share or not.</summary>
    public static int Number(int decimals, bool grouped = false, bool percent = false) =>
        FirstNumber + ((percent ? 2 : 0) + (grouped ? 1 : 0)) * (MaxDecimals + 1) + Math.Clamp(decimals, 0, MaxDecimals);

    /// <summary>Adds every style to a workbook; the result maps a style number to its id there.</summary>
    public static StyleId[] Register(Spreadsheet spreadsheet)
    {
        var ids = new StyleId[Count];
        ids[Default] = spreadsheet.AddStyle(new Style());
        var header = Bordered();
        header.Font.Bold = true;
        header.Fill.Color = Color.FromArgb(0xE8, 0xEE, 0xF4);
        header.Alignment.Horizontal = HorizontalAlignment.Center;
        header.Alignment.Vertical = VerticalAlignment.Center;
        header.Alignment.WrapText = true;
        header.Format = NumberFormat.Standard(StandardNumberFormat.Text);
        ids[Header] = spreadsheet.AddStyle(header);
        var title = new Style();
        title.Font.Bold = true;
        title.Font.Size = 14;
        ids[Title] = spreadsheet.AddStyle(title);
        var text = Bordered();
        text.Format = NumberFormat.Standard(StandardNumberFormat.Text);
        ids[Text] = spreadsheet.AddStyle(text);
        for (var kind = 0; kind < 4; kind++)
        {
            var (percent, grouped) = (kind >= 2, kind % 2 == 1);
            for (var decimals = 0; decimals <= MaxDecimals; decimals++)
            {
                var number = Bordered();
                number.Format = NumberFormat.Custom((grouped ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "") + (percent ? "%" : ""));
                ids[Number(decimals, grouped, percent)] = spreadsheet.AddStyle(number);
            }
        }
        return ids;
    }

    private static Style Bordered()
    {
        var style = new Style();
        style.Border.Left.BorderStyle = BorderStyle.Thin;
        style.Border.Right.BorderStyle = BorderStyle.Thin;
        style.Border.Top.BorderStyle = BorderStyle.Thin;
        style.Border.Bottom.BorderStyle = BorderStyle.Thin;
        return style;
    }
}
