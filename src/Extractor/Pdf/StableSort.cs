namespace Extractor.Pdf;

/// <summary>
/// Sorts a list in place keeping equal items in their order, as <c>OrderBy</c> does, without its copies. The geometry
/// stages sort small lists very often (every cell's glyphs, every page's rulings), and those usually arrive in order
/// already, which costs one pass to see.
/// </summary>
internal static class StableSort
{
    public static void Sort<T>(List<T> items, Comparison<T> compare)
    {
        var sorted = true;
        for (var i = 1; i < items.Count && sorted; i++) sorted = compare(items[i - 1], items[i]) <= 0;
        if (sorted) return;
        var order = new int[items.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var copy = items.ToArray();
        // Ties broken by the original position: the order is total, so the unstable sort gives the stable result.
        Array.Sort(order, (a, b) =>
        {
            var byValue = compare(copy[a], copy[b]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });
        for (var i = 0; i < order.Length; i++) items[i] = copy[order[i]];
    }

    /// <summary>By a number, as <c>OrderBy(key)</c> orders numbers (NaN first).</summary>
    public static void Sort<T>(List<T> items, Func<T, double> key) => Sort(items, (a, b) => key(a).CompareTo(key(b)));
}
