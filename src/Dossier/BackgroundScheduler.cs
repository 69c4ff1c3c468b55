using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Dossier;

/// <summary>
/// Runs tasks on its own threads, which ask the operating system for a lower scheduling priority (a higher
/// nice value on Linux). A run's grouping thread is its critical path (in an ingest it groups, writes and
/// checkpoints one batch while the articles of the next are processed on every core), so
/// <see cref="DossierPipeline.Run"/> processes articles on these threads. On equal terms the scheduler gave
/// that one thread a fifth of the machine's time slices (five runnable threads on two cores), and it spent
/// 13 s of a 50 s run runnable but waiting. Processing on these threads fills the cores the committing thread
/// and the fusion do not use, and yields to them when they are ready.
/// </summary>
/// <remarks>
/// Lowering a thread's own priority needs no privilege. Where the call is not available (other systems) the
/// threads run at normal priority, which only costs speed. Tasks started from one of these threads may run
/// inline on it, so a <see cref="Parallel"/> loop started here uses the calling thread as one of its workers.
/// </remarks>
internal sealed class BackgroundScheduler : TaskScheduler, IDisposable
{
    /// <summary>The nice value the threads ask for: below every thread at the default 0, above idle work.</summary>
    private const int Niceness = 10;

    private readonly BlockingCollection<Task> queue = [];
    private readonly Thread[] threads;

    [ThreadStatic]
    private static BackgroundScheduler? current;

    public BackgroundScheduler(int threadCount, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = name };
            threads[i].Start();
        }
    }

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => threads.Length;

    public void Dispose()
    {
        queue.CompleteAdding();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        queue.Dispose();
    }

    /// <inheritdoc />
    protected override void QueueTask(Task task) => queue.Add(task);

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => current == this && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Work()
    {
        current = this;
        LowerPriority();
        foreach (var task in queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // On Linux, PRIO_PROCESS with a thread id sets that one thread's nice value. A process started at a
            // higher nice value (nice -n 19 dossier …) keeps it: this only ever lowers priority.
            var thread = GetThreadId();
            _ = SetPriority(PrioProcess, thread, Math.Max(GetPriority(PrioProcess, thread), Niceness));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without these entry points: stay at normal priority.
        }
    }

    private const int PrioProcess = 0;

    // Plain int arguments need no marshalling, so DllImport needs no unsafe code (LibraryImport's generated stubs would).
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}
