namespace Dossier;

/// <summary>
/// Maps a stream in parallel and yields the results in input order, holding at most a fixed window of
/// items in flight. PLINQ's ordered merge buffers up to thousands of results per worker when the consumer
/// is the slower side (as the single-threaded grouper and writer are), which made peak memory grow with the
/// input; here memory is bounded by the window whatever the input's length.
/// </summary>
public static class OrderedParallel
{
    /// <summary>
    /// <paramref name="map"/> applied to every item of <paramref name="source"/> on up to <paramref name="degree"/>
    /// threads, yielded in input order. The source is enumerated on the caller's thread, a window ahead of the results.
    /// </summary>
    /// <param name="source">The items, enumerated once, lazily.</param>
    /// <param name="map">A function safe to call concurrently.</param>
    /// <param name="degree">Threads that run <paramref name="map"/>; 1 runs it inline.</param>
    /// <param name="window">Items in flight at most (started but not yet yielded); default 16 per thread.</param>
    /// <param name="workers">Where <paramref name="map"/> runs; default the shared pool.</param>
    public static IEnumerable<TResult> Map<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int degree, int window = 0, TaskScheduler? workers = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        return degree == 1 ? source.Select(map) : Windowed(source, map, degree, window > 0 ? window : 16 * degree, workers ?? TaskScheduler.Default);
    }

    private static IEnumerable<TResult> Windowed<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int degree, int window, TaskScheduler workers)
    {
        // The pair's concurrent side runs at most `degree` tasks at once on the workers.
        var scheduler = new ConcurrentExclusiveSchedulerPair(workers, degree).ConcurrentScheduler;
        var inFlight = new Queue<Task<TResult>>(window);
        try
        {
            foreach (var item in source)
            {
                if (inFlight.Count >= window)
                {
                    yield return inFlight.Dequeue().GetAwaiter().GetResult();
                }

                inFlight.Enqueue(Task.Factory.StartNew(() => map(item), CancellationToken.None, TaskCreationOptions.None, scheduler));
            }

            while (inFlight.Count > 0)
            {
                yield return inFlight.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // A consumer that stops early (an exception, a break) leaves no work running behind it.
            foreach (var task in inFlight)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // Already abandoned; the consumer has its own error to report.
                }
            }
        }
    }
}
