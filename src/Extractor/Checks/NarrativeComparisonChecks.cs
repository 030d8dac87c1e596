using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Arithmetic;

namespace Extractor.Checks;

/// <summary>
/// Sentences that give two amounts and the change between them as a rate — "2025年当年预算执行数为
/// 1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%" — checked by their own
/// arithmetic: the rate must be (second − first) / first, rounded to the digits printed, and its word
/// (增加 or 减少) must have the change's sign. Id <c>narrative.comparison</c>.
/// </summary>
public static partial class NarrativeComparisonChecks
{
    public static IReadOnlyList<CheckResult> Run(NarrativeText narrative) => Run(narrative, null);

    /// <summary>The comparisons of the narrative; the ledger (when given) learns which of its statements each one read.</summary>
    public static IReadOnlyList<CheckResult> Run(NarrativeText narrative, NarrativeLedger? ledger)
    {
        var results = new List<CheckResult>();
        var tokens = ledger?.Sentences.ToDictionary<SentenceTokens, NarrativeSentence>(t => t.Sentence, ReferenceEqualityComparer.Instance);
        foreach (var sentence in narrative.Sentences)
        {
            // Every comparison has 比 and a per-cent sign: sentences without them (most) skip the pattern, whose
            // search from every digit of a sentence full of figures is costly.
            var raw = sentence.Text;
            if (raw.IndexOf('比') < 0 || raw.AsSpan().IndexOfAny('%', '％') < 0) continue;
            var text = raw.Replace(" ", "");
            foreach (Match m in Comparison().Matches(text))
            {
                var first = decimal.Parse(m.Groups["a"].Value.Replace(",", ""), CultureInfo.InvariantCulture);
                var second = decimal.Parse(m.Groups["b"].Value.Replace(",", ""), CultureInfo.InvariantCulture);
                var printed = decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
                if (first <= 0) continue;
                var up = m.Groups["dir"].Value is "增加" or "增长" or "上升";
                var change = Math.Abs(second - first);
                // The change carries the rounding of both amounts it is the difference of.
                var ratio = Tolerance.Ratio(printed, printed.Scale, new Amount(change, HalfUnitOf(first) + HalfUnitOf(second)), new Amount(first, HalfUnitOf(first)));
                if (ratio is null) continue;
                var sign = second >= first;
                var status = ratio.Status;
                var exact = (second - first) / first * 100m;
                var reason = string.Empty;
                if (change != 0 && sign != up)
                {
                    status = CheckStatus.Fail;
                    reason = $" The sentence says {m.Groups["dir"].Value}, but {F(second)} is {(sign ? "more" : "less")} than {F(first)}.";
                }
                var signedPrinted = up ? printed : -printed;
                var check = new CheckResult
                {
                    Id = "narrative.comparison",
                    Tables = [],
                    Status = status,
                    Expected = Math.Round(exact, Math.Max((int)printed.Scale, 2)),
                    Actual = signedPrinted,
                    Difference = signedPrinted - Math.Round(exact, Math.Max((int)printed.Scale, 2)),
                    Tolerance = Math.Round(ratio.Tolerance, 4),
                    Pages = [sentence.FirstPage],
                    Quote = m.Value,
                    Message = status == CheckStatus.Pass
                        ? $"{F(first)} to {F(second)} is {F(Math.Round(exact, 2))}%, printed {m.Groups["dir"].Value}{F(printed)}%."
                        : $"{F(first)}万元 to {F(second)}万元 is a change of {F(Math.Round(exact, 2))}%, but the sentence prints {m.Groups["dir"].Value}{F(printed)}%.{reason}",
                };
                results.Add(check);
                if (tokens is not null && tokens.TryGetValue(sentence, out var t))
                {
                    // The statements it read: the two amounts and the rate, by value (the match ran on the text without spaces).
                    var what = $"{F(first)}万元 to {F(second)}万元";
                    foreach (var a in t.Amounts.Where(a => a.Value == first || a.Value == second)) ledger!.Read(a, check, what);
                    foreach (var p in t.Percents.Where(p => p.Value == printed)) ledger!.Read(p, check, what);
                }
            }
        }
        return results;
    }

    private static decimal HalfUnitOf(decimal value) => Tolerance.HalfUnit(value.Scale);

    private static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<a>\d[\d,]*(?:\.\d+)?)万元[，,][^，,。；;%]{0,30}?(?<b>\d[\d,]*(?:\.\d+)?)万元[，,]比[^，,。；;%]{0,20}?(?<dir>增加|减少|增长|下降|上升)(了)?(?<p>\d+(?:\.\d+)?)[%％]")]
    private static partial Regex Comparison();
}
