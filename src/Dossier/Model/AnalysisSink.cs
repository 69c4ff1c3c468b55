namespace Dossier.Model;

/// <summary>Counts of one run, and the injected clock's time when it started.</summary>
public sealed record AnalysisSummary(int Articles, int Stories, int Errors, DateTimeOffset GeneratedAt)
{
    /// <summary>The run's series: stories of one recurring event, linked once every story is known.</summary>
    public System.Collections.Immutable.ImmutableArray<StorySeriesRecord> Series { get; init; } = [];
}

/// <summary>
/// Receives a run's results as they are produced, so that memory is bounded by the stories still open,
/// not by the size of the input: articles in input order, stories as they close, errors as they happen.
/// </summary>
public interface IAnalysisSink
{
    /// <summary>Called once, before anything else.</summary>
    void Begin(DateTimeOffset generatedAt);

    /// <summary>An article, annotated and coded, in input order.</summary>
    void Article(AnnotatedArticle article);

    /// <summary>A story whose record is final.</summary>
    void Story(Story story);

    /// <summary>An input that failed.</summary>
    void Error(InputError error);

    /// <summary>Called once, after everything else.</summary>
    void Complete(AnalysisSummary summary);
}
