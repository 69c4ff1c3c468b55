using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dossier.Events;

namespace Dossier.Benchmarks;

/// <summary>
/// Event coding speed, sentences per second on one core. The corpus is the text of PETRARCH's unit-test
/// records and of the two seed reports (read from ../shared at run time). The baseline is a naive coder:
/// one compiled regex over the verb forms and one over the actor names, first actor before the verb as the
/// source, first after it as the target; it does no chunking, no patterns and no negation.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public partial class EventBenchmarks
{
    /// <summary>A short run inside this process: on a loaded two-core machine the generated project's build can time out.</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    private string[] _sentences = [];
    private CameoEventCoder _builtIn = null!;
    private CameoEventCoder _petrarch = null!;
    private Regex _verbRegex = null!;
    private Regex _actorRegex = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("DOSSIER_SHARED") ?? FindShared();
        var list = new List<string>();
        var records = Path.Combine(shared, "eval", "petrarch", "PETR.UnitTest.records.xml");
        if (File.Exists(records))
        {
            foreach (Match m in TextRegex().Matches(File.ReadAllText(records))) list.Add(string.Join(' ', m.Groups[1].Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        }
        var seeds = Path.Combine(shared, "seeds");
        if (Directory.Exists(seeds))
        {
            foreach (var f in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(f);
                foreach (var s in Dossier.Language.SentenceSplitter.Split(text)) list.Add(s.Span.Of(text));
            }
        }
        if (list.Count == 0) throw new InvalidOperationException($"no corpus under {shared}");
        _sentences = [.. list];
        _builtIn = new CameoEventCoder();
        var dicts = Path.Combine(shared, "eval", "petrarch", "dictionaries");
        _petrarch = new CameoEventCoder(CoderDictionaries.FromFiles(
            Path.Combine(dicts, "PETR.Validate.verbs.txt"), [Path.Combine(dicts, "PETR.Validate.actors.txt")],
            Path.Combine(dicts, "PETR.Validate.agents.txt"), Path.Combine(dicts, "PETR.Validate.discards.txt")), CoderOptions.Petrarch);
        // The baseline's vocabulary: the built-in lexicon's verbs and a fixed set of actor names.
        var verbs = new[] { "agreed", "agree", "called", "urged", "condemned", "met", "visited", "signed", "pledged", "vowed", "praised", "commended", "rejected", "threatened", "attacked", "arrested", "criticized", "welcomed", "hosted", "thanked" };
        var actors = new[] { "Pakistan", "China", "India", "Afghanistan", "United States", "Russia", "Arnor", "Gondor", "Osgiliath", "Eriador", "Bree", "Mordor", "Ethiopia", "Libya" };
        _verbRegex = new Regex(@"\b(" + string.Join('|', verbs) + @")\b", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        _actorRegex = new Regex(@"\b(" + string.Join('|', actors) + @")\b", RegexOptions.Compiled);
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared");
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return "/work/shared";
    }

    /// <summary>Number of sentences per invocation, so that results read as time per sentence.</summary>
    public const int Batch = 300;

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int NaiveRegexCoder()
    {
        var found = 0;
        for (var i = 0; i < Batch; i++)
        {
            var s = _sentences[i % _sentences.Length];
            var verb = _verbRegex.Match(s);
            if (!verb.Success) continue;
            var before = _actorRegex.Match(s, 0, verb.Index);
            var after = _actorRegex.Match(s, verb.Index + verb.Length);
            if (before.Success && after.Success) found++;
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int CameoCoderBuiltIn()
    {
        var found = 0;
        for (var i = 0; i < Batch; i++) found += _builtIn.CodeSentence(_sentences[i % _sentences.Length]).Count;
        return found;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int CameoCoderPetrarchDictionaries()
    {
        var found = 0;
        for (var i = 0; i < Batch; i++) found += _petrarch.CodeSentence(_sentences[i % _sentences.Length]).Count;
        return found;
    }

    [GeneratedRegex(@"<Text>(.*?)</Text>", RegexOptions.Singleline)]
    private static partial Regex TextRegex();
}
