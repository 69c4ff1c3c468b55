using System.Collections.Immutable;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>
/// The articles of one story as grouping sees them. Serialisable state: a story could live in its own
/// actor (an Orleans grain) with the store behind it.
/// </summary>
/// <param name="Id">Stable story id.</param>
/// <param name="Articles">The story's articles, in arrival order.</param>
/// <param name="Sources">The articles grouped by independent source (copies of one text are one source).</param>
public sealed record StoryCluster(string Id, ImmutableArray<AnnotatedArticle> Articles, ImmutableArray<SourceGroup> Sources)
{
    /// <summary>Reports written before the event that announce it ("will hold talks on Sunday"): linked to the story, not counted among its reports.</summary>
    public ImmutableArray<AnnotatedArticle> Announcements { get; init; } = [];
}

/// <summary>Creates grouping sessions; each session groups one stream of articles.</summary>
public interface IStoryGrouper
{
    /// <summary>Starts a new, empty grouping session.</summary>
    IStoryGroupingSession Start();

    /// <summary>
    /// What grouping needs to know of one article, computed ahead of <see cref="IStoryGroupingSession.Add(AnnotatedArticle, object?)"/>.
    /// Pure and safe to call from many threads, so the pipeline computes it beside the per-article stages
    /// rather than on the one thread that groups. The default prepares nothing.
    /// </summary>
    object? Prepare(AnnotatedArticle article) => null;

    /// <summary>
    /// What <see cref="Prepare"/> gives for <paramref name="copy"/>, a verbatim copy (same text, title, date and
    /// dateline) of an article it gave <paramref name="prepared"/> for: only the copy's identity differs. The
    /// default prepares the copy again.
    /// </summary>
    object? PrepareCopy(object? prepared, AnnotatedArticle copy) => Prepare(copy);
}

/// <summary>Online grouping: articles arrive one at a time and join the best story or start a new one.</summary>
public interface IStoryGroupingSession
{
    /// <summary>Adds an article; returns the id of the story it joined.</summary>
    string Add(AnnotatedArticle article);

    /// <summary>Adds an article with what <see cref="IStoryGrouper.Prepare"/> computed for it (null: nothing).</summary>
    string Add(AnnotatedArticle article, object? prepared) => Add(article);

    /// <summary>The stories still open, in order of their first article.</summary>
    IReadOnlyList<StoryCluster> Stories { get; }

    /// <summary>
    /// Removes and returns the stories no later article can join any more (for example, no article has
    /// joined them for a window of days of event time). The pipeline fuses and writes them at once, which
    /// bounds memory by the stories still open. The default closes nothing until the end of the run.
    /// </summary>
    IReadOnlyList<StoryCluster> TakeClosed() => [];
}
