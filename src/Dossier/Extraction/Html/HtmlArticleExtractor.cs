using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using Dossier.Model;

namespace Dossier.Extraction.Html;

/// <summary>
/// Extracts an article from an HTML page: metadata from JSON-LD, OpenGraph and &lt;meta&gt;; the main
/// content by <see cref="MainContent"/>; the language by <see cref="LanguageIdentifier"/>.
/// </summary>
internal static class HtmlArticleExtractor
{
    /// <summary>Elements nested deeper than this are flattened to text (guards against hostile nesting).</summary>
    public const int MaxDepth = 400;

    // Script and style text never reaches the article (JSON-LD is read from the raw page), so the parser skips it.
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsKeepingSourceReferences = false,
        SkipScriptText = true,
        SkipRawText = true,
        SkipComments = true,
        DisableElementPositionTracking = true,
    };

    // A parser carries a browsing context that is costly to build; one per thread, as its thread safety is not documented.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(ParserOptions));

    public static ExtractionOutcome Extract(SourceDocument document) => Extract(document, BoilerplatePhrases.Default);

    internal static ExtractionOutcome Extract(SourceDocument document, BoilerplatePhrases phrases)
    {
        using var page = Parser.Value!.ParseDocument(document.Content);
        var body = page.Body ?? page.DocumentElement;
        var bodyMetas = new List<AngleSharp.Dom.IElement>();
        var tree = PageNode.Build(body, MaxDepth, bodyMetas);
        var meta = HtmlMetadata.Read(page, document.Content, bodyMetas);
        var content = MainContent.Extract(tree, meta.TitleVariants, phrases);
        if (content.Text.Length == 0)
        {
            return ExtractionOutcome.Failed(document, "no article text");
        }

        var sources = ImmutableArray.CreateBuilder<Provenance>();
        T? Take<T>(string field, (T Value, string Source)? found, T? hint, string hintSource = "hint")
        {
            if (found is { } f)
            {
                sources.Add(new Provenance(field, f.Source));
                return f.Value;
            }

            if (hint is not null)
            {
                sources.Add(new Provenance(field, hintSource));
            }

            return hint;
        }

        var title = Take("title", meta.Title, document.Hints.Title);
        var published = Take<DateTimeOffset?>("published", meta.Published is { } p ? (p.Value, p.Source) : null, document.Hints.Published);
        var modified = Take<DateTimeOffset?>("modified", meta.Modified is { } m ? (m.Value, m.Source) : null, null);
        var outlet = Take("outlet", meta.Outlet, document.Hints.Outlet);
        var url = Take("url", meta.Url, document.Hints.Url);
        var section = Take("section", meta.Section, null);

        var authors = meta.Authors?.Value ?? [];
        if (meta.Authors is { } a)
        {
            sources.Add(new Provenance("authors", a.Source));
        }
        else if (!document.Hints.Authors.IsDefaultOrEmpty)
        {
            authors = document.Hints.Authors;
            sources.Add(new Provenance("authors", "hint"));
        }
        else if (content.Bylines.Length > 0 && Bylines.Names(content.Bylines) is { Length: > 0 } names)
        {
            authors = names;
            sources.Add(new Provenance("authors", "byline"));
        }

        var language = LanguageIdentifier.Identify(content.Text);
        if (language is not null)
        {
            sources.Add(new Provenance("language", "lingua"));
        }
        else if (meta.Language is { } l)
        {
            language = l.Value.Split('-', '_')[0].ToLowerInvariant();
            sources.Add(new Provenance("language", l.Source));
        }

        var metadata = new ArticleMetadata
        {
            Title = title,
            Published = published,
            Modified = modified,
            Authors = authors,
            Outlet = outlet,
            Url = url,
            Section = section,
            Language = language,
            Captions = content.Captions,
            Sources = sources.ToImmutable(),
        };
        return ExtractionOutcome.Of(new Article(ArticleExtractor.ArticleId(document.Path, document.Record), document.Path, document.Record, content.Text, metadata, content.Removed));
    }
}
