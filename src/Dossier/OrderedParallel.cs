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

        // Items go to the workers in small runs, one task each: a task and a wait for it per item (a lock, and often a
        // thread's wake-up when the head of the window is not done) cost a 100k ingest, whose window is a whole batch,
        // more than the map's own work on short items. A small window keeps runs of one or two.
        var run = Math.Clamp(window / (8 * degree), 1, 16);
        var inFlight = new Queue<Task<TResult[]>>();
        var started = 0;
        var pending = new List<TSource>(run);
        Task<TResult[]> Start(TSource[] items) =>
            Task.Factory.StartNew(() => Array.ConvertAll(items, item => map(item)), CancellationToken.None, TaskCreationOptions.None, scheduler);
        try
        {
            foreach (var item in source)
            {
                while (started + pending.Count >= window && inFlight.Count > 0)
                {
                    var done = inFlight.Dequeue().GetAwaiter().GetResult();
                    started -= done.Length;
                    foreach (var result in done)
                    {
                        yield return result;
                    }
                }

                pending.Add(item);
                if (pending.Count == run)
                {
                    inFlight.Enqueue(Start([.. pending]));
                    started += pending.Count;
                    pending.Clear();
                }
            }

            if (pending.Count > 0)
            {
                inFlight.Enqueue(Start([.. pending]));
                pending.Clear();
            }

            while (inFlight.Count > 0)
            {
                foreach (var result in inFlight.Dequeue().GetAwaiter().GetResult())
                {
                    yield return result;
                }
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
