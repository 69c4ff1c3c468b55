using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using Dossier.Extraction.Html;
using Dossier.Model;

namespace Dossier.Extraction;

/// <summary>Turns a decoded document into an article: body without boilerplate, metadata, removed blocks.</summary>
public interface IArticleExtractor
{
    /// <summary>Extracts the article, or returns an error when the document holds no article.</summary>
    ExtractionOutcome Extract(SourceDocument document);
}

/// <summary>An article, or the reason there is none.</summary>
public readonly record struct ExtractionOutcome(Article? Article, InputError? Error)
{
    public static ExtractionOutcome Of(Article article) => new(article, null);
    public static ExtractionOutcome Failed(SourceDocument document, string reason) => new(null, new InputError(document.Path, document.Record, reason));
}

/// <summary>The default extractor: plain text and HTML each by their own rules.</summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    /// <inheritdoc />
    public ExtractionOutcome Extract(SourceDocument document)
    {
        var outcome = document.Kind == DocumentKind.Html ? HtmlArticleExtractor.Extract(document) : TextArticleExtractor.Extract(document);
        return document.Hints.Truncated is { } truncated && outcome.Article is { } article
            ? ExtractionOutcome.Of(article with { Metadata = article.Metadata with { Truncated = truncated } })
            : outcome;
    }

    /// <summary>A stable identifier from path and record: the same input always gets the same id.</summary>
    public static string ArticleId(string path, string? record)
    {
        var bytes = Encoding.UTF8.GetBytes(record is null ? path : path + "#" + record);
        return "a" + Convert.ToHexStringLower(BitConverter.GetBytes(XxHash64.HashToUInt64(bytes)))[..11];
    }

    internal static ImmutableArray<Provenance> Provenances(params (string Field, string? Source)[] fields) =>
        [.. fields.Where(f => f.Source is not null).Select(f => new Provenance(f.Field, f.Source!))];
}
