namespace Dossier.Tests;

public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Results_come_in_input_order_whatever_the_threads(int degree)
    {
        // Later items finish first (shorter sleeps), so only the ordering logic keeps them in place.
        var results = OrderedParallel.Map(Enumerable.Range(0, 200), i =>
        {
            Thread.SpinWait((200 - i) * 50);
            return i * 3;
        }, degree).ToList();

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 3), results);
    }

    [Fact]
    public void Given_workers_the_map_runs_on_their_threads()
    {
        using var workers = new BackgroundScheduler(2, "test worker");

        var threads = OrderedParallel.Map(Enumerable.Range(0, 100), _ => Thread.CurrentThread.Name, degree: 2, workers: workers).ToHashSet();

        Assert.Equal(["test worker"], threads);
    }

    [Fact]
    public void The_source_is_read_at_most_a_window_ahead_of_the_consumer()
    {
        const int window = 8;
        var pulled = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 1000; i++)
            {
                pulled++;
                yield return i;
            }
        }

        var consumed = 0;
        var maxAhead = 0;
        foreach (var _ in OrderedParallel.Map(Source(), i => i, degree: 2, window))
        {
            consumed++;
            maxAhead = Math.Max(maxAhead, pulled - consumed);
        }

        Assert.Equal(1000, consumed);
        Assert.True(maxAhead <= window, $"the source ran {maxAhead} items ahead of the consumer; the window is {window}");
    }

    [Fact]
    public void An_exception_in_the_map_reaches_the_consumer_unwrapped()
    {
        var run = () => OrderedParallel.Map(Enumerable.Range(0, 50), i => i == 20 ? throw new InvalidOperationException("item 20") : i, degree: 2).ToList();

        var error = Assert.Throws<InvalidOperationException>(run);
        Assert.Equal("item 20", error.Message);
    }
}
