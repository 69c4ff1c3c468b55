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
    public static string ArticleLabel(AnnotatedArticle? article, string id)
    {
        if (article is null)
        {
            return id;
        }

        var meta = article.Article.Metadata;
        var name = meta.Outlet ?? meta.Credit ?? Path.GetFileName(article.Article.Path);
        return article.Article.Record is null ? name : $"{name} #{article.Article.Record}";
    }

    public static string Join(IEnumerable<string> values) => string.Join(", ", values);

    public static string When(Story story) => StatusNames.Iso(story.Date) ?? "date unknown";
}
