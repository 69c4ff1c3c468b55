using System.Globalization;
using Dossier.Model;
using Dossier.Output;
using Dossier.Storage;
using Dossier.Web.Apis;

namespace Dossier.Web.Pages;

/// <summary>
/// The server-rendered pages: pure functions from stored records to HTML, written through <see cref="HtmlWriter"/>, which
/// escapes every value. No page carries inline script or style (the Content-Security-Policy forbids both); claims
/// expand with &lt;details&gt;, so the story page needs no script at all, and the timeline is an SVG drawn here
/// (<see cref="TimelineChart"/>): no page loads a script. Links are only ever built by us from ids (never from article
/// content), so a <c>javascript:</c> URL in an article can only appear as text.
/// </summary>
public static class PageRenderer
{
    private static readonly ClaimStatus[] StatusOrder = [ClaimStatus.Conflicting, ClaimStatus.SingleSource, ClaimStatus.Corroborated];

    /// <summary>
    /// The story on the site: a report opens on its article page (at the evidence sentence, the claim's sentences
    /// highlighted), a series neighbour on its story page.
    /// </summary>
    private static readonly StoryHtmlOptions StoryOptions = new()
    {
        TitleLevel = 1,
        ReportHref = (articleId, claimId, sentence) =>
            "/articles/" + HtmlWriter.Url(articleId) + (claimId is null ? "" : "?claim=" + HtmlWriter.Url(claimId)) +
            (sentence is { } s ? "#s" + s.ToString(CultureInfo.InvariantCulture) : ""),
        StoryHref = StoryUrl,
    };

    /// <summary>The story list with its search and filter form.</summary>
    public static string StoryList(StoriesApi.Filters filters, IReadOnlyList<StoryListItem> stories, IReadOnlyDictionary<string, string[]>? errors)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(stories);
        var html = Open("Stories", 4096);
        html.Markup("<h1>Stories</h1>\n<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">");
        Input(html, "q", "Search", filters.Q, "search", "words in the articles");
        Input(html, "actor", "Actor", filters.Actor, "text", "PAK, CHNGOV…");
        html.Markup("<label>Status <select name=\"status\"><option value=\"\">any</option>");
        foreach (var status in StatusOrder)
        {
            var name = StatusNames.Of(status);
            html.Markup("<option").Attribute("value", name).Markup(string.Equals(filters.Status, name, StringComparison.Ordinal) ? " selected" : "")
                .Markup(">has ").Text(name).Markup(" claims</option>");
        }

        html.Markup("</select></label>");
        Input(html, "since", "From", filters.Since, "date", null);
        Input(html, "until", "To", filters.Until, "date", null);
        html.Markup("<button type=\"submit\">Filter</button></form>\n");
        if (errors is { Count: > 0 })
        {
            html.Markup("<ul class=\"errors\">");
            foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                html.Markup("<li>").Text(field).Markup(": ").Text(string.Join("; ", messages)).Markup("</li>");
            }

            html.Markup("</ul>\n");
        }

        if (stories.Count == 0)
        {
            html.Markup("<p class=\"empty\">No stories match.</p>\n");
        }
        else
        {
            html.Markup("<table class=\"stories\"><thead><tr><th>Date</th><th>Story</th><th>Where</th><th>Sources</th><th>Articles</th><th>Claims</th></tr></thead><tbody>\n");
            foreach (var s in stories)
            {
                html.Markup("<tr><td>").Text(StatusNames.Iso(s.Date) ?? "–").Markup("</td><td><a class=\"story-link\"").Attribute("href", StoryUrl(s.Id)).Markup(">")
                    .Text(s.Title).Markup("</a></td><td>").Text(s.Location ?? "–").Markup("</td><td>").Number(s.IndependentSources)
                    .Markup("</td><td>").Number(s.Articles).Markup("</td><td>").Number(s.Claims).Markup("</td></tr>\n");
            }

            html.Markup("</tbody></table>\n");
        }

        return Close(html);
    }

    /// <summary>
    /// A story inside the site's layout, written by the story renderer the HTML brief uses too (<see cref="StoryHtml"/>):
    /// here every report links to its article page (to the evidence sentence, with the claim highlighted) and every
    /// series neighbour to its story.
    /// </summary>
    public static string StoryPage(Story story, IReadOnlyList<AnnotatedArticle> articles, StorySeriesRecord? series = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(articles);
        var reports = new Dictionary<string, StoryReport>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            reports.TryAdd(a.Article.Id, StoryReport.WithText(a));
        }

        var html = Open(story.Title, 64 * 1024 + story.Claims.Length * 1024);
        StoryHtml.Write(html, story, reports, series, StoryOptions);
        return Close(html);
    }

    /// <summary>An article's full text with its evidence sentences marked (those of <paramref name="claimId"/> highlighted).</summary>
    public static string ArticlePage(ArticleView view, AnnotatedArticle article, string? claimId)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Article.Text;
        var evidence = new Dictionary<int, List<string>>();
        var selected = new HashSet<int>();
        foreach (var h in view.Highlights.Where(h => h.Kind == "evidence"))
        {
            var index = SentenceAt(article, h.Start);
            if (index < 0)
            {
                continue;
            }

            if (!evidence.TryGetValue(index, out var claims))
            {
                evidence[index] = claims = [];
            }

            claims.Add(h.Label);
            if (string.Equals(h.Label, claimId, StringComparison.Ordinal))
            {
                selected.Add(index);
            }
        }

        var html = Open(view.Title ?? view.Path, text.Length * 2 + 2048);
        html.Markup("<article class=\"article\">\n<p class=\"back\"><a").Attribute("href", StoryUrl(view.StoryId)).Markup(">← story</a></p>\n<h1>")
            .Text(view.Title ?? view.Path).Markup("</h1>\n<dl class=\"facts\">");
        Fact(html, "Outlet", view.Outlet);
        Fact(html, "Credit", view.Credit);
        Fact(html, "Dateline", view.Dateline);
        Fact(html, "Published", view.Published);
        Fact(html, "Language", view.Language);
        Fact(html, "Input", view.Path);
        html.Markup("</dl>\n");
        if (claimId is not null)
        {
            html.Markup("<p class=\"selected-claim\">Highlighted: the sentences behind claim <a").Attribute("href", StoryUrl(view.StoryId) + "#" + StoryHtml.ClaimAnchor(view.StoryId, claimId))
                .Markup(">").Text(claimId).Markup("</a>.</p>\n");
        }

        html.Markup("<div class=\"text\">");
        var at = 0;
        for (var i = 0; i < article.Sentences.Length; i++)
        {
            var span = article.Sentences[i].Span;
            if (span.Start < at || span.End > text.Length)
            {
                continue;
            }

            html.Text(text.AsSpan(at, span.Start - at));
            var tag = selected.Contains(i) ? "mark" : "span";
            html.Markup("<" + tag).Attribute("id", "s" + i.ToString(CultureInfo.InvariantCulture));
            if (evidence.TryGetValue(i, out var claims))
            {
                html.Attribute("class", selected.Contains(i) ? "ev sel" : "ev").Attribute("title", "claims " + string.Join(", ", claims));
            }

            html.Markup(">").Text(span.SliceOf(text)).Markup("</" + tag + ">");
            at = span.End;
        }

        html.Text(text.AsSpan(at)).Markup("</div>\n</article>\n");
        return Close(html);
    }

    /// <summary>The actor-pair timeline: a form, a chart drawn on the server as SVG, and the same data as a table.</summary>
    public static string TimelinePage(string? first, string? second, TimelineView? timeline)
    {
        var html = Open(timeline is null ? "Timeline" : "Timeline " + timeline.First + " ↔ " + timeline.Second, 4096);
        html.Markup("<h1>Actor-pair timeline</h1>\n<form class=\"filters\" method=\"get\" action=\"/timeline\">");
        Input(html, "a", "Actor", first, "text", "CHN");
        Input(html, "b", "and actor", second, "text", "PAK");
        html.Markup("<button type=\"submit\">Show</button></form>\n");
        if (timeline is null)
        {
            html.Markup("<p class=\"empty\">Name two actor codes (for example CHN and PAK) to see how they treat each other: events per day and their mean Goldstein weight.</p>\n");
            return Close(html);
        }

        html.Markup("<h2>").Text(timeline.First).Markup(" ↔ ").Text(timeline.Second).Markup("</h2>\n");
        if (timeline.Days.Count == 0)
        {
            html.Markup("<p class=\"empty\">No dated events between these actors.</p>\n");
        }
        else
        {
            html.Markup("<div class=\"chart\">");
            TimelineChart.Write(html, timeline);
            html.Markup("</div>\n");
            html.Markup("<table class=\"timeline\"><thead><tr><th>Day</th><th>Events</th><th>Mean Goldstein</th></tr></thead><tbody>\n");
            foreach (var d in timeline.Days)
            {
                html.Markup("<tr><td>").Text(d.Date).Markup("</td><td>").Number(d.Events).Markup("</td><td>")
                    .Text(d.MeanGoldstein.ToString("0.00", CultureInfo.InvariantCulture)).Markup("</td></tr>\n");
            }

            html.Markup("</tbody></table>\n");
        }

        if (timeline.Undated > 0)
        {
            html.Markup("<p class=\"note\">").Number(timeline.Undated).Markup(" events without a known day are not drawn.</p>\n");
        }

        return Close(html);
    }

    /// <summary>A plain not-found page.</summary>
    public static string NotFound(string what) => Close(Open("Not found", 1024).Markup("<h1>Not found</h1>\n<p>").Text(what).Markup("</p>\n"));

    private static string StoryUrl(string storyId) => "/stories/" + HtmlWriter.Url(storyId);

    /// <summary>A page begun: the site's head (story.css, the story markup's style shared with the HTML brief, before site.css) and its header.</summary>
    private static HtmlWriter Open(string title, int capacity)
    {
        var html = new HtmlWriter(capacity + 1024);
        html.Markup("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Text(title).Markup(" · Dossier</title>\n<link rel=\"stylesheet\" href=\"/static/story.css\">\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n");
        html.Markup("</head>\n<body>\n<header><nav><a class=\"brand\" href=\"/\">Dossier</a> <a href=\"/\">Stories</a> <a href=\"/timeline\">Timeline</a> <a href=\"/openapi/v1.json\">API</a></nav></header>\n<main>\n");
        return html;
    }

    private static string Close(HtmlWriter html) => html.Markup("</main>\n</body>\n</html>\n").ToString();

    private static void Input(HtmlWriter html, string name, string label, string? value, string type, string? placeholder)
    {
        html.Markup("<label>").Text(label).Markup(" <input").Attribute("type", type).Attribute("name", name).Attribute("value", value ?? "");
        if (placeholder is not null)
        {
            html.Attribute("placeholder", placeholder);
        }

        html.Markup("></label>");
    }

    private static void Fact(HtmlWriter html, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            html.Markup("<dt>").Text(name).Markup("</dt><dd>").Text(value).Markup("</dd>");
        }
    }

    private static int SentenceAt(AnnotatedArticle article, int offset)
    {
        var sentences = article.Sentences;
        int lo = 0, hi = sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var span = sentences[mid].Span;
            if (offset < span.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
