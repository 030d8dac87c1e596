using Extractor.Rows;
using Extractor.Templates;

namespace Extractor.Codes;

/// <summary>
/// Walks a table's coded rows top to bottom, remembering the current 类 and 款, so a code printed
/// relative to them ("06" under 201, "01" under 20106, or a 款 column without its 类) can be made
/// whole, and a code can be checked against the row it should sit under.
/// </summary>
internal sealed class HierarchyWalker(CodeSystem system)
{
    private string? _class;
    private string? _kuan;
    private int _lastLength;
    private string? _lastRelative;
    private string? _kuanColumn;
    private decimal? _kuanAmount;
    private decimal _childrenSum;
    private int _children;

    /// <summary>
    /// The row's code made whole from its printed parts and the rows above; <c>Detail</c> is
    /// non-empty when structure supplied digits the row does not print; a null code means the
    /// structure leaves it open (Detail says why).
    /// </summary>
    public (string? Code, string Detail) Compose(TableRow row)
    {
        var printed = row.CodePrinted;
        if (row.CodeParts.Any(p => p.Level.Length > 0)) return ComposeSplit(row);
        if (printed.Length > 2 || !printed.All(char.IsAsciiDigit)) return (printed, string.Empty);

        if (system == CodeSystem.Economic)
        {
            return _class is null
                ? (null, $"relative code {printed} with no 类 row above it")
                : (_class + printed, $"relative code {printed} under the 类 {_class} above it");
        }
        switch (_lastLength)
        {
            case 3 when _class is not null:
                return (_class + printed, $"relative code {printed} under the 类 {_class} above it");
            case 5 when _kuan is not null:
                return (_kuan + printed, $"relative code {printed} under the 款 {_kuan} above it");
            case 6 or 7 when _kuan is not null && _class is not null:
                // After a 项 the next relative code is a further 项, or a new 款 of the same 类.
                // Codes ascend, and a 款's 项 add up to it: when they already do, the 款 is complete.
                if (ChildrenComplete() || string.CompareOrdinal(printed, _lastRelative) <= 0)
                {
                    return (_class + printed, $"relative code {printed} under the 类 {_class}: the 项 of {_kuan} above already add up to it");
                }
                if (_kuanAmount is not null)
                {
                    return (_kuan + printed, $"relative code {printed} under the 款 {_kuan}: its 项 above do not yet add up to it");
                }
                return (null, $"relative code {printed} after a 项: it may be a 项 of {_kuan} or a 款 of {_class}, and no amount tells which");
            default:
                return (null, $"relative code {printed} with no 类 or 款 row above it");
        }
    }

    private (string? Code, string Detail) ComposeSplit(TableRow row)
    {
        string? Part(string level) => row.CodeParts.FirstOrDefault(p => p.Level == level)?.Text;
        var cls = Part("类");
        var kuan = Part("款");
        var xiang = Part("项");
        var supplied = new List<string>();
        string code;
        if (cls is not null)
        {
            code = cls;
        }
        else if (_class is not null)
        {
            code = _class;
            supplied.Add($"类 {_class}");
        }
        else
        {
            return (null, $"code {row.CodePrinted} printed without its 类 and no 类 row above it");
        }
        if (kuan is not null)
        {
            code += kuan;
        }
        else if (xiang is not null)
        {
            if (_kuan is null || !_kuan.StartsWith(code, StringComparison.Ordinal))
            {
                return (null, $"code {row.CodePrinted} printed without its 款 and no 款 row above it");
            }
            code = _kuan;
            supplied.Add($"款 {_kuan}");
        }
        if (xiang is not null) code += xiang;
        var detail = supplied.Count == 0 ? string.Empty : $"the 类/款/项 columns print {row.CodePrinted}; {string.Join(" and ", supplied)} come from the rows above";
        return (code, detail);
    }

    /// <summary>The code a row should begin with: the 款 above a 项, the 类 above a 款.</summary>
    public string? ParentOf(string code) => code.Length switch
    {
        5 => _class,
        6 or 7 => _kuan,
        _ => null,
    };

    public void Advance(TableRow row)
    {
        var code = row.Code;
        if (code.Length == 0 || !code.All(char.IsAsciiDigit)) return;
        switch (code.Length)
        {
            case 3:
                _class = code;
                _kuan = null;
                _kuanAmount = null;
                break;
            case 4 or 5:
                if (code.Length == 5 || system == CodeSystem.Function) _class = code[..3];
                _kuan = code;
                var first = row.Values.FirstOrDefault();
                _kuanColumn = first?.Column;
                _kuanAmount = first?.Value;
                _childrenSum = 0;
                _children = 0;
                break;
            default:
                _lastRelative = code.Length >= 7 ? code[5..] : null;
                var value = row.Values.FirstOrDefault(v => v.Column == _kuanColumn);
                if (value is not null)
                {
                    _childrenSum += value.Value;
                    _children++;
                }
                break;
        }
        _lastLength = system == CodeSystem.Economic && code.Length == 5 ? 5 : code.Length;
        if (code.Length == 5 || code.Length == 3) _lastRelative = code.Length == 5 ? null : _lastRelative;
    }

    private bool ChildrenComplete() =>
        _kuanAmount is { } amount && _children > 0 && Math.Abs(amount - _childrenSum) <= 0.005m * _children;
}
