using Extractor.Pdf;

namespace Extractor.Tests.Pdf;

public sealed class StableSortTests
{
    [Fact]
    public void Orders_as_OrderBy_does_keeping_equal_keys_in_their_order()
    {
        // Many ties, a NaN and both zeros: the result must be exactly LINQ's stable order.
        var random = new Random(7);
        double[] keys = [0.0, -0.0, double.NaN, 1.5, 1.5, -2, 3];
        for (var round = 0; round < 200; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 40)).Select(i => (Key: keys[random.Next(keys.Length)], Id: i)).ToList();
            var expected = items.OrderBy(x => x.Key).ToList();

            StableSort.Sort(items, static x => x.Key);

            Assert.Equal(expected, items);
        }
    }

    [Fact]
    public void By_two_keys_as_OrderBy_ThenBy()
    {
        var random = new Random(11);
        var items = Enumerable.Range(0, 60).Select(i => (A: random.Next(3), B: random.Next(3), Id: i)).ToList();
        var expected = items.OrderBy(x => x.A).ThenBy(x => x.B).ToList();

        StableSort.Sort(items, static (x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));

        Assert.Equal(expected, items);
    }
}
