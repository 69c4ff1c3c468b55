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
        var name = OutletName(article);
        return article.Article.Record is null ? name : $"{name} #{article.Article.Record}";
    }

    /// <summary>
    /// The outlet a reader knows an article by: the page's outlet, else the site of its address ("www." left off),
    /// else the credit line, else its file name. Never an internal id or hash.
    /// </summary>
    public static string OutletName(AnnotatedArticle article)
    {
        var meta = article.Article.Metadata;
        if (!string.IsNullOrWhiteSpace(meta.Outlet))
        {
            return meta.Outlet;
        }

        if (Uri.TryCreate(meta.Url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        }

        return !string.IsNullOrWhiteSpace(meta.Credit) ? meta.Credit : Path.GetFileName(article.Article.Path);
    }

    /// <summary>Claims a brief lists as what happened: not plans, hypotheticals or denials (those go apart), not conflicting.</summary>
    public static bool IsAnnouncement(Claim claim) => claim.Modality is "plan" or "hypothetical" || claim.Background;

    /// <summary>The most corroborated claims of what happened, for the story's summary: reported or attributed facts with two or more sources.</summary>
    public static IEnumerable<Claim> KeyFacts(Story story, int count) =>
        story.Claims.Where(c => c.Status == ClaimStatus.Corroborated && !IsAnnouncement(c))
            .OrderByDescending(c => c.IndependentSources).ThenBy(c => ClaimNumber(c.Id)).Take(count);

    /// <summary>The number in a claim id ("c12" is 12), for order.</summary>
    public static int ClaimNumber(string id) =>
        id.Length > 1 && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    public static string Join(IEnumerable<string> values) => string.Join(", ", values);

    public static string When(Story story) => StatusNames.Iso(story.Date) ?? "date unknown";

    /// <summary>
    /// Where a story stands in its series, as one line: the series' name, the occurrence before and the one after
    /// ("previous: Geneva, 2025-05-12"), for the latest story the one its reports announce ("next: Oslo, 2027,
    /// announced"); null when the story is in no series.
    /// </summary>
    public static string? SeriesLine(Story story, IReadOnlyList<StorySeriesRecord> series)
    {
        if (SeriesOf(story, series) is not { } found)
        {
            return null;
        }

        var (record, at) = found;

        var parts = new List<string> { $"{record.Name} ({at + 1} of {record.Stories.Length})" };
        if (at > 0)
        {
            parts.Add("previous: " + Occurrence(record.Stories[at - 1]));
        }

        if (at + 1 < record.Stories.Length)
        {
            parts.Add("next: " + Occurrence(record.Stories[at + 1]));
        }
        else if (record.Next is { } next)
        {
            parts.Add("next: " + Announced(next));
        }

        return string.Join("; ", parts);
    }

    /// <summary>The series <paramref name="story"/> is in and its place there (0 for the first), or null when it is in none.</summary>
    public static (StorySeriesRecord Record, int At)? SeriesOf(Story story, IEnumerable<StorySeriesRecord> series)
    {
        foreach (var record in series)
        {
            for (var at = 0; at < record.Stories.Length; at++)
            {
                if (record.Stories[at].StoryId == story.Id)
                {
                    return (record, at);
                }
            }
        }

        return null;
    }

    /// <summary>An announced occurrence as the brief names it: "Oslo, 2027, no. 6, announced" (what the reports give of it).</summary>
    public static string Announced(AnnouncedOccurrence next) =>
        string.Join(", ", new[] { next.Location, next.Date, next.Ordinal is { } n ? "no. " + n.ToString(CultureInfo.InvariantCulture) : null, "announced" }.Where(p => p is not null));

    private static string Occurrence(SeriesEntry entry) =>
        string.Join(", ", new[] { entry.Location, StatusNames.Iso(entry.Date), entry.Ordinal is { } n ? "no. " + n.ToString(CultureInfo.InvariantCulture) : null }.Where(p => p is not null));
}

/// <summary>What a brief shows of one report: its label, its outlet, its title and when it came out.</summary>
internal sealed record ReportInfo(string Label, string Outlet, string? Title, DateTimeOffset? Published);

/// <summary>What a brief needs of a run: a label per article (not its text), the stories, the errors.</summary>
internal sealed record BriefData(IReadOnlyDictionary<string, string> ArticleLabels, IReadOnlyList<Story> Stories, IReadOnlyList<InputError> Errors, int ArticleCount, DateTimeOffset GeneratedAt)
{
    /// <summary>Outlet, title and date per article, for timelines and source names.</summary>
    public IReadOnlyDictionary<string, ReportInfo> Reports { get; init; } = new Dictionary<string, ReportInfo>();

    /// <summary>Outlet and title per article, as the story renderer names a report (<see cref="StoryHtml"/>).</summary>
    public IReadOnlyDictionary<string, StoryReport> StoryReports { get; init; } = new Dictionary<string, StoryReport>();

    /// <summary>The run's series, for each story's place in its series.</summary>
    public System.Collections.Immutable.ImmutableArray<StorySeriesRecord> Series { get; init; } = [];

    public string Label(string articleId) => ArticleLabels.GetValueOrDefault(articleId, articleId);

    /// <summary>The outlet of an article (never an id when the article was read).</summary>
    public string Outlet(string articleId) => Reports.TryGetValue(articleId, out var r) ? r.Outlet : Label(articleId);
}

/// <summary>Collects what a brief needs (labels, not article texts) and renders it at the end of the run.</summary>
internal sealed class BriefSink(Stream output, Action<BriefData, Stream> render) : IAnalysisSink
{
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReportInfo> reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryReport> storyReports = new(StringComparer.Ordinal);
    private readonly List<Story> stories = [];
    private readonly List<InputError> errors = [];
    private DateTimeOffset generatedAt;

    public void Begin(DateTimeOffset generatedAt) => this.generatedAt = generatedAt;

    public void Article(AnnotatedArticle article)
    {
        var label = BriefLayout.ArticleLabel(article);
        labels[article.Article.Id] = label;
        reports[article.Article.Id] = new ReportInfo(label, BriefLayout.OutletName(article), article.Article.Metadata.Title, article.Article.Metadata.Published);
        storyReports[article.Article.Id] = StoryReport.NamesOf(article);
    }

    public void Story(Story story) => stories.Add(story);

    public void Error(InputError error) => errors.Add(error);

    public void Complete(AnalysisSummary summary)
    {
        render(new BriefData(labels, stories, errors, summary.Articles, generatedAt) { Reports = reports, StoryReports = storyReports, Series = summary.Series }, output);
        output.Flush();
    }
}
