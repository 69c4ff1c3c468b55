using System.Collections.Immutable;
using System.Text;
using AngleSharp.Html.Parser;
using Dossier.Model;

namespace Dossier.Extraction;

/// <summary>First version of HTML extraction: the paragraphs of the page, title from &lt;title&gt;.</summary>
internal static class HtmlArticleExtractor
{
    private static readonly HtmlParser Parser = new();

    public static ExtractionOutcome Extract(SourceDocument document)
    {
        var page = Parser.ParseDocument(document.Content);
        var body = new StringBuilder();
        foreach (var p in page.QuerySelectorAll("p"))
        {
            var text = p.TextContent.Trim();
            if (text.Length > 0)
            {
                body.Append(text).Append("\n\n");
            }
        }

        if (body.Length == 0)
        {
            return ExtractionOutcome.Failed(document, "no article text");
        }

        var metadata = new ArticleMetadata { Title = page.Title?.Trim() ?? document.Hints.Title, Url = document.Hints.Url, Published = document.Hints.Published, Outlet = document.Hints.Outlet };
        return ExtractionOutcome.Of(new Article(ArticleExtractor.ArticleId(document.Path, document.Record), document.Path, document.Record, body.ToString().Trim(), metadata, ImmutableArray<RemovedBlock>.Empty));
    }
}
