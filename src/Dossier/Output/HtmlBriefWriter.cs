using System.Globalization;
using System.Text;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// A self-contained HTML brief: the Markdown brief's content with status badges and collapsible evidence.
/// All article text is untrusted and HTML-encoded; the page carries a Content-Security-Policy that
/// forbids scripts, so even a mistake in encoding cannot run code.
/// </summary>
public sealed class HtmlBriefWriter : IResultWriter
{
    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string Extension => ".html";

    private const string Style = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
        h1{font-size:1.6rem}h2{border-top:2px solid #ddd;padding-top:1rem}
        .meta{color:#555}.badge{display:inline-block;border-radius:.3rem;padding:0 .4rem;font-size:.8rem;font-weight:600;margin-right:.4rem}
        .corroborated{background:#d8f0dc;color:#135c23}.single-source{background:#eee;color:#444}.conflicting{background:#fbd9d9;color:#8a1414}
        .conflicts{border-left:4px solid #c62828;padding-left:1rem}
        details{margin:.2rem 0}summary{cursor:pointer}blockquote{margin:.3rem 0 .3rem 1rem;color:#333;border-left:3px solid #ccc;padding-left:.6rem}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
        code{background:#f4f4f4;padding:0 .2rem}
        """;

    /// <inheritdoc />
    public IAnalysisSink CreateSink(Stream output) => new BriefSink(output, Render);

    private static void Render(BriefData result, Stream output)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Dossier brief</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Dossier brief</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{result.ArticleCount} reports, {result.Stories.Count} stories, {result.Errors.Count} inputs failed. Generated {StatusNames.Iso(result.GeneratedAt)}.</p>\n");

        foreach (var story in BriefLayout.OrderStories(result.Stories))
        {
            WriteStory(html, story, result);
        }

        if (result.Errors.Count > 0)
        {
            html.Append("<h2>Inputs that failed</h2>\n<ul>\n");
            foreach (var error in result.Errors)
            {
                html.Append("<li><code>").Append(E(error.Record is null ? error.Path : error.Path + "#" + error.Record)).Append("</code>: ").Append(E(error.Reason)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</body>\n</html>\n");
        output.Write(new UTF8Encoding(false).GetBytes(html.ToString()));
    }

    private static void WriteStory(StringBuilder html, Story story, BriefData result)
    {
        html.Append("<section class=\"story\" id=\"").Append(E(story.Id)).Append("\">\n<h2>").Append(E(story.Title)).Append("</h2>\n<ul class=\"meta\">\n");
        html.Append("<li><b>When:</b> ").Append(E(BriefLayout.When(story))).Append("</li>\n");
        html.Append("<li><b>Where:</b> ").Append(E(story.Location ?? "place unknown")).Append("</li>\n");
        if (story.Participants.Length > 0)
        {
            html.Append("<li><b>Who:</b> ").Append(string.Join("; ", story.Participants.Select(p =>
                E(p.Name) + (p.Titles.Length > 0 ? " (" + E(BriefLayout.Join(p.Titles)) + ")" : "") + (p.Actor is null ? "" : " <code>" + E(p.Actor) + "</code>")))).Append("</li>\n");
        }

        if (BriefLayout.SeriesLine(story, result.Series) is { } inSeries)
        {
            html.Append("<li><b>Series:</b> ").Append(E(inSeries)).Append("</li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<li><b>Reports:</b> {story.ArticleIds.Length} from {story.IndependentSources} independent source{(story.IndependentSources == 1 ? "" : "s")}: ");
        html.Append(string.Join("; ", story.Sources.Select(s => E(s.Source.StartsWith("article:", StringComparison.Ordinal) && s.ArticleIds.Length > 0 ? result.Outlet(s.ArticleIds[0]) : s.Source) + " (" + E(BriefLayout.Join(s.ArticleIds.Select(id => result.Label(id)))) + ")"))).Append("</li>\n</ul>\n");

        if (story.Conflicts.Length > 0)
        {
            html.Append("<div class=\"conflicts\">\n<h3>Conflicts</h3>\n<ul>\n");
            foreach (var conflict in story.Conflicts)
            {
                html.Append("<li><span class=\"badge conflicting\">conflict</span><b>").Append(E(conflict.About)).Append("</b><ul>\n");
                foreach (var value in conflict.Values)
                {
                    html.Append("<li>").Append(E(value.Value));
                    WriteEvidence(html, value.Evidence, result);
                    html.Append("</li>\n");
                }

                html.Append("</ul></li>\n");
            }

            html.Append("</ul>\n</div>\n");
        }

        if (story.Claims.Length > 0)
        {
            html.Append("<h3>Claims</h3>\n");
            foreach (var (topic, claims) in BriefLayout.ClaimsByTopic(story))
            {
                html.Append("<h4>").Append(E(topic)).Append("</h4>\n<ul class=\"claims\">\n");
                foreach (var claim in claims)
                {
                    var status = StatusNames.Of(claim.Status);
                    html.Append("<li class=\"claim\" data-status=\"").Append(status).Append("\"><span class=\"badge ").Append(status).Append("\">").Append(E(BriefLayout.Badge(claim))).Append("</span>");
                    html.Append(E(claim.Text));
                    if (claim.Event is { } e)
                    {
                        html.Append(CultureInfo.InvariantCulture, $" <code>{E(e.Source)} {E(e.Code)} {E(e.Target)}</code>");
                    }

                    WriteEvidence(html, claim.Evidence, result);
                    html.Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
        }

        if (story.Coverage.Length > 0)
        {
            html.Append("<h3>Coverage</h3>\n<table>\n<tr><th>Outlet</th><th>Reports</th><th>Claims carried</th><th>Only this outlet</th></tr>\n");
            var carriedBy = story.Coverage.SelectMany(r => r.ClaimIds.Select(c => (c, r.Outlet))).GroupBy(p => p.c).ToDictionary(g => g.Key, g => g.Select(p => p.Outlet).Distinct().Count(), StringComparer.Ordinal);
            foreach (var row in story.Coverage)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Outlet)}</td><td>{row.ArticleIds.Length}</td><td>{row.ClaimIds.Length}</td><td>{row.ClaimIds.Count(c => carriedBy[c] == 1)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteEvidence(StringBuilder html, IEnumerable<Evidence> evidence, BriefData result)
    {
        var list = evidence.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<details><summary>{list.Count} sentence{(list.Count == 1 ? "" : "s")}</summary>\n");
        foreach (var e in list)
        {
            html.Append("<blockquote data-article=\"").Append(E(e.ArticleId)).Append(CultureInfo.InvariantCulture, $"\" data-start=\"{e.Span.Start}\" data-end=\"{e.Span.End}\">");
            html.Append(E(e.Sentence)).Append("<br><small>").Append(E(result.Label(e.ArticleId)))
                .Append(CultureInfo.InvariantCulture, $", sentence {e.SentenceIndex + 1}</small></blockquote>\n");
        }

        html.Append("</details>");
    }

    private static string E(string text) => HtmlText.Escape(text);
}
