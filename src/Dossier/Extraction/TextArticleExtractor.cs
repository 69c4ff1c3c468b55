using System.Collections.Immutable;
using Dossier.Model;

namespace Dossier.Extraction;

/// <summary>First version of plain-text extraction: the first line is the title, the rest the body.</summary>
internal static class TextArticleExtractor
{
    public static ExtractionOutcome Extract(SourceDocument document)
    {
        var text = document.Content.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var title = newline < 0 ? text : text[..newline].Trim();
        var body = newline < 0 ? "" : text[(newline + 1)..].Trim();
        if (body.Length == 0)
        {
            return ExtractionOutcome.Failed(document, "no article text");
        }

        var metadata = new ArticleMetadata { Title = document.Hints.Title ?? title, Url = document.Hints.Url, Published = document.Hints.Published, Outlet = document.Hints.Outlet };
        return ExtractionOutcome.Of(new Article(ArticleExtractor.ArticleId(document.Path, document.Record), document.Path, document.Record, body, metadata, ImmutableArray<RemovedBlock>.Empty));
    }
}
