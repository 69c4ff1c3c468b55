using System.Collections.Immutable;
using Dossier.Events;
using Dossier.Extraction;
using Dossier.Fusion;
using Dossier.Language;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Stories;

namespace Dossier;

/// <summary>
/// Builds a <see cref="DossierPipeline"/>. Mutable while configuring; <see cref="Build"/> seals it.
/// Each <c>UseXxx</c> replaces the default implementation of one stage.
/// </summary>
public sealed class DossierPipelineBuilder
{
    private IArticleExtractor extractor = new ArticleExtractor();
    private ITextAnnotator annotator = new TextAnnotator();
    private IEventCoder coder = new CameoEventCoder();
    private IStoryGrouper grouper = new StoryGrouper();
    private IClaimFuser fuser = new ClaimFuser();
    private TimeProvider clock = TimeProvider.System;
    private int degreeOfParallelism = Environment.ProcessorCount;

    /// <summary>Uses <paramref name="value"/> to extract articles from documents.</summary>
    public DossierPipelineBuilder UseExtractor(IArticleExtractor value) { extractor = value; return this; }

    /// <summary>Uses <paramref name="value"/> for sentences, mentions, actors, times and quotes.</summary>
    public DossierPipelineBuilder UseAnnotator(ITextAnnotator value) { annotator = value; return this; }

    /// <summary>Uses <paramref name="value"/> to code events.</summary>
    public DossierPipelineBuilder UseEventCoder(IEventCoder value) { coder = value; return this; }

    /// <summary>Uses <paramref name="value"/> to group articles into stories.</summary>
    public DossierPipelineBuilder UseStoryGrouper(IStoryGrouper value) { grouper = value; return this; }

    /// <summary>Uses <paramref name="value"/> to fuse a story's claims.</summary>
    public DossierPipelineBuilder UseClaimFuser(IClaimFuser value) { fuser = value; return this; }

    /// <summary>The clock that stamps results. Tests pass a fake one; the pipeline never reads the wall clock itself.</summary>
    public DossierPipelineBuilder UseClock(TimeProvider value) { clock = value; return this; }

    /// <summary>How many articles the per-article stages work on at once (default: one per core).</summary>
    public DossierPipelineBuilder UseParallelism(int value) { degreeOfParallelism = Math.Max(1, value); return this; }

    /// <summary>Seals the configuration into an immutable pipeline.</summary>
    public DossierPipeline Build() => new(extractor, annotator, coder, grouper, fuser, clock, degreeOfParallelism);
}

/// <summary>
/// The sealed pipeline: read, extract, understand, code, group, fuse. Per-article stages run in parallel
/// (they share no mutable state); grouping consumes articles in input order, so output is deterministic.
/// </summary>
public sealed class DossierPipeline
{
    internal DossierPipeline(IArticleExtractor extractor, ITextAnnotator annotator, IEventCoder coder, IStoryGrouper grouper, IClaimFuser fuser, TimeProvider clock, int degreeOfParallelism)
    {
        Extractor = extractor;
        Annotator = annotator;
        Coder = coder;
        Grouper = grouper;
        Fuser = fuser;
        Clock = clock;
        DegreeOfParallelism = degreeOfParallelism;
    }

    /// <summary>A pipeline with every default stage.</summary>
    public static DossierPipeline Default { get; } = new DossierPipelineBuilder().Build();

    public IArticleExtractor Extractor { get; }

    /// <summary>The same stages (shared, they hold no per-run state) with <paramref name="degree"/> articles at once.</summary>
    public DossierPipeline WithParallelism(int degree) =>
        new(Extractor, Annotator, Coder, Grouper, Fuser, Clock, Math.Max(1, degree));
    public ITextAnnotator Annotator { get; }
    public IEventCoder Coder { get; }
    public IStoryGrouper Grouper { get; }
    public IClaimFuser Fuser { get; }
    public TimeProvider Clock { get; }
    public int DegreeOfParallelism { get; }

    /// <summary>Extracts, annotates and codes one document: the per-article part of the pipeline.</summary>
    public (AnnotatedArticle? Article, InputError? Error) Process(SourceDocument document) => Process(document, null, out _);

    /// <summary>
    /// <see cref="Process(SourceDocument)"/>, taking a verbatim copy's annotations from <paramref name="copies"/>
    /// when it has them; <paramref name="entry"/> is the memo's entry for the article's text, when there is a memo.
    /// </summary>
    private (AnnotatedArticle? Article, InputError? Error) Process(SourceDocument document, VerbatimCopies? copies, out VerbatimCopies.Entry? entry)
    {
        entry = null;
        try
        {
            var extracted = copies is not null && Extractor is ArticleExtractor ? copies.Extract(document, Extractor.Extract) : Extractor.Extract(document);
            if (extracted.Article is null)
            {
                return (null, extracted.Error);
            }

            AnnotatedArticle annotated;
            if (copies is null)
            {
                annotated = Coder.Code(Annotator.Annotate(extracted.Article));
            }
            else
            {
                annotated = copies.Annotate(extracted.Article, article => Coder.Code(Annotator.Annotate(article)), out var found);
                entry = found;
            }

            return annotated.AnnotatedLength is { } read
                ? (annotated, new InputError(document.Path, document.Record, $"text of {annotated.Article.Text.Length} characters: annotated the first {read} only"))
                : (annotated, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One document that trips a stage must not stop the batch; it is reported and skipped.
            return (null, new InputError(document.Path, document.Record, "internal error: " + e.Message));
        }
    }

    /// <summary>
    /// Whether verbatim copies may share their annotations: only with the built-in language stage and coder, which
    /// read of an article nothing but its text, title, date and dateline (<see cref="VerbatimCopies"/>). A stage
    /// of a user's own may read more, so it sees every copy.
    /// </summary>
    private bool CopiesShareAnnotations => Annotator is TextAnnotator && Coder is CameoEventCoder;

    /// <summary>
    /// Runs the per-article stages over a stream of read items, in parallel, yielding in input order; a bounded
    /// window of items is in flight, so memory does not grow with the length of the stream.
    /// </summary>
    public IEnumerable<(AnnotatedArticle? Article, InputError? Error)> ProcessAll(IEnumerable<ReadItem> items) =>
        OrderedParallel.Map(items, item => item.Document is null ? (null, item.Error) : Process(item.Document), DegreeOfParallelism);

    /// <summary><see cref="ProcessAll"/> plus the grouper's preparation of each article, computed on the same worker.</summary>
    private IEnumerable<(AnnotatedArticle? Article, InputError? Error, object? Prepared)> ProcessAndPrepare(IEnumerable<ReadItem> items)
    {
        var processor = StartProcessing();
        return OrderedParallel.Map(
            items,
            item => item.Document is null ? (null, item.Error, null) : processor.Process(item.Document),
            DegreeOfParallelism);
    }

    /// <summary>
    /// Starts the per-article work of one run (<c>analyze</c> or <c>ingest</c>): each document extracted, annotated,
    /// coded and prepared for grouping, with verbatim copies within the run read once. Safe to use from many threads.
    /// </summary>
    public ArticleProcessor StartProcessing() => new(this, CopiesShareAnnotations ? new VerbatimCopies() : null);

    /// <summary>The per-article work of one run; see <see cref="StartProcessing"/>.</summary>
    public sealed class ArticleProcessor
    {
        private readonly DossierPipeline pipeline;

        // One memo per run: a long-lived process (the web app) keeps nothing between runs.
        private readonly VerbatimCopies? copies;

        internal ArticleProcessor(DossierPipeline pipeline, VerbatimCopies? copies)
        {
            this.pipeline = pipeline;
            this.copies = copies;
        }

        /// <summary>The document's article (or the reason there is none) and what the grouper prepared for it.</summary>
        public (AnnotatedArticle? Article, InputError? Error, object? Prepared) Process(SourceDocument document)
        {
            var grouper = pipeline.Grouper;
            var (article, error) = pipeline.Process(document, copies, out var entry);
            if (article is null)
            {
                return (article, error, null);
            }

            if (entry is null)
            {
                return (article, error, grouper.Prepare(article));
            }

            // A copy whose original is prepared already takes its preparation; otherwise it is prepared here, and
            // the original's preparation kept for the copies after it.
            if (!ReferenceEquals(entry.Annotated, article) && entry.TryGetPrepared(out var prepared))
            {
                return (article, error, grouper.PrepareCopy(prepared, article));
            }

            var own = grouper.Prepare(article);
            if (ReferenceEquals(entry.Annotated, article))
            {
                entry.SetPrepared(own);
            }

            return (article, error, own);
        }
    }

    /// <summary>
    /// Runs the whole pipeline over <paramref name="items"/>, handing results to <paramref name="sink"/> as
    /// they are produced. Stories the grouper closes are fused and handed on at once; the rest at the end.
    /// </summary>
    /// <param name="items">Read items, from <see cref="InputReader"/>.</param>
    /// <param name="sink">Where results go.</param>
    /// <param name="progress">Told the number of inputs done so far.</param>
    /// <param name="cancellationToken">Stops the run between articles.</param>
    public AnalysisSummary Run(IEnumerable<ReadItem> items, IAnalysisSink sink, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var generatedAt = Clock.GetUtcNow();
        sink.Begin(generatedAt);
        var session = Grouper.Start();
        int articles = 0, stories = 0, errors = 0, done = 0;

        // Closed stories are fused on the pool while grouping goes on, and handed to the sink in the order they
        // closed: the grouping thread is the one part of a run that cannot be spread over cores.
        var fusing = new Queue<Task<(Story Story, SeriesDigest Digest)>>();

        // A few dozen hashed terms per story, kept to the end of the run: series are linked once every story is known.
        var digests = new List<SeriesDigest>();
        void HandOn(bool wait)
        {
            while (fusing.Count > 0 && (wait || fusing.Peek().IsCompleted || fusing.Count > 4 * DegreeOfParallelism))
            {
                var (story, digest) = fusing.Dequeue().GetAwaiter().GetResult();
                sink.Story(story);
                digests.Add(digest);
                stories++;
            }
        }

        foreach (var (article, error, prepared) in ProcessAndPrepare(items))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (error is not null)
            {
                sink.Error(error);
                errors++;
            }

            if (article is not null)
            {
                sink.Article(article);
                session.Add(article, prepared);
                articles++;
                foreach (var closed in session.TakeClosed())
                {
                    fusing.Enqueue(DegreeOfParallelism == 1 ? Task.FromResult(FuseAndDigest(closed)) : Task.Run(() => FuseAndDigest(closed), CancellationToken.None));
                }

                HandOn(wait: false);
            }

            progress?.Report(++done);
        }

        HandOn(wait: true);

        // Fusion of one story is independent of every other: the stories still open are fused in parallel.
        foreach (var (story, digest) in session.Stories.AsParallel().AsOrdered().WithDegreeOfParallelism(DegreeOfParallelism).Select(FuseAndDigest))
        {
            sink.Story(story);
            digests.Add(digest);
            stories++;
        }

        var summary = new AnalysisSummary(articles, stories, errors, generatedAt) { Series = StorySeries.Link(digests) };
        sink.Complete(summary);
        return summary;
    }

    /// <summary>Fuses one story's cluster, with the announcements the grouper linked to it.</summary>
    public Story Fuse(StoryCluster cluster)
    {
        var story = Fuser.Fuse(cluster);
        return cluster.Announcements.IsDefaultOrEmpty ? story : story with { AnnouncementIds = [.. cluster.Announcements.Select(a => a.Article.Id)] };
    }

    private (Story Story, SeriesDigest Digest) FuseAndDigest(StoryCluster cluster)
    {
        var story = Fuse(cluster);
        return (story, StorySeries.Digest(story, cluster));
    }

    /// <summary>Runs the whole pipeline and keeps every result in memory: for small inputs and tests.</summary>
    public AnalysisResult Analyze(IEnumerable<ReadItem> items, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var sink = new CollectingSink();
        Run(items, sink, progress, cancellationToken);
        return sink.Result;
    }

    private sealed class CollectingSink : IAnalysisSink
    {
        private readonly ImmutableArray<AnnotatedArticle>.Builder articles = ImmutableArray.CreateBuilder<AnnotatedArticle>();
        private readonly ImmutableArray<Story>.Builder stories = ImmutableArray.CreateBuilder<Story>();
        private readonly ImmutableArray<InputError>.Builder errors = ImmutableArray.CreateBuilder<InputError>();
        private DateTimeOffset generatedAt;

        public AnalysisResult Result { get; private set; } = null!;

        public void Begin(DateTimeOffset generatedAt) => this.generatedAt = generatedAt;

        public void Article(AnnotatedArticle article) => articles.Add(article);

        public void Story(Story story) => stories.Add(story);

        public void Error(InputError error) => errors.Add(error);

        public void Complete(AnalysisSummary summary) =>
            Result = new AnalysisResult(articles.ToImmutable(), stories.ToImmutable(), errors.ToImmutable(), generatedAt) { Series = summary.Series };
    }
}
