namespace Extractor.Arithmetic;

/// <summary>
/// What rounding can explain. The tables are printed in 万元 to two decimals after conversion from
/// 元, so every printed amount may be off by half a unit of its last digit (0.005 万元): a sum of N
/// printed amounts may differ from its printed total by up to N × that. A share or rate is right
/// when it lies within half a unit of its own last printed digit of the ratio its amounts allow.
/// </summary>
public static class Tolerance
{
    /// <summary>Half a unit of the last digit of a number printed with <paramref name="scale"/> decimals.</summary>
    public static decimal HalfUnit(int scale) => 0.5m * Unit(scale);

    /// <summary>One unit of the last digit of a number printed with <paramref name="scale"/> decimals.</summary>
    public static decimal Unit(int scale)
    {
        var unit = 1m;
        for (var i = 0; i < scale; i++) unit /= 10m;
        for (var i = 0; i > scale; i--) unit *= 10m;
        return unit;
    }

    /// <summary>The number of decimals a value was printed with (<c>72.00</c> → 2).</summary>
    public static int Scale(decimal value) => value.Scale;

    /// <summary><c>pass</c> when equal, <c>warn</c> when the difference is within the tolerance, else <c>fail</c>.</summary>
    public static string Status(decimal difference, decimal tolerance) =>
        difference == 0 ? CheckStatus.Pass : Math.Abs(difference) <= tolerance ? CheckStatus.Warn : CheckStatus.Fail;

    /// <summary>The worse of two statuses (fail &gt; warn &gt; pass &gt; skipped).</summary>
    public static string Worse(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    public static int Rank(string status) => status switch
    {
        CheckStatus.Fail => 3,
        CheckStatus.Warn => 2,
        CheckStatus.Pass => 1,
        _ => 0,
    };

    /// <summary>How many 万元 one unit of a printed table unit is (元 → 0.0001), or null when the unit is not a money unit we know.</summary>
    public static decimal? UnitFactor(string unit)
    {
        var u = unit.Replace(" ", "", StringComparison.Ordinal);
        if (u.Length == 0 || u.Contains("万元", StringComparison.Ordinal)) return 1m;
        if (u.Contains("亿元", StringComparison.Ordinal)) return 10000m;
        if (u.Contains("千元", StringComparison.Ordinal)) return 0.1m;
        if (u.Contains("百元", StringComparison.Ordinal)) return 0.01m;
        if (u.Contains('元')) return 0.0001m;
        if (u == "万") return 1m;
        return null;
    }

    /// <summary>Rounds half away from zero to <paramref name="scale"/> decimals, as the documents do.</summary>
    public static decimal Round(decimal value, int scale) => Math.Round(value, Math.Max(0, Math.Min(28, scale)), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Checks a printed percentage against <paramref name="numerator"/> / <paramref name="denominator"/> × 100.
    /// <c>pass</c> when the exact ratio rounds to the printed figure; <c>warn</c> when the printed figure is within half a
    /// unit of its last digit of some ratio the amounts allow once their own rounding is taken into account, or is that
    /// ratio cut off (truncated) at the printed digit instead of rounded; else <c>fail</c>. Returns null when the
    /// denominator is zero (no ratio to check).
    /// </summary>
    public static RatioOutcome? Ratio(decimal printedPercent, int percentScale, Amount numerator, Amount denominator)
    {
        if (denominator.Value <= 0 || numerator.Value < 0) return null;
        var exact = numerator.Value / denominator.Value * 100m;
        var half = HalfUnit(percentScale);
        var unit = Unit(percentScale);
        // The ratio range the amounts allow when each may be off by half a unit of its last printed digit.
        var loDen = denominator.Value + denominator.HalfUnit;
        var hiDen = denominator.Value - denominator.HalfUnit;
        var lo = Math.Max(0, numerator.Value - numerator.HalfUnit) / loDen * 100m;
        var hi = hiDen <= 0 ? decimal.MaxValue / 4 : (numerator.Value + numerator.HalfUnit) / hiDen * 100m;
        string status;
        if (Round(exact, percentScale) == printedPercent) status = CheckStatus.Pass;
        else if (printedPercent >= lo - half && printedPercent <= hi + half) status = CheckStatus.Warn;
        else if (printedPercent > lo - unit && printedPercent <= hi) status = CheckStatus.Warn; // truncated, not rounded
        else status = CheckStatus.Fail;
        var tolerance = Math.Max(Math.Abs(exact - lo) + unit, Math.Abs(hi - exact) + half);
        var truncated = Math.Truncate(exact / unit) * unit == printedPercent && status != CheckStatus.Pass;
        return new RatioOutcome(status, exact, Math.Min(tolerance, 1_000_000m)) { Truncated = truncated };
    }
}

/// <summary>An amount as printed (in 万元) with half a unit of its last printed digit.</summary>
public readonly record struct Amount(decimal Value, decimal HalfUnit);

/// <summary>The outcome of a ratio check: its status, the exact ratio (per cent) and the tolerance allowed.</summary>
public sealed record RatioOutcome(string Status, decimal Exact, decimal Tolerance)
{
    /// <summary>The printed figure is the ratio cut off at its last digit rather than rounded.</summary>
    public bool Truncated { get; init; }
}
