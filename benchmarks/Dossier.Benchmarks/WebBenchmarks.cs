using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Dossier.Model;
using Dossier.Web;
using Dossier.Web.Pages;

namespace Dossier.Benchmarks;

/// <summary>
/// The story page of a large story (50 articles, 500 claims, 3 evidence sentences each, 50 outlets in the
/// coverage matrix), as the server renders it. Baseline: the JSON API's serialisation of the same story.
/// <c>Load_and_render</c> adds what the page endpoint does before rendering: the stored story JSON parsed back.
/// Bar: under 300 ms per page.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class WebBenchmarks
{
    private static readonly JsonSerializerOptions ApiJson = DossierWebHost.Configure(new JsonSerializerOptions());
    private Story story = null!;
    private string storyJson = null!;
    private List<AnnotatedArticle> articles = null!;

    [GlobalSetup]
    public void Setup()
    {
        (story, articles) = LargeStory(articleCount: 50, claimCount: 500);
        storyJson = JsonSerializer.Serialize(story, ApiJson);
    }

    [Benchmark(Baseline = true)]
    public int Story_json() => JsonSerializer.Serialize(Dossier.Output.StoryWithSeriesJson.From(story, null), ApiJson).Length;

    [Benchmark]
    public int Story_page() => PageRenderer.StoryPage(story, articles).Length;

    [Benchmark]
    public int Load_and_render() => PageRenderer.StoryPage(JsonSerializer.Deserialize<Story>(storyJson, ApiJson)!, articles).Length;

    /// <summary>A deterministic story: each article 40 sentences in 10 paragraphs; each claim backed by 3 articles.</summary>
    internal static (Story Story, List<AnnotatedArticle> Articles) LargeStory(int articleCount, int claimCount)
    {
        const int sentencesPerArticle = 40;
        var articles = new List<AnnotatedArticle>(articleCount);
        for (var a = 0; a < articleCount; a++)
        {
            var text = new StringBuilder();
            var sentences = ImmutableArray.CreateBuilder<Sentence>(sentencesPerArticle);
            for (var s = 0; s < sentencesPerArticle; s++)
            {
                if (s > 0)
                {
                    text.Append(s % 4 == 0 ? "\n\n" : " ");
                }

                var start = text.Length;
                text.Append(CultureInfo.InvariantCulture, $"Outlet {a} reports that the two ministers agreed on point {s} of the plan, including <b>trade</b> & \"energy\" cooperation.");
                sentences.Add(new Sentence(new TextSpan(start, text.Length - start), s / 4));
            }

            var article = new Article($"a{a:D3}", $"in/{a:D3}.txt", null, text.ToString(),
                new ArticleMetadata { Title = $"Report {a} on the ministers' dialogue", Outlet = $"Outlet {a}" }, []);
            articles.Add(new AnnotatedArticle(article) { Sentences = sentences.MoveToImmutable() });
        }

        var topics = new[] { "security", "economy", "diplomacy", "energy", "water", null };
        var claims = ImmutableArray.CreateBuilder<Claim>(claimCount);
        var coverage = Enumerable.Range(0, articleCount).Select(_ => new List<string>()).ToArray();
        for (var c = 0; c < claimCount; c++)
        {
            var evidence = ImmutableArray.CreateBuilder<Evidence>(3);
            for (var k = 0; k < 3; k++)
            {
                var a = (c + k * 17) % articleCount;
                var s = (c * 7 + k) % sentencesPerArticle;
                var article = articles[a];
                var span = article.Sentences[s].Span;
                evidence.Add(new Evidence(article.Article.Id, s, span, span.Of(article.Article.Text)));
                coverage[a].Add($"c{c:D3}");
            }

            var status = (c % 10) switch { 0 => ClaimStatus.SingleSource, 1 => ClaimStatus.Conflicting, _ => ClaimStatus.Corroborated };
            claims.Add(new Claim($"c{c:D3}", $"The two sides agreed on point {c} of the plan, with measures on trade, energy and security.", topics[c % topics.Length],
                status, status == ClaimStatus.SingleSource ? 1 : 3, evidence.MoveToImmutable(), null));
        }

        var story = new Story
        {
            Id = "s-large",
            Title = "Ministers agree a 500-point plan",
            ArticleIds = [.. articles.Select(a => a.Article.Id)],
            Sources = [.. articles.Select(a => new SourceGroup(a.Article.Metadata.Outlet!, [a.Article.Id]))],
            Date = new DateOnly(2026, 1, 4),
            Location = "Beijing",
            Participants = [new Participant("Ishaq Dar", ["Deputy Prime Minister", "Foreign Minister"], "PAKGOV"), new Participant("Wang Yi", ["Foreign Minister"], "CHNGOV")],
            Claims = claims.MoveToImmutable(),
            Coverage = [.. articles.Select((a, i) => new CoverageRow(a.Article.Metadata.Outlet!, [a.Article.Id], [.. coverage[i]]))],
        };
        return (story, articles);
    }
}
