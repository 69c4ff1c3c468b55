using System.Globalization;
using System.Reflection;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// The one HTML rendering of a story, for the HTML brief (every story, in one self-contained file) and the web's
/// story page (one story inside the site's layout): what, when, where, who, sources and series; the status tally;
/// conflicts first; claims grouped by topic, each with its status badge and expandable to its evidence sentences;
/// the coverage matrix. Pure: the same story, reports and options give the same bytes. Where the two pages differ
/// (links to the server, heading level) is <see cref="StoryHtmlOptions"/>, not a second copy.
/// </summary>
public static class StoryHtml
{
    private static readonly ClaimStatus[] StatusOrder = [ClaimStatus.Conflicting, ClaimStatus.SingleSource, ClaimStatus.Corroborated];

    /// <summary>
    /// The style of this markup (status colours, badges, evidence, coverage matrix): the brief carries it inline,
    /// the web serves it as <c>/static/story.css</c>, so a story looks the same in both.
    /// </summary>
    public static string Stylesheet { get; } = ReadStylesheet();

    /// <summary>The id of a claim's element, unique on a page holding several stories (the article page links to it).</summary>
    public static string ClaimAnchor(string storyId, string claimId) => HtmlWriter.Id("claim-", storyId + "-" + claimId);

    /// <summary>Writes <paramref name="story"/> as one <c>&lt;article class="story"&gt;</c>.</summary>
    /// <param name="html">The page being written.</param>
    /// <param name="story">The story.</param>
    /// <param name="reports">The reports the story cites, by article id; a report missing here is named by its id.</param>
    /// <param name="series">The series the story is in, or null.</param>
    /// <param name="options">How this page differs (links, heading level).</param>
    public static void Write(HtmlWriter html, Story story, IReadOnlyDictionary<string, StoryReport> reports, StorySeriesRecord? series, StoryHtmlOptions options)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        var page = new Page(html, story, reports, options);
        html.Markup("<article class=\"story\"").Attribute("id", HtmlWriter.Id("story-", story.Id)).Markup(">\n");
        page.Heading(0, story.Title);
        page.Facts(series);
        page.Tally();
        page.Conflicts();
        page.Claims();
        page.Coverage();
        html.Markup("</article>\n");
    }

    private static string ReadStylesheet()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dossier.Output.story.css")
            ?? throw new InvalidOperationException("story.css is not embedded in the library");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One story being written: the parts share the page, the story, its reports and the options.</summary>
    private sealed class Page(HtmlWriter html, Story story, IReadOnlyDictionary<string, StoryReport> reports, StoryHtmlOptions options)
    {
        /// <summary>A heading <paramref name="depth"/> levels below the story's title (at most h6).</summary>
        public void Heading(int depth, string text)
        {
            var tag = "h" + Math.Clamp(options.TitleLevel + depth, 1, 6).ToString(CultureInfo.InvariantCulture);
            html.Markup("<" + tag + ">").Text(text).Markup("</" + tag + ">\n");
        }

        public void Facts(StorySeriesRecord? series)
        {
            html.Markup("<dl class=\"facts\">");
            Fact("What", story.Title);
            Fact("When", BriefLayout.When(story));
            Fact("Where", story.Location ?? "place unknown");
            html.Markup("<dt>Who</dt><dd>");
            if (story.Participants.IsDefaultOrEmpty)
            {
                html.Markup("unknown");
            }
            else
            {
                html.Markup("<ul class=\"who\">");
                foreach (var p in story.Participants)
                {
                    html.Markup("<li><strong>").Text(p.Name).Markup("</strong>");
                    if (!p.Titles.IsDefaultOrEmpty)
                    {
                        html.Markup(", ").Text(BriefLayout.Join(p.Titles));
                    }

                    if (p.Actor is not null)
                    {
                        html.Markup(" <code>").Text(p.Actor).Markup("</code>");
                    }

                    html.Markup("</li>");
                }

                html.Markup("</ul>");
            }

            html.Markup("</dd><dt>Sources</dt><dd>").Number(story.ArticleIds.Length).Markup(story.ArticleIds.Length == 1 ? " report" : " reports")
                .Markup(" from ").Number(story.IndependentSources).Markup(story.IndependentSources == 1 ? " independent source" : " independent sources")
                .Markup("<ul class=\"sources\">");
            foreach (var id in story.ArticleIds)
            {
                html.Markup("<li>");
                Report(id, options.ReportHref?.Invoke(id, null, null), "article-link");
                html.Markup("</li>");
            }

            html.Markup("</ul></dd>");
            Series(series);
            html.Markup("</dl>\n");
        }

        /// <summary>
        /// Where the story stands in its series, as one fact: the series' name and place ("2 of 3"), then the
        /// occurrence before and the one after with its title, place, day and number; after the latest story, the
        /// next one its reports announce. Nothing when the story is in no series.
        /// </summary>
        private void Series(StorySeriesRecord? series)
        {
            if (series is null || BriefLayout.SeriesOf(story, [series]) is not { } found)
            {
                return;
            }

            var at = found.At;
            html.Markup("<dt>Series</dt><dd class=\"series\">").Text(series.Name).Markup(" (").Number(at + 1).Markup(" of ").Number(series.Stories.Length).Markup(")");
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
                // Not held yet, so no story to open: what its reports give of it, and the report that announces it.
                html.Markup("; next: ");
                foreach (var part in new[] { next.Location, next.Date, next.Ordinal is { } n ? "no. " + n.ToString(CultureInfo.InvariantCulture) : null }.OfType<string>())
                {
                    html.Text(part).Markup(", ");
                }

                if (options.ReportHref is { } href && !next.EvidenceIds.IsDefaultOrEmpty)
                {
                    html.Markup("<a class=\"series-announced\"").Attribute("href", href(next.EvidenceIds[0], null, null)).Markup(">announced</a>");
                }
                else
                {
                    html.Markup("announced");
                }
            }

            html.Markup("</dd>");
        }

        private void Neighbour(string label, string rel, SeriesEntry entry)
        {
            html.Markup("; ").Markup(label).Markup(": ");
            if (options.StoryHref is { } href)
            {
                html.Markup("<a class=\"series-link\"").Attribute("rel", rel).Attribute("href", href(entry.StoryId)).Markup(">").Text(entry.Title).Markup("</a>");
            }
            else
            {
                html.Text(entry.Title);
            }

            foreach (var part in new[] { entry.Location, StatusNames.Iso(entry.Date), entry.Ordinal is { } n ? "no. " + n.ToString(CultureInfo.InvariantCulture) : null }.OfType<string>())
            {
                html.Markup(", ").Text(part);
            }
        }

        public void Tally()
        {
            html.Markup("<p class=\"tally\">").Number(story.Claims.Length).Markup(" claims:");
            foreach (var status in StatusOrder)
            {
                var name = StatusNames.Of(status);
                html.Markup(" <span class=\"badge ").Markup(name).Markup("\">").Number(story.Claims.Count(c => c.Status == status)).Markup(" ").Markup(name).Markup("</span>");
            }

            html.Markup("</p>\n");
        }

        public void Conflicts()
        {
            html.Markup("<section class=\"conflicts\">");
            Heading(1, "Conflicts");
            if (story.Conflicts.IsDefaultOrEmpty)
            {
                html.Markup("<p class=\"empty\">None: the sources agree.</p>\n");
            }

            foreach (var conflict in story.Conflicts)
            {
                html.Markup("<div class=\"conflict\">");
                Heading(2, conflict.About);
                html.Markup("<ul>");
                foreach (var value in conflict.Values)
                {
                    html.Markup("<li><strong>").Text(value.Value).Markup("</strong>");
                    Evidence(value.Evidence, null);
                    html.Markup("</li>");
                }

                html.Markup("</ul></div>\n");
            }

            html.Markup("</section>\n");
        }

        /// <summary>Claims by topic as every brief groups them (<see cref="BriefLayout.ClaimsByTopic"/>), each a &lt;details&gt; that opens to its evidence.</summary>
        public void Claims()
        {
            html.Markup("<section class=\"claims\">");
            Heading(1, "Claims");
            foreach (var (topic, claims) in BriefLayout.ClaimsByTopic(story))
            {
                html.Markup("<div class=\"topic\">");
                Heading(2, topic);
                foreach (var claim in claims)
                {
                    var status = StatusNames.Of(claim.Status);
                    html.Markup("<details class=\"claim ").Markup(status).Markup("\"").Attribute("id", ClaimAnchor(story.Id, claim.Id))
                        .Markup("><summary><span class=\"badge ").Markup(status).Markup("\">").Markup(status).Markup("</span> <span class=\"claim-text\">").Text(claim.Text)
                        .Markup("</span> <span class=\"n\">").Number(claim.IndependentSources).Markup(claim.IndependentSources == 1 ? " source" : " sources").Markup("</span>");
                    if (claim.Event is { } e)
                    {
                        html.Markup(" <code class=\"event\">").Text(e.Source).Markup(" ").Text(e.Code).Markup(" ").Text(e.Target).Markup("</code>");
                    }

                    html.Markup("</summary>");
                    Evidence(claim.Evidence, claim.Id);
                    html.Markup("</details>\n");
                }

                html.Markup("</div>\n");
            }

            html.Markup("</section>\n");
        }

        /// <summary>
        /// Each evidence sentence with the report it is from, and inside its neighbours of the same paragraph when
        /// the report's text is at hand (the web page); the sentence alone otherwise (the brief keeps no texts).
        /// </summary>
        private void Evidence(IReadOnlyList<Evidence> evidence, string? claimId)
        {
            html.Markup("<ol class=\"evidence\">");
            foreach (var e in evidence)
            {
                html.Markup("<li><div class=\"where\">");
                Report(e.ArticleId, options.ReportHref?.Invoke(e.ArticleId, claimId, e.SentenceIndex), null);
                html.Markup(", sentence ").Number(e.SentenceIndex + 1).Markup("</div><blockquote class=\"context\"").Attribute("data-article", e.ArticleId)
                    .Attribute("data-start", e.Span.Start.ToString(CultureInfo.InvariantCulture)).Attribute("data-end", e.Span.End.ToString(CultureInfo.InvariantCulture)).Markup(">");
                var article = reports.GetValueOrDefault(e.ArticleId)?.Article;
                var text = article?.Article.Text;
                if (article is null || text is null || e.Span.Start < 0 || e.Span.End > text.Length || e.Span.IsEmpty)
                {
                    html.Markup("<mark>").Text(e.Sentence).Markup("</mark>");
                }
                else
                {
                    var (from, to) = Context(article, e);
                    html.Text(text.AsSpan(from, e.Span.Start - from)).Markup("<mark>").Text(e.Span.SliceOf(text)).Markup("</mark>").Text(text.AsSpan(e.Span.End, to - e.Span.End));
                }

                html.Markup("</blockquote></li>");
            }

            html.Markup("</ol>");
        }

        /// <summary>
        /// Claims down, outlets across (a story has many more claims than outlets, so the table stays narrow), and
        /// under it per outlet its reports, the claims it carried and those no other outlet carried.
        /// </summary>
        public void Coverage()
        {
            html.Markup("<section class=\"coverage\">");
            Heading(1, "Coverage");
            if (story.Coverage.IsDefaultOrEmpty)
            {
                html.Markup("<p class=\"empty\">No coverage recorded.</p></section>\n");
                return;
            }

            var carried = story.Coverage.Select(r => r.ClaimIds.ToHashSet(StringComparer.Ordinal)).ToArray();
            var outletsPerClaim = story.Coverage.SelectMany(r => r.ClaimIds.Select(c => (Claim: c, r.Outlet))).Distinct()
                .GroupBy(p => p.Claim, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            html.Markup("<table class=\"coverage\"><thead><tr><th>Claim</th>");
            foreach (var row in story.Coverage)
            {
                // The row's outlet may be a source key; the first report's outlet reads better.
                var name = !row.ArticleIds.IsDefaultOrEmpty && reports.TryGetValue(row.ArticleIds[0], out var first) ? first.Outlet : row.Outlet;
                html.Markup("<th").Attribute("title", row.Outlet).Markup(">").Text(name).Markup("</th>");
            }

            html.Markup("</tr></thead><tbody>\n");
            foreach (var claim in story.Claims)
            {
                html.Markup("<tr class=\"").Markup(StatusNames.Of(claim.Status)).Markup("\"><th><a").Attribute("href", "#" + ClaimAnchor(story.Id, claim.Id)).Markup(">")
                    .Text(Shorten(claim.Text, 90)).Markup("</a></th>");
                foreach (var set in carried)
                {
                    html.Markup(set.Contains(claim.Id) ? "<td class=\"yes\">●</td>" : "<td class=\"no\"></td>");
                }

                html.Markup("</tr>\n");
            }

            html.Markup("</tbody><tfoot>\n");
            Totals("Reports", story.Coverage.Select(r => r.ArticleIds.Length));
            Totals("Claims carried", story.Coverage.Select(r => r.ClaimIds.Length));
            Totals("Only this outlet", story.Coverage.Select(r => r.ClaimIds.Count(c => outletsPerClaim[c] == 1)));
            html.Markup("</tfoot></table></section>\n");
        }

        private void Totals(string label, IEnumerable<int> perOutlet)
        {
            html.Markup("<tr><th>").Markup(label).Markup("</th>");
            foreach (var n in perOutlet)
            {
                html.Markup("<td>").Number(n).Markup("</td>");
            }

            html.Markup("</tr>\n");
        }

        private void Fact(string name, string value) => html.Markup("<dt>").Markup(name).Markup("</dt><dd>").Text(value).Markup("</dd>");

        /// <summary>A report as "outlet — title", a link when the page has somewhere to send it.</summary>
        private void Report(string articleId, string? href, string? cssClass)
        {
            if (href is not null)
            {
                html.Markup("<a");
                if (cssClass is not null)
                {
                    html.Attribute("class", cssClass);
                }

                html.Attribute("href", href).Markup(">");
            }

            if (reports.TryGetValue(articleId, out var report))
            {
                html.Text(report.Outlet).Markup(" — ").Text(report.Title);
            }
            else
            {
                html.Text(articleId);
            }

            if (href is not null)
            {
                html.Markup("</a>");
            }
        }
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

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
