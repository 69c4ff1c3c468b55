using System.Collections.Concurrent;
using Dossier.Model;

namespace Dossier;

/// <summary>
/// The per-article work already done for a text, so that a verbatim copy of it (the same wire text carried by
/// another site, with the same title and date) is annotated, coded and prepared for grouping once. A story carried
/// by thousands of sites is mostly such copies, and reading each again cost most of a run on real-length news
/// (issue 16, docs/PERFORMANCE.md).
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

    private readonly ConcurrentDictionary<Key, Entry> entries = new();
    private int added;

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
    /// The annotated and coded article: from the memo when a verbatim copy was done before (with this article's
    /// identity, and the first copy's string for the text), else from <paramref name="annotateAndCode"/>.
    /// </summary>
    /// <param name="article">The extracted article.</param>
    /// <param name="annotateAndCode">The language stage and the coder.</param>
    /// <param name="entry">The memo entry: the first copy's, on a hit; this article's own otherwise.</param>
    /// <returns>The annotated article and whether it came from the memo.</returns>
    public (AnnotatedArticle Annotated, bool Copy) Annotate(Article article, Func<Article, AnnotatedArticle> annotateAndCode, out Entry entry)
    {
        var key = Key.Of(article);
        if (entries.TryGetValue(key, out var found))
        {
            entry = found;
            var original = found.Annotated.Article;
            return (found.Annotated with { Article = article with { Text = original.Text } }, true);
        }

        var annotated = annotateAndCode(article);
        entry = new Entry(annotated);

        // Starting over when full keeps memory bounded; a race that adds a few entries past the bound is harmless.
        if (Interlocked.Increment(ref added) > Capacity)
        {
            entries.Clear();
            Interlocked.Exchange(ref added, 0);
        }

        entries.TryAdd(key, entry);
        return (annotated, false);
    }
}
