using System.Text;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// A self-contained HTML brief: every story as the web's story page shows it (<see cref="StoryHtml"/>, the one story
/// renderer), with status badges and collapsible evidence. All article text is untrusted and escaped by the writer;
/// the page carries a Content-Security-Policy that forbids scripts, so even a mistake in escaping cannot run code.
/// </summary>
public sealed class HtmlBriefWriter : IResultWriter
{
    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string Extension => ".html";

    /// <summary>The page around the stories; the stories' own style is <see cref="StoryHtml.Stylesheet"/>, the web's too.</summary>
    private const string PageStyle = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
        h1{font-size:1.6rem}article.story>h2{border-top:2px solid #ddd;padding-top:1rem}
        .meta{color:#555}code{background:#f4f4f4;padding:0 .2rem}
        """;

    /// <summary>
    /// A brief is one file read anywhere, with no server behind it: reports and series neighbours are named, not
    /// linked (the CSP allows no request anyway); the brief's title is the page's h1, so each story's is an h2.
    /// </summary>
    private static readonly StoryHtmlOptions StoryOptions = new() { TitleLevel = 2 };

    /// <inheritdoc />
    public IAnalysisSink CreateSink(Stream output) => new BriefSink(output, Render);

    private static void Render(BriefData result, Stream output)
    {
        var html = new HtmlWriter(64 * 1024);
        html.Markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Markup("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Dossier brief</title>\n<style>\n")
            .Markup(PageStyle).Markup("\n").Markup(StoryHtml.Stylesheet).Markup("</style>\n</head>\n<body>\n");
        html.Markup("<h1>Dossier brief</h1>\n");
        html.Markup("<p class=\"meta\">").Number(result.ArticleCount).Markup(" reports, ").Number(result.Stories.Count).Markup(" stories, ").Number(result.Errors.Count)
            .Markup(" inputs failed. Generated ").Text(StatusNames.Iso(result.GeneratedAt)).Markup(".</p>\n");

        foreach (var story in BriefLayout.OrderStories(result.Stories))
        {
            StoryHtml.Write(html, story, result.StoryReports, BriefLayout.SeriesOf(story, result.Series)?.Record, StoryOptions);
        }

        if (result.Errors.Count > 0)
        {
            html.Markup("<h2>Inputs that failed</h2>\n<ul>\n");
            foreach (var error in result.Errors)
            {
                html.Markup("<li><code>").Text(error.Record is null ? error.Path : error.Path + "#" + error.Record).Markup("</code>: ").Text(error.Reason).Markup("</li>\n");
            }

            html.Markup("</ul>\n");
        }

        html.Markup("</body>\n</html>\n");
        output.Write(new UTF8Encoding(false).GetBytes(html.ToString()));
    }
}
