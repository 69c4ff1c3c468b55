using System.Globalization;

namespace Dossier.Tests;

public sealed class BackgroundSchedulerTests
{
    [Fact]
    public async Task A_parallel_loop_on_it_runs_every_index_on_its_threads_only()
    {
        using var scheduler = new BackgroundScheduler(2, "test worker");
        var options = new ParallelOptions { TaskScheduler = scheduler, MaxDegreeOfParallelism = 2 };
        var results = new int[1000];
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();

        // Started from one of its own threads, as the ingest's producer is, so that thread works in the loop too.
        await Task.Factory.StartNew(
            () => Parallel.For(0, results.Length, options, i =>
            {
                results[i] = i * i;
                threads[Thread.CurrentThread.Name ?? "(unnamed)"] = true;
            }),
            TestContext.Current.CancellationToken, TaskCreationOptions.None, scheduler);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * i), results);
        Assert.Equal(["test worker"], threads.Keys);
    }

    [Fact]
    public async Task Its_threads_run_at_a_lower_priority_on_linux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "thread priorities are read from /proc");
        using var scheduler = new BackgroundScheduler(1, "test worker");
        var nice = await Task.Factory.StartNew(
            () => File.ReadAllText("/proc/thread-self/stat"),
            TestContext.Current.CancellationToken, TaskCreationOptions.None, scheduler);

        // Field 19 of stat is the nice value; the command name (field 2) is in parentheses and may hold spaces.
        var fields = nice[(nice.LastIndexOf(')') + 2)..].Split(' ');
        // At least 10: a suite started under `nice` keeps its own, higher value.
        Assert.InRange(int.Parse(fields[19 - 3], CultureInfo.InvariantCulture), 10, 19);
    }
}
