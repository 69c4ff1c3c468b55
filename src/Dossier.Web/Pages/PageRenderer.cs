using System.Globalization;
using System.Text;
using Dossier.Model;
using Dossier.Output;
using Dossier.Storage;
using Dossier.Web.Apis;

namespace Dossier.Web.Pages;

/// <summary>
/// The server-rendered pages: pure functions from stored records to HTML. No page carries inline script or
/// style (the Content-Security-Policy forbids both); claims expand with &lt;details&gt;, so the story page
/// needs no script at all, and the timeline is an SVG drawn here (<see cref="TimelineChart"/>): no page loads a script.
/// </summary>
public static class PageRenderer
{
    private static readonly ClaimStatus[] StatusOrder = [ClaimStatus.Conflicting, ClaimStatus.SingleSource, ClaimStatus.Corroborated];

    /// <summary>The story list with its search and filter form.</summary>
    public static string StoryList(StoriesApi.Filters filters, IReadOnlyList<StoryListItem> stories, IReadOnlyDictionary<string, string[]>? errors)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(stories);
        var sb = new StringBuilder(4096);
        sb.Append("<h1>Stories</h1>\n<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">");
        Input(sb, "q", "Search", filters.Q, "search", "words in the articles");
        Input(sb, "actor", "Actor", filters.Actor, "text", "PAK, CHNGOV…");
        sb.Append("<label>Status <select name=\"status\"><option value=\"\">any</option>");
        foreach (var status in StatusOrder)
        {
            var name = StatusNames.Of(status);
            sb.Append("<option value=\"").Append(name).Append('"').Append(string.Equals(filters.Status, name, StringComparison.Ordinal) ? " selected" : "")
                .Append(">has ").Append(name).Append(" claims</option>");
        }

        sb.Append("</select></label>");
        Input(sb, "since", "From", filters.Since, "date", null);
        Input(sb, "until", "To", filters.Until, "date", null);
        sb.Append("<button type=\"submit\">Filter</button></form>\n");
        if (errors is { Count: > 0 })
        {
            sb.Append("<ul class=\"errors\">");
            foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                sb.Append("<li>").Text(field).Append(": ").Text(string.Join("; ", messages)).Append("</li>");
            }

            sb.Append("</ul>\n");
        }

        if (stories.Count == 0)
        {
            sb.Append("<p class=\"empty\">No stories match.</p>\n");
        }
        else
        {
            sb.Append("<table class=\"stories\"><thead><tr><th>Date</th><th>Story</th><th>Where</th><th>Sources</th><th>Articles</th><th>Claims</th></tr></thead><tbody>\n");
            foreach (var s in stories)
            {
                sb.Append("<tr><td>").Text(StatusNames.Iso(s.Date) ?? "–").Append("</td><td><a class=\"story-link\" href=\"/stories/").Append(Html.Url(s.Id)).Append("\">")
                    .Text(s.Title).Append("</a></td><td>").Text(s.Location ?? "–").Append("</td><td>").Number(s.IndependentSources)
                    .Append("</td><td>").Number(s.Articles).Append("</td><td>").Number(s.Claims).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        return Layout("Stories", sb.ToString());
    }

    /// <summary>
    /// A story: what, who, when, where; conflicts first; claims grouped by topic with status badges, each
    /// expandable to its evidence sentences highlighted inside their article's text; the coverage matrix.
    /// </summary>
    public static string StoryPage(Story story, IReadOnlyList<AnnotatedArticle> articles, StorySeriesRecord? series = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(articles);
        var byId = new Dictionary<string, AnnotatedArticle>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            byId.TryAdd(a.Article.Id, a);
        }

        var sb = new StringBuilder(64 * 1024 + story.Claims.Length * 1024);
        sb.Append("<article class=\"story\">\n<h1>").Text(story.Title).Append("</h1>\n");
        Facts(sb, story, byId, series);
        Tally(sb, story);
        Conflicts(sb, story, byId);
        Claims(sb, story, byId);
        Coverage(sb, story, byId);
        sb.Append("</article>\n");
        return Layout(story.Title, sb.ToString());
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

        var sb = new StringBuilder(text.Length * 2 + 2048);
        sb.Append("<article class=\"article\">\n<p class=\"back\"><a href=\"/stories/").Append(Html.Url(view.StoryId)).Append("\">← story</a></p>\n<h1>")
            .Text(view.Title ?? view.Path).Append("</h1>\n<dl class=\"facts\">");
        Fact(sb, "Outlet", view.Outlet);
        Fact(sb, "Credit", view.Credit);
        Fact(sb, "Dateline", view.Dateline);
        Fact(sb, "Published", view.Published);
        Fact(sb, "Language", view.Language);
        Fact(sb, "Input", view.Path);
        sb.Append("</dl>\n");
        if (claimId is not null)
        {
            sb.Append("<p class=\"selected-claim\">Highlighted: the sentences behind claim <a href=\"/stories/").Append(Html.Url(view.StoryId)).Append('#')
                .Append(Html.Id("claim-", claimId)).Append("\">").Text(claimId).Append("</a>.</p>\n");
        }

        sb.Append("<div class=\"text\">");
        var at = 0;
        for (var i = 0; i < article.Sentences.Length; i++)
        {
            var span = article.Sentences[i].Span;
            if (span.Start < at || span.End > text.Length)
            {
                continue;
            }

            sb.Text(text.AsSpan(at, span.Start - at));
            var tag = selected.Contains(i) ? "mark" : "span";
            sb.Append('<').Append(tag).Append(" id=\"s").Number(i).Append('"');
            if (evidence.TryGetValue(i, out var claims))
            {
                sb.Append(" class=\"ev").Append(selected.Contains(i) ? " sel" : "").Append("\" title=\"claims ").Text(string.Join(", ", claims)).Append('"');
            }

            sb.Append('>').Text(span.SliceOf(text)).Append("</").Append(tag).Append('>');
            at = span.End;
        }

        sb.Text(text.AsSpan(at)).Append("</div>\n</article>\n");
        return Layout(view.Title ?? view.Path, sb.ToString());
    }

    /// <summary>The actor-pair timeline: a form, a chart drawn on the server as SVG, and the same data as a table.</summary>
    public static string TimelinePage(string? first, string? second, TimelineView? timeline)
    {
        var sb = new StringBuilder(4096);
        sb.Append("<h1>Actor-pair timeline</h1>\n<form class=\"filters\" method=\"get\" action=\"/timeline\">");
        Input(sb, "a", "Actor", first, "text", "CHN");
        Input(sb, "b", "and actor", second, "text", "PAK");
        sb.Append("<button type=\"submit\">Show</button></form>\n");
        if (timeline is null)
        {
            sb.Append("<p class=\"empty\">Name two actor codes (for example CHN and PAK) to see how they treat each other: events per day and their mean Goldstein weight.</p>\n");
            return Layout("Timeline", sb.ToString());
        }

        sb.Append("<h2>").Text(timeline.First).Append(" ↔ ").Text(timeline.Second).Append("</h2>\n");
        if (timeline.Days.Count > 0)
        {
            sb.Append("<div class=\"chart\">").Append(TimelineChart.Svg(timeline)).Append("</div>\n");
        }

        if (timeline.Days.Count == 0)
        {
            sb.Append("<p class=\"empty\">No dated events between these actors.</p>\n");
        }
        else
        {
            sb.Append("<table class=\"timeline\"><thead><tr><th>Day</th><th>Events</th><th>Mean Goldstein</th></tr></thead><tbody>\n");
            foreach (var d in timeline.Days)
            {
                sb.Append("<tr><td>").Text(d.Date).Append("</td><td>").Number(d.Events).Append("</td><td>")
                    .Append(d.MeanGoldstein.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        if (timeline.Undated > 0)
        {
            sb.Append("<p class=\"note\">").Number(timeline.Undated).Append(" events without a known day are not drawn.</p>\n");
        }

        return Layout("Timeline " + timeline.First + " ↔ " + timeline.Second, sb.ToString());
    }

    /// <summary>A plain not-found page.</summary>
    public static string NotFound(string what) => Layout("Not found", new StringBuilder("<h1>Not found</h1>\n<p>").Text(what).Append("</p>\n").ToString());

    private static string Layout(string title, string body)
    {
        var sb = new StringBuilder(body.Length + 1024);
        sb.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Text(title).Append(" · Dossier</title>\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n");
        sb.Append("</head>\n<body>\n<header><nav><a class=\"brand\" href=\"/\">Dossier</a> <a href=\"/\">Stories</a> <a href=\"/timeline\">Timeline</a> <a href=\"/openapi/v1.json\">API</a></nav></header>\n<main>\n")
            .Append(body).Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Input(StringBuilder sb, string name, string label, string? value, string type, string? placeholder)
    {
        sb.Append("<label>").Text(label).Append(" <input type=\"").Append(type).Append("\" name=\"").Append(name).Append("\" value=\"").Text(value ?? "").Append('"');
        if (placeholder is not null)
        {
            sb.Append(" placeholder=\"").Text(placeholder).Append('"');
        }

        sb.Append("></label>");
    }

    private static void Fact(StringBuilder sb, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sb.Append("<dt>").Text(name).Append("</dt><dd>").Text(value).Append("</dd>");
        }
    }

    private static void Facts(StringBuilder sb, Story story, Dictionary<string, AnnotatedArticle> articles, StorySeriesRecord? series)
    {
        sb.Append("<dl class=\"facts\">");
        Fact(sb, "What", story.Title);
        Fact(sb, "When", StatusNames.Iso(story.Date) ?? "unknown");
        Fact(sb, "Where", story.Location ?? "unknown");
        sb.Append("<dt>Who</dt><dd>");
        if (story.Participants.IsDefaultOrEmpty)
        {
            sb.Append("unknown");
        }
        else
        {
            sb.Append("<ul class=\"who\">");
            foreach (var p in story.Participants)
            {
                sb.Append("<li><strong>").Text(p.Name).Append("</strong>");
                if (!p.Titles.IsDefaultOrEmpty)
                {
                    sb.Append(", ").Text(string.Join(", ", p.Titles));
                }

                if (p.Actor is not null)
                {
                    sb.Append(" <code>").Text(p.Actor).Append("</code>");
                }

                sb.Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</dd><dt>Sources</dt><dd>").Number(story.IndependentSources).Append(" independent<ul class=\"sources\">");
        foreach (var id in story.ArticleIds)
        {
            sb.Append("<li><a class=\"article-link\" href=\"/articles/").Append(Html.Url(id)).Append("\">");
            if (articles.TryGetValue(id, out var a))
            {
                sb.Text(Outlet(a)).Append(" — ").Text(a.Article.Metadata.Title ?? Path.GetFileName(a.Article.Path));
            }
            else
            {
                sb.Text(id);
            }

            sb.Append("</a></li>");
        }

        sb.Append("</ul></dd>");
        Series(sb, story, series);
        sb.Append("</dl>\n");
    }

    /// <summary>
    /// Where the story stands in its series, as one fact: the series' name and place ("2 of 3"), then the occurrence
    /// before and the one after, each a link to its story with its place and day; after the latest story, the next one
    /// its reports announce, linked to the report that says so. Nothing when the story is in no series.
    /// </summary>
    private static void Series(StringBuilder sb, Story story, StorySeriesRecord? series)
    {
        if (series is null)
        {
            return;
        }

        var at = 0;
        while (at < series.Stories.Length && series.Stories[at].StoryId != story.Id)
        {
            at++;
        }

        if (at == series.Stories.Length)
        {
            return;
        }

        sb.Append("<dt>Series</dt><dd class=\"series\">").Text(series.Name).Append(" (").Number(at + 1).Append(" of ").Number(series.Stories.Length).Append(')');
        void Neighbour(string label, string rel, SeriesEntry entry)
        {
            sb.Append("; ").Append(label).Append(": <a class=\"series-link\" rel=\"").Append(rel).Append("\" href=\"/stories/").Append(Html.Url(entry.StoryId)).Append("\">")
                .Text(entry.Title).Append("</a>");
            foreach (var part in new[] { entry.Location, StatusNames.Iso(entry.Date) })
            {
                if (part is not null)
                {
                    sb.Append(", ").Text(part);
                }
            }
        }

        if (at > 0)
        {
            Neighbour("previous", "prev", series.Stories[at - 1]);
        }

        if (at + 1 < series.Stories.Length)
        {
            Neighbour("next", "next", series.Stories[at + 1]);
        }
        else if (series.Next is { } next)
        {
            // Not held yet, so no story to link: what its reports give of it, and a link to the report that announces it.
            sb.Append("; next: ");
            foreach (var part in new[] { next.Location, next.Date, next.Ordinal is { } n ? "no. " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null }.OfType<string>())
            {
                sb.Text(part).Append(", ");
            }

            if (next.EvidenceIds.IsDefaultOrEmpty)
            {
                sb.Append("<span class=\"series-announced\">announced</span>");
            }
            else
            {
                sb.Append("<a class=\"series-announced\" href=\"/articles/").Append(Html.Url(next.EvidenceIds[0])).Append("\">announced</a>");
            }
        }

        sb.Append("</dd>");
    }

    private static void Tally(StringBuilder sb, Story story)
    {
        sb.Append("<p class=\"tally\">").Number(story.Claims.Length).Append(" claims:");
        foreach (var status in StatusOrder)
        {
            var n = 0;
            foreach (var c in story.Claims)
            {
                n += c.Status == status ? 1 : 0;
            }

            sb.Append(" <span class=\"badge ").Append(StatusNames.Of(status)).Append("\">").Number(n).Append(' ').Append(StatusNames.Of(status)).Append("</span>");
        }

        sb.Append("</p>\n");
    }

    private static void Conflicts(StringBuilder sb, Story story, Dictionary<string, AnnotatedArticle> articles)
    {
        sb.Append("<section id=\"conflicts\"><h2>Conflicts</h2>\n");
        if (story.Conflicts.IsDefaultOrEmpty)
        {
            sb.Append("<p class=\"empty\">None: the sources agree.</p>\n");
        }
        else
        {
            foreach (var conflict in story.Conflicts)
            {
                sb.Append("<div class=\"conflict\"><h3>").Text(conflict.About).Append("</h3><ul>");
                foreach (var value in conflict.Values)
                {
                    sb.Append("<li><strong>").Text(value.Value).Append("</strong>");
                    EvidenceList(sb, value.Evidence, articles, null);
                    sb.Append("</li>");
                }

                sb.Append("</ul></div>\n");
            }
        }

        sb.Append("</section>\n");
    }

    private static void Claims(StringBuilder sb, Story story, Dictionary<string, AnnotatedArticle> articles)
    {
        sb.Append("<section id=\"claims\"><h2>Claims</h2>\n");
        // Topics in the order the fuser first gives them; claims without a topic last.
        var topics = new List<string?>();
        var groups = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        foreach (var claim in story.Claims)
        {
            var key = claim.Topic ?? "";
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                topics.Add(claim.Topic);
            }

            list.Add(claim);
        }

        foreach (var topic in topics.OrderBy(t => t is null ? 1 : 0))
        {
            sb.Append("<div class=\"topic\"><h3>").Text(topic ?? "Other").Append("</h3>\n");
            foreach (var claim in groups[topic ?? ""])
            {
                var status = StatusNames.Of(claim.Status);
                sb.Append("<details class=\"claim ").Append(status).Append("\" id=\"").Append(Html.Id("claim-", claim.Id)).Append("\"><summary><span class=\"badge ")
                    .Append(status).Append("\">").Append(status).Append("</span> <span class=\"claim-text\">").Text(claim.Text).Append("</span> <span class=\"n\">")
                    .Number(claim.IndependentSources).Append(claim.IndependentSources == 1 ? " source" : " sources").Append("</span>");
                if (claim.Event is { } e)
                {
                    sb.Append(" <code class=\"event\">").Text(e.Source).Append(' ').Text(e.Code).Append(' ').Text(e.Target).Append("</code>");
                }

                sb.Append("</summary>");
                EvidenceList(sb, claim.Evidence, articles, claim.Id);
                sb.Append("</details>\n");
            }

            sb.Append("</div>\n");
        }

        sb.Append("</section>\n");
    }

    /// <summary>Each evidence sentence inside its neighbours of the same paragraph, the sentence itself marked.</summary>
    private static void EvidenceList(StringBuilder sb, IReadOnlyList<Evidence> evidence, Dictionary<string, AnnotatedArticle> articles, string? claimId)
    {
        sb.Append("<ol class=\"evidence\">");
        foreach (var e in evidence)
        {
            sb.Append("<li><div class=\"where\"><a href=\"/articles/").Append(Html.Url(e.ArticleId));
            if (claimId is not null)
            {
                sb.Append("?claim=").Append(Html.Url(claimId));
            }

            sb.Append("#s").Number(e.SentenceIndex).Append("\">");
            if (articles.TryGetValue(e.ArticleId, out var article))
            {
                sb.Text(Outlet(article)).Append(" — ").Text(article.Article.Metadata.Title ?? Path.GetFileName(article.Article.Path));
            }
            else
            {
                sb.Text(e.ArticleId);
            }

            sb.Append("</a></div><blockquote class=\"context\">");
            var text = article?.Article.Text;
            if (text is null || e.Span.Start < 0 || e.Span.End > text.Length || e.Span.IsEmpty)
            {
                sb.Append("<mark>").Text(e.Sentence).Append("</mark>");
            }
            else
            {
                var (from, to) = Context(article!, e);
                sb.Text(text.AsSpan(from, e.Span.Start - from)).Append("<mark>").Text(e.Span.SliceOf(text)).Append("</mark>").Text(text.AsSpan(e.Span.End, to - e.Span.End));
            }

            sb.Append("</blockquote></li>");
        }

        sb.Append("</ol>");
    }

    /// <summary>The sentence before and after the evidence, when they belong to its paragraph.</summary>
    private static (int From, int To) Context(AnnotatedArticle article, Evidence e)
    {
        var sentences = article.Sentences;
        var i = e.SentenceIndex;
        if (i < 0 || i >= sentences.Length || !sentences[i].Span.Overlaps(e.Span))
        {
            return (e.Span.Start, e.Span.End);
        }

        var paragraph = sentences[i].Paragraph;
        var from = i > 0 && sentences[i - 1].Paragraph == paragraph ? sentences[i - 1].Span.Start : e.Span.Start;
        var to = i + 1 < sentences.Length && sentences[i + 1].Paragraph == paragraph ? sentences[i + 1].Span.End : e.Span.End;
        return (Math.Min(from, e.Span.Start), Math.Max(to, e.Span.End));
    }

    private static void Coverage(StringBuilder sb, Story story, Dictionary<string, AnnotatedArticle> articles)
    {
        sb.Append("<section id=\"coverage\"><h2>Coverage</h2>\n");
        if (story.Coverage.IsDefaultOrEmpty)
        {
            sb.Append("<p class=\"empty\">No coverage recorded.</p></section>\n");
            return;
        }

        // Claims down, outlets across: a story has many more claims than outlets, so the table stays narrow.
        var carried = story.Coverage.Select(r => r.ClaimIds.ToHashSet(StringComparer.Ordinal)).ToArray();
        sb.Append("<table class=\"coverage\"><thead><tr><th>Claim</th>");
        foreach (var row in story.Coverage)
        {
            // The row's outlet may be a source key; the first article's outlet or credit reads better.
            var name = row.ArticleIds.IsDefaultOrEmpty || !articles.TryGetValue(row.ArticleIds[0], out var first) ? row.Outlet : Outlet(first);
            sb.Append("<th title=\"").Text(row.Outlet).Append("\">").Text(name).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>\n");
        foreach (var claim in story.Claims)
        {
            sb.Append("<tr class=\"").Append(StatusNames.Of(claim.Status)).Append("\"><th><a href=\"#").Append(Html.Id("claim-", claim.Id)).Append("\">")
                .Text(Shorten(claim.Text, 90)).Append("</a></th>");
            foreach (var set in carried)
            {
                sb.Append(set.Contains(claim.Id) ? "<td class=\"yes\">●</td>" : "<td class=\"no\"></td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody></table></section>\n");
    }

    private static string Outlet(AnnotatedArticle article)
    {
        var m = article.Article.Metadata;
        return m.Outlet ?? m.Credit ?? Path.GetFileName(article.Article.Path);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

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
