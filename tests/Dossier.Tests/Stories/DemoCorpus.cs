using System.Collections.Immutable;
using System.Text.Json;
using Dossier.Fusion;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Stories;
using Dossier.Testing;

namespace Dossier.Tests.Stories;

/// <summary>The demo corpus through the real pipeline with our grouper and fuser, and samples/demo/expected.json.</summary>
internal static class DemoCorpus
{
    public sealed record ExpectedConflict(string About, ImmutableArray<ImmutableArray<string>> Values);

    public sealed record ExpectedStory(string Key, ImmutableArray<string> Articles, int IndependentSources, ImmutableArray<ExpectedConflict> Conflicts, string? Location = null, string? Date = null);

    public static string Folder => Path.Combine(SharedData.RepoRoot, "samples", "demo");

    /// <summary>The demo input files (everything but the README and expected.json), in name order.</summary>
    public static IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(Folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith("expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<ExpectedStory> Expected()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        return [.. doc.RootElement.GetProperty("stories").EnumerateArray().Select(s => new ExpectedStory(
            s.GetProperty("key").GetString()!,
            [.. s.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!)],
            s.GetProperty("independentSources").GetInt32(),
            [.. s.GetProperty("conflicts").EnumerateArray().Select(c => new ExpectedConflict(
                c.GetProperty("about").GetString()!,
                [.. c.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!).ToImmutableArray())]))],
            s.TryGetProperty("location", out var location) ? location.GetString() : null,
            s.TryGetProperty("date", out var date) ? date.GetString() : null))];
    }

    /// <summary>The labels expected.json uses: file name, with <c>#N</c> (N from 1 in document order) for feed items.</summary>
    public static Dictionary<string, string> Labels(IEnumerable<AnnotatedArticle> articles)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in articles.GroupBy(a => a.Article.Path, StringComparer.Ordinal))
        {
            var n = 0;
            foreach (var a in file)
            {
                labels[a.Article.Id] = Path.GetFileName(a.Article.Path) + (a.Article.Record is null ? "" : "#" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return labels;
    }

    public static DossierPipeline Pipeline() =>
        new DossierPipelineBuilder().UseStoryGrouper(new StoryGrouper()).UseClaimFuser(new ClaimFuser()).UseParallelism(1).Build();

    public static AnalysisResult Analyze(IEnumerable<string> paths) => Pipeline().Analyze(new InputReader().Read(paths));
}
