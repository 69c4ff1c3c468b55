namespace Dossier.Stories;

/// <summary>
/// The grouping state of one story: everything needed to decide whether a new article belongs to it and to
/// rebuild the session's indexes. Plain, serialisable data (System.Text.Json round-trips it), so that a story
/// can later live in its own actor with the store behind it.
/// </summary>
public sealed class StoryState
{
    /// <summary>The story id.</summary>
    public required string Id { get; set; }

    /// <summary>The story's articles, in arrival order.</summary>
    public List<string> ArticleIds { get; set; } = [];

    /// <summary>Arrival number of the first article (orders stories).</summary>
    public long FirstSequence { get; set; }

    /// <summary>Arrival number of the latest article that joined.</summary>
    public long LastSequence { get; set; }

    /// <summary>Earliest article date.</summary>
    public DateOnly? FirstDate { get; set; }

    /// <summary>Latest article date.</summary>
    public DateOnly? LastDate { get; set; }

    /// <summary>Event locations seen, with counts.</summary>
    public Dictionary<string, int> Locations { get; set; } = [];

    /// <summary>The sum of the articles' TF-IDF vectors (hashed term to weight), pruned to the strongest terms.</summary>
    public Dictionary<int, float> Centroid { get; set; } = [];

    /// <summary>Entities seen, with the number of articles naming each.</summary>
    public Dictionary<string, int> Entities { get; set; } = [];

    /// <summary>Coded events seen (<c>source|root|target</c>).</summary>
    public HashSet<string> EventKeys { get; set; } = [];

    /// <summary>Per article, whose text it carries (the independent source it counts as).</summary>
    public Dictionary<string, string> SourceOf { get; set; } = [];

    /// <summary>Per source key, the label shown in output.</summary>
    public Dictionary<string, string> SourceLabels { get; set; } = [];

    /// <summary>Copy fingerprints of the articles, so that the copy index can be rebuilt from state.</summary>
    public List<CopyFingerprint> Fingerprints { get; set; } = [];

    /// <summary>The indexed blocking keys (strongest terms and entities) this story is filed under.</summary>
    public HashSet<string> BlockingKeys { get; set; } = [];
}

/// <summary>An article's copy fingerprints.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="ExactHash">Hash of the normalised text.</param>
/// <param name="Signature">MinHash signature.</param>
public sealed record CopyFingerprint(string ArticleId, ulong ExactHash, ulong[] Signature);
