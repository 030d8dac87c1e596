namespace Extractor.Templates;

/// <summary>The two classifications whose codes the tables print.</summary>
public enum CodeSystem
{
    /// <summary>支出功能分类科目: 类 3 digits, 款 5, 项 7.</summary>
    Function,
    /// <summary>支出经济分类科目: 类 3 digits, 款 5; some regions print a further 7-digit level (3010201 规范性津补贴).</summary>
    Economic,
}

public static class CodeLevels
{
    public static CodeSystem? SystemOf(string? templateCodes) => templateCodes switch
    {
        "function" => CodeSystem.Function,
        "economic" => CodeSystem.Economic,
        _ => null,
    };

    /// <summary>Whether a printed code has one of the system's full lengths.</summary>
    public static bool IsComplete(string code, CodeSystem system) => system switch
    {
        CodeSystem.Function => code.Length is 3 or 5 or 7,
        _ => code.Length is 3 or 5 or 7,
    };

    /// <summary>
    /// The level a code stands at. A truncated code is at the level it was cut from: a 6-digit
    /// function code is a 项 whose last digit was lost, a 4-digit economic code a 款.
    /// </summary>
    public static string LevelOf(string code, CodeSystem system)
    {
        if (code.Length == 0) return string.Empty;
        if (code.Length <= 3) return "类";
        if (code.Length <= 5 || (system == CodeSystem.Economic && code.Length < 7)) return "款";
        return "项";
    }
}
