using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;

namespace Dossier.Benchmarks;

/// <summary>
/// The write stage: our explicit JSON writer against System.Text.Json's reflection serializer of the
/// same result (the baseline), and the two briefs, over the demo corpus's analysis.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class OutputBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new() { WriteIndented = true };
    private AnalysisResult result = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = new DossierPipelineBuilder().UseClock(new FixedClock()).UseParallelism(1).Build();
        result = pipeline.Analyze(new InputReader().ReadDemo());
    }

    [Benchmark(Baseline = true)]
    public long Reflection_serializer()
    {
        using var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, new { result.Articles, result.Stories, result.Errors }, ReflectionOptions);
        return stream.Length;
    }

    [Benchmark]
    public long Json_writer() => Write(new JsonResultWriter());

    [Benchmark]
    public long Markdown_brief() => Write(new MarkdownBriefWriter());

    [Benchmark]
    public long Html_brief() => Write(new HtmlBriefWriter());

    private long Write(IResultWriter writer)
    {
        using var stream = new MemoryStream();
        writer.Write(result, stream);
        return stream.Length;
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
