using Dossier.Model;
using Dossier.Stories;

namespace Dossier;

/// <summary>One input document after the per-article stages, as the grouping thread receives it (in input order).</summary>
/// <param name="Path">The input file.</param>
/// <param name="Record">The item inside the file, when there is one.</param>
/// <param name="Article">The annotated and coded article; null when the document gave none.</param>
/// <param name="Error">Why the document failed, or was read in part (then <paramref name="Article"/> is set too).</param>
/// <param name="Prepared">What the grouper prepared for the article (<see cref="IStoryGrouper.Prepare"/>).</param>
/// <param name="Kept">What the sink computed for it on the same worker (<see cref="ICheckpointSink.Keep"/>).</param>
public sealed record ProcessedDocument(string Path, string? Record, AnnotatedArticle? Article, InputError? Error, object? Prepared, object? Kept);

/// <summary>
/// A sink that takes a run's documents in batches and keeps each batch whole: a store commits one transaction per
/// batch, so a run killed at any moment leaves whole batches. <see cref="DossierPipeline.Run"/> processes the next
/// batches on every core while the sink groups and keeps the previous one on the grouping thread.
/// </summary>
/// <remarks>
/// The pipeline calls <see cref="IAnalysisSink.Begin"/>, then <see cref="Checkpoint"/> once per batch, then
/// <see cref="Finish"/> and <see cref="IAnalysisSink.Complete"/>. It does not call <see cref="IAnalysisSink.Article"/>,
/// <see cref="IAnalysisSink.Story"/> or <see cref="IAnalysisSink.Error"/> itself: the batch carries the articles and
/// errors, and which stories to fuse and when is the sink's to decide (a store fuses the stories a batch changed).
/// </remarks>
public interface ICheckpointSink : IAnalysisSink
{
    /// <summary>Documents per batch. A batch is cut every this many documents of the input the pipeline is given.</summary>
    int BatchSize { get; }

    /// <summary>
    /// Called on a processing worker right after a document's stages: what the sink will need of it at its checkpoint
    /// (keys, serialised annotations), computed in parallel so the grouping thread does not. Null keeps nothing.
    /// </summary>
    object? Keep(SourceDocument document, AnnotatedArticle? article);

    /// <summary>
    /// Called on the grouping thread with each batch, in input order: the sink adds the batch's articles to the
    /// run's session (it decides which, and what comes before them) and keeps what the session then holds.
    /// </summary>
    void Checkpoint(IReadOnlyList<ProcessedDocument> batch, GroupingRun grouping);

    /// <summary>Called on the grouping thread after the last batch; returns <paramref name="counted"/> with what the sink adds (stories, series).</summary>
    AnalysisSummary Finish(GroupingRun grouping, AnalysisSummary counted);
}

/// <summary>
/// The grouping session of one run. A checkpoint may start it over: a store does when another writer changed
/// stories the session holds, and then replays them from the store.
/// </summary>
public sealed class GroupingRun(IStoryGrouper grouper)
{
    /// <summary>The run's session: every report is added to it once, in input order.</summary>
    public IStoryGroupingSession Session { get; private set; } = grouper.Start();

    /// <summary>What <see cref="IStoryGrouper.Prepare"/> gives for <paramref name="article"/>: for articles not processed in this run (replayed from a store).</summary>
    public object? Prepare(AnnotatedArticle article) => grouper.Prepare(article);

    /// <summary>What <see cref="IStoryGrouper.PrepareCopy"/> gives: the preparation of an article whose identity changed after it was prepared.</summary>
    public object? PrepareCopy(object? prepared, AnnotatedArticle copy) => grouper.PrepareCopy(prepared, copy);

    /// <summary>Replaces the session with a new, empty one.</summary>
    public void StartOver() => Session = grouper.Start();
}
