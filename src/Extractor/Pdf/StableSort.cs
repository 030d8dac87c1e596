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
        var copy = items.ToArray();
        Reorder(items, copy, (a, b) => compare(copy[a], copy[b]));
    }

    /// <summary>By a number, as <c>OrderBy(key)</c> orders numbers (NaN first); each item's key is read once.</summary>
    public static void Sort<T>(List<T> items, Func<T, double> key)
    {
        var sorted = true;
        var previous = items.Count > 0 ? key(items[0]) : 0;
        for (var i = 1; i < items.Count && sorted; i++)
        {
            var current = key(items[i]);
            sorted = previous.CompareTo(current) <= 0;
            previous = current;
        }
        if (sorted) return;
        var keys = new double[items.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = key(items[i]);
        Reorder(items, items.ToArray(), (a, b) => keys[a].CompareTo(keys[b]));
    }

    /// <summary>Puts <paramref name="copy"/> back into <paramref name="items"/> in the order of its indices by <paramref name="compare"/>.</summary>
    private static void Reorder<T>(List<T> items, T[] copy, Comparison<int> compare)
    {
        var order = new int[copy.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Ties broken by the original position: the order is total, so the unstable sort gives the stable result.
        Array.Sort(order, (a, b) =>
        {
            var byValue = compare(a, b);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });
        for (var i = 0; i < order.Length; i++) items[i] = copy[order[i]];
    }
}
