using System.Collections.Immutable;
using System.Net;
using Dossier.Extraction.Text;
using Dossier.Model;
using HtmlAgilityPack;

namespace Dossier.Extraction.Html;

/// <summary>
/// Extracts an article from an HTML page: metadata from JSON-LD, OpenGraph and &lt;meta&gt;; the main
/// content by <see cref="MainContent"/>; the language by <see cref="LanguageIdentifier"/>.
/// </summary>
internal static class HtmlArticleExtractor
{
    /// <summary>Elements nested deeper than this are flattened to text (guards against hostile nesting).</summary>
    public const int MaxDepth = 400;

    public static ExtractionOutcome Extract(SourceDocument document) => Extract(document, ChromePhrases.Default);

    internal static ExtractionOutcome Extract(SourceDocument document, ChromePhrases phrases)
    {
        var (tree, head) = Parse(document.Content);
        var meta = HtmlMetadata.Read(head, tree);
        var content = WithStatedBody(MainContent.Extract(tree, meta.TitleVariants, phrases), meta.ArticleBody);
        if (content.Text.Length == 0)
        {
            return ExtractionOutcome.Failed(document, "no article text");
        }

        var wire = WireMarks.Read(content.Text);
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

        // The page's own declaration first: it agreed with Lingua on 150 of the 154 benchmark pages that
        // declare one, and Lingua's per-call fan-out made it most of the extraction time. Lingua decides
        // when the page says nothing.
        string? language = null;
        if (meta.Language is { } l && LanguageCode(l.Value) is { } declared)
        {
            language = declared;
            sources.Add(new Provenance("language", l.Source));
        }
        else if (LanguageIdentifier.Identify(wire.Text) is { } identified)
        {
            language = identified;
            sources.Add(new Provenance("language", "lingua"));
        }

        if (wire.Dateline is not null)
        {
            sources.Add(new Provenance("dateline", "dateline"));
        }

        if (wire.Credit is not null)
        {
            sources.Add(new Provenance("credit", wire.CreditSource!));
        }

        var metadata = new ArticleMetadata
        {
            Title = title,
            Dateline = wire.Dateline?.City,
            DatelineSpan = wire.Dateline?.CitySpan,
            Credit = wire.Credit,
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
        var removed = wire.RemovedCredit is { } cut ? content.Removed.Add(cut) : content.Removed;
        return ExtractionOutcome.Of(new Article(ArticleExtractor.ArticleId(document.Path, document.Record), document.Path, document.Record, wire.Text, metadata, removed));
    }

    /// <summary>
    /// Parses a page into the tree the extractor scores and what its head declares. HtmlAgilityPack parses
    /// about twice as fast as AngleSharp here (docs/extraction.md); where its tree differs from a browser's
    /// (it keeps a paragraph open across a block that a browser would close it before), the scoring only
    /// sees text and block boundaries, which come out the same.
    /// </summary>
    internal static (PageNode Body, PageHead Head) Parse(string html)
    {
        // No index of elements by id (we never look one up) and no syntax bookkeeping: both cost time per element.
        var page = new HtmlDocument { OptionUseIdAttribute = false, OptionCheckSyntax = false };
        page.LoadHtml(NestingLimiter.Limit(RawTextStripper.Strip(html)));
        var body = FindBody(page.DocumentNode);
        var head = PageHead.Read(page, body);
        var tree = PageNode.Build(body ?? page.DocumentNode, MaxDepth, body is null ? null : head);
        return (tree, head);
    }

    /// <summary>
    /// The JSON-LD <c>articleBody</c> instead of the extracted text when the page's markup holds little of it:
    /// pages rendered by script ship the body as data and only a caption or a teaser as HTML. Taken only when
    /// it is a real body (200+ characters) and more than twice what the markup gave; the markup's text is kept before it.
    /// </summary>
    internal static MainContentResult WithStatedBody(MainContentResult found, string? stated)
    {
        if (stated is null || stated.Length < 2 * Math.Max(found.Text.Length, 100))
        {
            return found;
        }

        var text = StatedText(stated);
        if (text.Length < 200 || text.Length <= 2 * found.Text.Length)
        {
            return found;
        }

        // What the markup showed (a paywall's lead, a caption) stays in front unless the stated body repeats it.
        return found.Text.Length == 0 || text.Contains(found.Text, StringComparison.Ordinal) ? found with { Text = text } : found with { Text = found.Text + "\n\n" + text };
    }

    /// <summary>JSON-LD body text as paragraphs: entities decoded, any markup dropped, whitespace collapsed, lines as paragraphs.</summary>
    private static string StatedText(string stated)
    {
        var decoded = WebUtility.HtmlDecode(stated);
        if (decoded.Contains('<', StringComparison.Ordinal))
        {
            var page = new HtmlDocument();
            page.LoadHtml(decoded);
            decoded = WebUtility.HtmlDecode(page.DocumentNode.InnerText);
        }

        var paragraphs = decoded.Split('\n').Select(line => PageNode.Collapse(line, false).Trim()).Where(line => line.Length > 0);
        return MainContent.Normalized(string.Join("\n\n", paragraphs));
    }

    /// <summary>The body element, looked for among the first levels only (it sits below html, or at the top of a sloppy page).</summary>
    private static HtmlNode? FindBody(HtmlNode document)
    {
        foreach (var top in document.ChildNodes)
        {
            if (top.Name == "body")
            {
                return top;
            }

            if (top.Name == "html")
            {
                foreach (var child in top.ChildNodes)
                {
                    if (child.Name == "body")
                    {
                        return child;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The ISO 639-1 part of a declared language tag (<c>en-US</c>, <c>pt_BR</c>), or null when it is not one.</summary>
    internal static string? LanguageCode(string tag)
    {
        var code = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length == 2 && code.All(char.IsAsciiLetterLower) ? code : null;
    }
}
