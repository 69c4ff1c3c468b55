using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dossier.Events;

namespace Dossier.Benchmarks;

/// <summary>
/// Start-up of the event coder with all its tables: the built-in lexicon, CAMEO 2.0's verbs, data/actors, the
/// coder's actors and the Phoenix actor dictionaries, compiled into tries. The baseline only reads the same
/// embedded files as text, so the ratio shows what compiling them costs over reading them.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class CoderStartupBenchmarks
{
    /// <summary>A short run inside this process (see <see cref="EventBenchmarks"/>).</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithInvocationCount(1).WithUnrollFactor(1));
    }

    private static readonly (string Folder, string File)[] s_tables =
    [
        ("verbs", "cameo2.txt"), ("verbs", "lexicon.tsv"), ("verbs", "discards.tsv"), ("actors", "countries.tsv"), ("actors", "igos.tsv"),
        ("actors", "people.tsv"), ("actors", "cities.tsv"), ("cameo", "actors.tsv"), ("cameo", "phoenix.txt"), ("cameo", "agents.tsv"),
    ];

    [Benchmark(Baseline = true)]
    public long ReadTablesAsText()
    {
        long chars = 0;
        foreach (var (folder, file) in s_tables)
        {
            using var r = EmbeddedData.Open(folder + "/" + file);
            chars += r.ReadToEnd().Length;
        }
        return chars;
    }

    [Benchmark]
    public int LoadAllTables()
    {
        var d = BuiltInDictionaries.Load();
        return d.Verbs.FormCount + d.Actors.Count;
    }
}
