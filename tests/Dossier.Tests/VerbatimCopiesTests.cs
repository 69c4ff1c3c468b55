using System.Text.Json;
using Dossier.Language;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;
using Dossier.Stories;
using Dossier.Tests.Stories;
using Microsoft.Extensions.Time.Testing;

namespace Dossier.Tests;

/// <summary>
/// Verbatim copies share the first copy's annotations (<see cref="VerbatimCopies"/>): the output must be byte for
/// byte what annotating every copy on its own gives, and only the identity of each copy its own.
/// </summary>
public sealed class VerbatimCopiesTests
{
    /// <summary>The language stage under another type: the pipeline then annotates every copy itself.</summary>
    private sealed class OwnAnnotator : ITextAnnotator
    {
        private readonly TextAnnotator inner = new();

        public AnnotatedArticle Annotate(Article article) => inner.Annotate(article);
    }

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Each demo text carried by three sites: two verbatim (same title and day), one on the next day, so that
    /// the copies differ only in what the memo keeps as their own, and a date the memo must tell apart.
    /// </summary>
    private static string WriteCopies()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-copies-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var lines = new List<string>();
        foreach (var file in DemoCorpus.Files().Where(f => f.EndsWith(".txt", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var title = text.Split('\n')[0].Trim();
            var name = Path.GetFileNameWithoutExtension(file);
            foreach (var (site, day) in new[] { ("first", "2026-03-02"), ("second", "2026-03-02"), ("third", "2026-03-03") })
            {
                lines.Add(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["url"] = $"https://{site}.example/{name}",
                    ["outlet"] = site + " site",
                    ["title"] = title,
                    ["published"] = day,
                    ["text"] = text,
                }));
            }
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    private static (AnalysisResult Result, byte[] Json) Run(DossierPipeline pipeline, string path)
    {
        var result = pipeline.Analyze(new InputReader().Read([path]));
        using var output = new MemoryStream();
        new JsonResultWriter().Write(result, output);
        return (result, output.ToArray());
    }

    [Fact]
    public void Copies_sharing_annotations_give_the_output_of_annotating_each_copy()
    {
        var path = WriteCopies();
        try
        {
            // One thread, so that the first copy is done before the second comes (on two, both may be read at once).
            var shared = Run(new DossierPipelineBuilder().UseClock(Clock).UseParallelism(1).Build(), path);
            var parallel = Run(new DossierPipelineBuilder().UseClock(Clock).UseParallelism(2).Build(), path);
            var own = Run(new DossierPipelineBuilder().UseClock(Clock).UseParallelism(2).UseAnnotator(new OwnAnnotator()).Build(), path);

            Assert.Equal(Encoding(own.Json), Encoding(shared.Json));
            Assert.Equal(Encoding(own.Json), Encoding(parallel.Json));

            // The memo was used: same-day copies hold the first copy's very string; the next day's copy its own.
            var byUrl = shared.Result.Articles.ToDictionary(a => a.Article.Metadata.Url!, StringComparer.Ordinal);
            var name = Path.GetFileNameWithoutExtension(DemoCorpus.Files().First(f => f.EndsWith(".txt", StringComparison.Ordinal)));
            var first = byUrl[$"https://first.example/{name}"];
            var second = byUrl[$"https://second.example/{name}"];
            var third = byUrl[$"https://third.example/{name}"];
            Assert.Same(first.Article.Text, second.Article.Text);
            Assert.NotSame(first.Article.Text, third.Article.Text);
            Assert.NotEqual(first.Article.Id, second.Article.Id);
            Assert.Equal("second site", second.Article.Metadata.Outlet);
            Assert.NotEmpty(first.Events);
            Assert.Equal(first.Events, second.Events);

            // Without the memo no copy shares the first one's string.
            var unshared = own.Result.Articles.ToDictionary(a => a.Article.Metadata.Url!, StringComparer.Ordinal);
            Assert.NotSame(unshared[$"https://first.example/{name}"].Article.Text, unshared[$"https://second.example/{name}"].Article.Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Encoding(byte[] json) => System.Text.Encoding.UTF8.GetString(json);
}
