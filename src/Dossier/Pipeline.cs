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
    private IEventCoder coder = new NullEventCoder();
    private IStoryGrouper grouper = new SimpleStoryGrouper();
    private IClaimFuser fuser = new SimpleClaimFuser();
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
    public ITextAnnotator Annotator { get; }
    public IEventCoder Coder { get; }
    public IStoryGrouper Grouper { get; }
    public IClaimFuser Fuser { get; }
    public TimeProvider Clock { get; }
    public int DegreeOfParallelism { get; }

    /// <summary>Extracts, annotates and codes one document: the per-article part of the pipeline.</summary>
    public (AnnotatedArticle? Article, InputError? Error) Process(SourceDocument document)
    {
        try
        {
            var extracted = Extractor.Extract(document);
            if (extracted.Article is null)
            {
                return (null, extracted.Error);
            }

            return (Coder.Code(Annotator.Annotate(extracted.Article)), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One document that trips a stage must not stop the batch; it is reported and skipped.
            return (null, new InputError(document.Path, document.Record, "internal error: " + e.Message));
        }
    }

    /// <summary>Runs the per-article stages over a stream of read items, in parallel, yielding in input order.</summary>
    public IEnumerable<(AnnotatedArticle? Article, InputError? Error)> ProcessAll(IEnumerable<ReadItem> items) =>
        items.AsParallel().AsOrdered().WithDegreeOfParallelism(DegreeOfParallelism)
            .WithMergeOptions(ParallelMergeOptions.AutoBuffered)
            .Select(item => item.Document is null ? (null, item.Error) : Process(item.Document));

    /// <summary>Runs the whole pipeline over <paramref name="items"/>.</summary>
    /// <param name="items">Read items, from <see cref="InputReader"/>.</param>
    /// <param name="progress">Told the number of inputs done so far.</param>
    /// <param name="cancellationToken">Stops the run between articles.</param>
    public AnalysisResult Analyze(IEnumerable<ReadItem> items, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var articles = ImmutableArray.CreateBuilder<AnnotatedArticle>();
        var errors = ImmutableArray.CreateBuilder<InputError>();
        var session = Grouper.Start();
        var done = 0;
        foreach (var (article, error) in ProcessAll(items))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (error is not null)
            {
                errors.Add(error);
            }

            if (article is not null)
            {
                articles.Add(article);
                session.Add(article);
            }

            progress?.Report(++done);
        }

        var stories = session.Stories.Select(Fuser.Fuse).ToImmutableArray();
        return new AnalysisResult(articles.ToImmutable(), stories, errors.ToImmutable(), Clock.GetUtcNow());
    }
}
