using Dossier.Model;
using Dossier.Stories;

namespace Dossier;

/// <summary>
/// How <see cref="DossierPipeline.Run"/> feeds a plain <see cref="IAnalysisSink"/> (<c>analyze</c>'s writers): each
/// document is its own checkpoint, so articles reach the sink in input order as they arrive, and each story the
/// session closes is fused on the shared pool while grouping goes on, handed on in the order it closed (so output is
/// byte-identical however the fusions interleave). The stories still open at the end are fused on every core.
/// </summary>
internal sealed class StoryStream(DossierPipeline pipeline, IAnalysisSink sink) : ICheckpointSink
{
    private readonly Queue<Task<(Story Story, SeriesDigest Digest)>> fusing = new();

    // A few dozen hashed terms per story, kept to the end of the run: series are linked once every story is known.
    private readonly List<SeriesDigest> digests = [];
    private int stories;

    /// <inheritdoc />
    public int BatchSize => 1;

    /// <inheritdoc />
    public object? Keep(SourceDocument document, AnnotatedArticle? article) => null;

    /// <inheritdoc />
    public void Begin(DateTimeOffset generatedAt) => sink.Begin(generatedAt);

    /// <inheritdoc />
    public void Checkpoint(IReadOnlyList<ProcessedDocument> batch, GroupingRun grouping)
    {
        foreach (var document in batch)
        {
            if (document.Error is not null)
            {
                sink.Error(document.Error);
            }

            if (document.Article is { } article)
            {
                sink.Article(article);
                grouping.Session.Add(article, document.Prepared);
                foreach (var closed in grouping.Session.TakeClosed())
                {
                    fusing.Enqueue(pipeline.DegreeOfParallelism == 1
                        ? Task.FromResult(pipeline.FuseAndDigest(closed))
                        : Task.Run(() => pipeline.FuseAndDigest(closed), CancellationToken.None));
                }

                HandOn(wait: false);
            }
        }
    }

    /// <inheritdoc />
    public AnalysisSummary Finish(GroupingRun grouping, AnalysisSummary counted)
    {
        HandOn(wait: true);
        foreach (var (story, digest) in pipeline.FuseAll(grouping.Session.Stories, (_, story, digest) => (story, digest)))
        {
            Hand(story, digest);
        }

        return counted with { Stories = stories, Series = StorySeries.Link(digests) };
    }

    /// <inheritdoc />
    public void Complete(AnalysisSummary summary) => sink.Complete(summary);

    /// <inheritdoc />
    public void Article(AnnotatedArticle article) => sink.Article(article);

    /// <inheritdoc />
    public void Story(Story story) => sink.Story(story);

    /// <inheritdoc />
    public void Error(InputError error) => sink.Error(error);

    /// <summary>Hands on the fused stories at the head of the queue: those done, or all when waiting (or when too many wait).</summary>
    private void HandOn(bool wait)
    {
        while (fusing.Count > 0 && (wait || fusing.Peek().IsCompleted || fusing.Count > 4 * pipeline.DegreeOfParallelism))
        {
            var (story, digest) = fusing.Dequeue().GetAwaiter().GetResult();
            Hand(story, digest);
        }
    }

    private void Hand(Story story, SeriesDigest digest)
    {
        sink.Story(story);
        digests.Add(digest);
        stories++;
    }
}
