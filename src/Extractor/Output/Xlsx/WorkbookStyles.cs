using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Extractor.Output.Xlsx;

/// <summary>
/// The workbook's cell styles: a title, a header (bold, shaded, centred, wrapped, merged cells drawn as in the PDF),
/// text (the Excel text format <c>@</c>, so a code typed over stays text), and numbers shown with the decimals they were
/// printed with — with or without thousands separators, as amounts or as shares in %.
/// </summary>
internal static class WorkbookStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Title = 2;
    public const uint Text = 3;
    private const uint FirstNumber = 4;

    /// <summary>Most decimal places a number style shows; a value with more is shown with this many (and stored whole).</summary>
    public const int MaxDecimals = 10;

    /// <summary>The style of a number shown with <paramref name="decimals"/> places, grouped by thousands or not, as a share or not.</summary>
    public static uint Number(int decimals, bool grouped = false, bool percent = false) =>
        FirstNumber + (uint)(((percent ? 2 : 0) + (grouped ? 1 : 0)) * (MaxDecimals + 1) + Math.Clamp(decimals, 0, MaxDecimals));

    public static Stylesheet Build()
    {
        var formats = new List<NumberingFormat>();
        var cellFormats = new List<CellFormat>
        {
            new() { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new()
            {
                NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
                Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true },
            },
            new() { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true },
            new() { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
        };
        for (var kind = 0; kind < 4; kind++)
        {
            var (percent, grouped) = (kind >= 2, kind % 2 == 1);
            for (var decimals = 0; decimals <= MaxDecimals; decimals++)
            {
                var code = (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "") + (percent ? "%" : "");
                var id = (uint)(164 + formats.Count);
                formats.Add(new NumberingFormat { NumberFormatId = id, FormatCode = code });
                cellFormats.Add(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true });
            }
        }

        return new Stylesheet(
            new NumberingFormats(formats) { Count = (uint)formats.Count },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FFE8EEF4") }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                    new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
            new CellFormats(cellFormats) { Count = (uint)cellFormats.Count });
    }
}
