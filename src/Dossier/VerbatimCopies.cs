using System.Collections.Concurrent;
using Dossier.Extraction;
using Dossier.Model;

namespace Dossier;

/// <summary>
/// The per-article work already done for a text, so that a verbatim copy of it (the same wire text carried by
/// another site, with the same title and date) is annotated, coded and prepared for grouping once. A story carried
/// by thousands of sites is mostly such copies, and reading each again cost most of a run on real-length news
/// (issue 16, docs/PERFORMANCE.md). Plain-text documents with the same content and the same container hints are
/// also extracted once.
/// </summary>
/// <remarks>
/// The language stage, the coder and grouping's preparation read of an article its text, its title, its publication
/// date and its dateline span, and nothing else (docs/ARCHITECTURE.md, "Verbatim copies"): the key holds exactly
/// those, so a copy gets the values its own run would have given, and output is byte for byte the same with or
/// without the memo. Only the identity (id, path, outlet, credit, URL) is the copy's own. Bounded: past
/// <see cref="Capacity"/> entries the memo starts over, which costs only time; copies of a story arrive close
/// together in every real stream.
/// </remarks>
internal sealed class VerbatimCopies
{
    /// <summary>Texts remembered at most; about 5 KB each plus their annotations.</summary>
    public const int Capacity = 4096;

    /// <summary>Longest plain-text document whose extraction is remembered: news, not a pasted 20 MB file.</summary>
    public const int MaxDocumentLength = 1 << 16;

    private readonly ConcurrentDictionary<Key, Entry> entries = new();
    private readonly ConcurrentDictionary<DocumentKey, Article> documents = new();
    private int added;
    private int documentsAdded;

    /// <summary>
    /// What the plain-text extractor reads of a document besides its identity (path, record, URL and outlet, which
    /// it copies into the article as they are): the content and the container's title, date, authors and truncation,
    /// and whether a URL and an outlet were given (the article's provenance list says so).
    /// </summary>
    private readonly record struct DocumentKey(
        string Content, string? Title, long? PublishedUtcTicks, TimeSpan? PublishedOffset, string Authors, string? Truncated, bool HasUrl, bool HasOutlet)
    {
        public static DocumentKey Of(SourceDocument document)
        {
            var hints = document.Hints;
            return new(
                document.Content,
                hints.Title,
                hints.Published?.UtcTicks,
                hints.Published?.Offset,
                hints.Authors.IsDefaultOrEmpty ? "" : string.Join('\u0001', hints.Authors),
                hints.Truncated,
                hints.Url is not null,
                hints.Outlet is not null);
        }
    }

    private readonly record struct Key(string Text, string? Title, long? PublishedUtcTicks, TimeSpan? PublishedOffset, TextSpan? Dateline)
    {
        public static Key Of(Article article) => new(
            article.Text,
            article.Metadata.Title,
            article.Metadata.Published?.UtcTicks,
            article.Metadata.Published?.Offset,
            article.Metadata.DatelineSpan);
    }

    /// <summary>One text's results; what grouping prepared for it, once that has run.</summary>
    public sealed class Entry(AnnotatedArticle annotated)
    {
        // One reference, written once: a reader on another thread sees all of it or none of it.
        private sealed record Done(object? Value);

        private Done? done;

        public AnnotatedArticle Annotated { get; } = annotated;

        public bool TryGetPrepared(out object? prepared)
        {
            var value = Volatile.Read(ref done);
            prepared = value?.Value;
            return value is not null;
        }

        public void SetPrepared(object? prepared) => Volatile.Write(ref done, new Done(prepared));
    }

    /// <summary>
    /// The built-in extractor's outcome for <paramref name="document"/>: for a plain-text document whose content and
    /// hints came before, the first one's article with this document's identity; otherwise <paramref name="extract"/>'s.
    /// </summary>
    public ExtractionOutcome Extract(SourceDocument document, Func<SourceDocument, ExtractionOutcome> extract)
    {
        if (document.Kind != DocumentKind.Text || document.Content.Length > MaxDocumentLength)
        {
            return extract(document);
        }

        var key = DocumentKey.Of(document);
        if (documents.TryGetValue(key, out var first))
        {
            return ExtractionOutcome.Of(first with
            {
                Id = ArticleExtractor.ArticleId(document.Path, document.Record),
                Path = document.Path,
                Record = document.Record,
                Metadata = first.Metadata with { Url = document.Hints.Url, Outlet = document.Hints.Outlet },
            });
        }

        var outcome = extract(document);
        if (outcome.Article is { } article)
        {
            AddBounded(documents, ref documentsAdded, key, article);
        }

        return outcome;
    }

    /// <summary>
    /// The annotated and coded article: from the memo when a verbatim copy was done before (with this article's
    /// identity, and the first copy's string for the text), else from <paramref name="annotateAndCode"/>.
    /// </summary>
    /// <param name="article">The extracted article.</param>
    /// <param name="annotateAndCode">The language stage and the coder.</param>
    /// <param name="entry">The memo entry: the first copy's, on a hit; this article's own otherwise.</param>
    /// <returns>The annotated article.</returns>
    public AnnotatedArticle Annotate(Article article, Func<Article, AnnotatedArticle> annotateAndCode, out Entry entry)
    {
        var key = Key.Of(article);
        if (entries.TryGetValue(key, out var found))
        {
            entry = found;
            var original = found.Annotated.Article;
            return found.Annotated with { Article = article with { Text = original.Text } };
        }

        var annotated = annotateAndCode(article);
        entry = new Entry(annotated);
        AddBounded(entries, ref added, key, entry);
        return annotated;
    }

    // Starting over when full keeps memory bounded; a race that adds a few entries past the bound is harmless.
    private static void AddBounded<TKey, TValue>(ConcurrentDictionary<TKey, TValue> memo, ref int count, TKey key, TValue value)
        where TKey : notnull
    {
        if (Interlocked.Increment(ref count) > Capacity)
        {
            memo.Clear();
            Interlocked.Exchange(ref count, 0);
        }

        memo.TryAdd(key, value);
    }
}
