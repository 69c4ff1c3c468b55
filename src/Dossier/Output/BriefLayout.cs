using System.Globalization;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// What a brief shows and in which order, shared by the Markdown and HTML writers so that both tell the
/// same story: conflicts first, then claims grouped by topic, corroborated before single-source.
/// </summary>
internal static class BriefLayout
{
    public const string OtherTopic = "Other claims";

    /// <summary>Stories with several reports first, then by date and title, so the brief leads with what is confirmed.</summary>
    public static IEnumerable<Story> OrderStories(IEnumerable<Story> stories) =>
        stories.OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Date ?? DateOnly.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>Claims grouped by topic (topics in order of first appearance), conflicting first inside a topic.</summary>
    public static IEnumerable<(string Topic, IReadOnlyList<Claim> Claims)> ClaimsByTopic(Story story) =>
        story.Claims
            .GroupBy(c => c.Topic ?? OtherTopic)
            .OrderBy(g => g.Key == OtherTopic ? 1 : 0)
            .Select(g => (g.Key, (IReadOnlyList<Claim>)[.. g.OrderBy(c => c.Status switch { ClaimStatus.Conflicting => 0, ClaimStatus.Corroborated => 1, _ => 2 })]));

    /// <summary>The label of a badge: <c>corroborated ×3</c>, <c>single source</c>, <c>conflicting</c>.</summary>
    public static string Badge(Claim claim) => claim.Status switch
    {
        ClaimStatus.Corroborated => "corroborated ×" + claim.IndependentSources.ToString(CultureInfo.InvariantCulture),
        ClaimStatus.SingleSource => "single source",
        _ => "conflicting",
    };

    /// <summary>How an article is named in a brief: its outlet or credit, else its file name.</summary>
    public static string ArticleLabel(AnnotatedArticle article)
    {
        var meta = article.Article.Metadata;
        var name = meta.Outlet ?? meta.Credit ?? Path.GetFileName(article.Article.Path);
        return article.Article.Record is null ? name : $"{name} #{article.Article.Record}";
    }

    public static string Join(IEnumerable<string> values) => string.Join(", ", values);

    public static string When(Story story) => StatusNames.Iso(story.Date) ?? "date unknown";
}

/// <summary>What a brief needs of a run: a label per article (not its text), the stories, the errors.</summary>
internal sealed record BriefData(IReadOnlyDictionary<string, string> ArticleLabels, IReadOnlyList<Story> Stories, IReadOnlyList<InputError> Errors, int ArticleCount, DateTimeOffset GeneratedAt)
{
    public string Label(string articleId) => ArticleLabels.GetValueOrDefault(articleId, articleId);
}

/// <summary>Collects what a brief needs (labels, not article texts) and renders it at the end of the run.</summary>
internal sealed class BriefSink(Stream output, Action<BriefData, Stream> render) : IAnalysisSink
{
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly List<Story> stories = [];
    private readonly List<InputError> errors = [];
    private DateTimeOffset generatedAt;

    public void Begin(DateTimeOffset generatedAt) => this.generatedAt = generatedAt;

    public void Article(AnnotatedArticle article) => labels[article.Article.Id] = BriefLayout.ArticleLabel(article);

    public void Story(Story story) => stories.Add(story);

    public void Error(InputError error) => errors.Add(error);

    public void Complete(AnalysisSummary summary)
    {
        render(new BriefData(labels, stories, errors, summary.Articles, generatedAt), output);
        output.Flush();
    }
}
