using System.Collections.Concurrent;
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
    /// they are produced. A plain sink gets articles in input order and stories as the grouper closes them (fused
    /// on the pool while grouping goes on), the rest at the end; an <see cref="ICheckpointSink"/> (a store) gets the
    /// documents in batches and keeps each batch whole.
    /// </summary>
    /// <param name="items">Read items, from <see cref="InputReader"/>.</param>
    /// <param name="sink">Where results go.</param>
    /// <param name="progress">Told the number of inputs processed so far.</param>
    /// <param name="cancellationToken">Stops the run between documents.</param>
    /// <remarks>
    /// One orchestration for <c>analyze</c> and <c>ingest</c>: the per-article stages run on the run's own worker
    /// threads, at most two batches ahead of the grouping thread (this one), which hands each batch to the sink.
    /// The workers ask for a lower OS priority, so the grouping thread, the one serial part of a run, and the
    /// fusion on the shared pool get a core when they are ready (docs/ARCHITECTURE.md, "Run threads").
    /// </remarks>
    public AnalysisSummary Run(IEnumerable<ReadItem> items, IAnalysisSink sink, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(sink);
        var checkpoints = sink as ICheckpointSink ?? new StoryStream(this, sink);
        var generatedAt = Clock.GetUtcNow();
        checkpoints.Begin(generatedAt);
        var grouping = new GroupingRun(Grouper);
        int articles = 0, errors = 0, done = 0;
        var batch = new List<ProcessedDocument>(Math.Min(checkpoints.BatchSize, 4096));
        foreach (var document in ProcessAhead(items, checkpoints, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            articles += document.Article is null ? 0 : 1;
            errors += document.Error is null ? 0 : 1;
            batch.Add(document);
            progress?.Report(++done);
            if (batch.Count == checkpoints.BatchSize)
            {
                checkpoints.Checkpoint(batch, grouping);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            checkpoints.Checkpoint(batch, grouping);
        }

        var summary = checkpoints.Finish(grouping, new AnalysisSummary(articles, 0, errors, generatedAt));
        checkpoints.Complete(summary);
        return summary;
    }

    /// <summary>
    /// The per-article stages (and the grouper's preparation, and the sink's <see cref="ICheckpointSink.Keep"/>) over
    /// <paramref name="items"/>, yielded in input order. A producer on the run's workers reads the input and maps it
    /// on the others (<see cref="OrderedParallel"/>), and waits once a batch is in flight and a batch is ready
    /// (<see cref="BatchAhead"/>): memory is bounded, and the grouping thread does none of this work, not even the reading.
    /// </summary>
    private IEnumerable<ProcessedDocument> ProcessAhead(IEnumerable<ReadItem> items, ICheckpointSink sink, CancellationToken cancellationToken)
    {
        var processor = StartProcessing();
        ProcessedDocument Process(ReadItem item)
        {
            if (item.Document is not { } document)
            {
                return new(item.Error!.Path, item.Error.Record, null, item.Error, null, null);
            }

            var (article, error, prepared) = processor.Process(document);
            return new(document.Path, document.Record, article, error, prepared, sink.Keep(document, article));
        }

        if (sink is StoryStream)
        {
            // A plain sink takes one document at a time and reads nothing from a database: the grouping thread reads
            // the input and takes the results straight from the map, whose tasks run on the shared pool, as `analyze`
            // did before the two commands became one. The producer thread's extra hop (a queue between two threads)
            // and the run's own worker threads cost `analyze` of 100k short reports 5-8% more CPU, in waits on both
            // sides; a store's batches keep both (docs/PERFORMANCE.md, sixth session).
            foreach (var document in OrderedParallel.Map(items, Process, DegreeOfParallelism, BatchAhead(sink.BatchSize)))
            {
                yield return document;
            }

            yield break;
        }

        // One thread more than the stages use: the producer's, which mostly waits for results in order. With one
        // article at a time the producer runs the stages itself (OrderedParallel maps inline).
        using var workers = new BackgroundScheduler(DegreeOfParallelism == 1 ? 1 : DegreeOfParallelism + 1, "dossier worker");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = BatchAhead(sink.BatchSize);
        // Documents cross to the grouping thread in handfuls: one hand-over per document (a lock, and often a wake-up
        // of a waiting thread) cost about 3% of an ingest's CPU at 100k. Mapping inline (one article at a time) has no
        // window in flight: the queue then holds both batches.
        var handful = Math.Clamp(ahead / 4, 1, HandOverSize);
        using var ready = new BlockingCollection<ProcessedDocument[]>(Math.Max(1, (DegreeOfParallelism == 1 ? 2 * ahead : ahead) / handful));
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var gathered = new List<ProcessedDocument>(handful);
                foreach (var document in OrderedParallel.Map(items, Process, DegreeOfParallelism, ahead, workers))
                {
                    gathered.Add(document);
                    if (gathered.Count == handful)
                    {
                        ready.Add([.. gathered], stop.Token);
                        gathered.Clear();
                    }
                }

                if (gathered.Count > 0)
                {
                    ready.Add([.. gathered], stop.Token);
                }
            }
            finally
            {
                ready.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.None, workers);

        var consumed = false;
        try
        {
            foreach (var documents in ready.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var document in documents)
                {
                    yield return document;
                }
            }

            consumed = true;
        }
        finally
        {
            if (!consumed)
            {
                // The grouping thread stopped (an exception, a cancellation): no work is left running behind it.
                stop.Cancel();
                try
                {
                    producer.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The producer was stopped because the consumer failed; the consumer's exception is the one to report.
                }
            }
        }

        // A reader that failed outright (not one document: the stream) fails the run, after every batch before it.
        producer.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Documents in flight on the workers, and again documents processed and waiting for the grouping thread, at most:
    /// a batch each. So the next batch is processed on every core while the sink keeps the previous one (a store's
    /// commit), with no wait for one slow document inside a batch (a window of a few documents per thread would idle
    /// the others behind it), and never more than two batches ahead (an unbounded read-ahead held hundreds of
    /// megabytes of processed articles at 100k). At least the per-article stages' own window of 16 per thread.
    /// </summary>
    private int BatchAhead(int batchSize) => Math.Max(batchSize, 16 * DegreeOfParallelism);

    // The most documents handed to the grouping thread at once.
    private const int HandOverSize = 64;

    /// <summary>Fuses one story's cluster, with the announcements the grouper linked to it.</summary>
    public Story Fuse(StoryCluster cluster)
    {
        var story = Fuser.Fuse(cluster);
        return cluster.Announcements.IsDefaultOrEmpty ? story : story with { AnnouncementIds = [.. cluster.Announcements.Select(a => a.Article.Id)] };
    }

    /// <summary>A story fused, with the digest series are linked from (<see cref="StorySeries.Digest"/>).</summary>
    public (Story Story, SeriesDigest Digest) FuseAndDigest(StoryCluster cluster)
    {
        var story = Fuse(cluster);
        return (story, StorySeries.Digest(story, cluster));
    }

    /// <summary>
    /// Fuses <paramref name="clusters"/> on every core, yielded in their order, each passed with its story and digest to
    /// <paramref name="then"/> on the same worker (a store serialises the story there). Fusion of one story is
    /// independent of every other.
    /// </summary>
    public IEnumerable<T> FuseAll<T>(IEnumerable<StoryCluster> clusters, Func<StoryCluster, Story, SeriesDigest, T> then) =>
        clusters.AsParallel().AsOrdered().WithDegreeOfParallelism(DegreeOfParallelism).Select(cluster =>
        {
            var (story, digest) = FuseAndDigest(cluster);
            return then(cluster, story, digest);
        });

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
