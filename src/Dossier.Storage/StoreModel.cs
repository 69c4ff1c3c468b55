using Dossier.Model;

namespace Dossier.Storage;

/// <summary>How a store ingests.</summary>
public sealed record StoreOptions
{
    /// <summary>New articles written per transaction (default 4000; see docs/storage.md for why).</summary>
    public int BatchSize { get; init; } = 4000;

    /// <summary>
    /// How many of the most recently updated stories a new article may join (default 256). Grouping state is
    /// rebuilt from these stories' articles for every batch, so memory is bounded by active stories, not by
    /// the size of the database.
    /// </summary>
    public int ActiveStories { get; init; } = 256;

    /// <summary>Stories dated within this many days of a batch's event days are regrouped with it, however long ago they were updated.</summary>
    public int StoryReachDays { get; init; } = 10;

    /// <summary>
    /// Open for reading only (default false): a missing SQLite file is an error instead of a new empty database,
    /// the schema is checked rather than migrated, and every write is refused by the database itself.
    /// </summary>
    public bool ReadOnly { get; init; }
}

/// <summary>What one ingest run did.</summary>
/// <param name="Read">Input documents seen.</param>
/// <param name="Added">Articles stored by this run.</param>
/// <param name="Skipped">Documents already in the store (same input, same text or same canonical URL).</param>
/// <param name="Failed">Inputs that could not be read or processed.</param>
/// <param name="StoriesCreated">Stories this run started.</param>
/// <param name="StoriesUpdated">Existing stories this run fused again because articles joined them.</param>
public sealed record IngestReport(int Read, int Added, int Skipped, int Failed, int StoriesCreated, int StoriesUpdated)
{
    /// <summary>Where the time went.</summary>
    public IngestTimings Timings { get; init; } = new(0, 0, 0);
}

/// <summary>Seconds spent per phase of an ingest's committing thread (processing runs in the pipeline, on every core, meanwhile).</summary>
/// <param name="Group">Grouping each batch in the run's session, with the stored stories it reopens.</param>
/// <param name="Fuse">Fusing the stories that changed.</param>
/// <param name="Write">Database work: lookups, inserts, story rows, commits.</param>
public sealed record IngestTimings(double Group, double Fuse, double Write)
{
    /// <summary>Time the committing thread waited for the fusion to finish after writing a batch's articles.</summary>
    public double FuseWait { get; init; }

    /// <summary>Time the committing thread waited for the next processed batch: when large, processing is the
    /// bottleneck; when small, committing is.</summary>
    public double Idle { get; init; }

    /// <summary>Linking the series from every stored digest at the end of the run.</summary>
    public double Series { get; init; }
}

/// <summary>Row counts of a store.</summary>
public sealed record StoreCounts(long Articles, long Sources, long Stories, long Claims, long Evidence);

/// <summary>Filters for <see cref="DossierStore.Stories"/>; every one is optional.</summary>
public sealed record StoryQuery
{
    /// <summary>Stories whose date is on or after this day.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Stories whose date is on or before this day.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Stories having at least one claim with this status.</summary>
    public ClaimStatus? Status { get; init; }

    /// <summary>Stories with this actor code (or a code starting with it: <c>PAK</c> matches <c>PAKGOV</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>Stories with an article matching this full-text query.</summary>
    public string? Search { get; init; }

    /// <summary>At most this many stories (default 100).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Skips this many stories of the listing first (paging; default 0).</summary>
    public int Offset { get; init; }
}

/// <summary>One line of a story listing.</summary>
public sealed record StorySummary(string Id, string Title, DateOnly? Date, string? Location, int IndependentSources, int Articles, int Claims);

/// <summary>One article found by full-text search.</summary>
public sealed record SearchHit(string ArticleId, string StoryId, string? Title, string? Outlet, string Path, string Snippet);

/// <summary>An article as stored, with the story it belongs to.</summary>
public sealed record StoredArticle(long Seq, string ContentKey, string StoryId, AnnotatedArticle Article);
