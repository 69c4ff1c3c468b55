using System.Collections.Immutable;

namespace Dossier.Model;

/// <summary>A sentence that supports a claim or a conflicting value.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="SentenceIndex">The sentence's index in the article.</param>
/// <param name="Span">The sentence's characters in the article text.</param>
/// <param name="Sentence">The sentence text, for readers of the output.</param>
public sealed record Evidence(string ArticleId, int SentenceIndex, TextSpan Span, string Sentence);

/// <summary>Whether a claim is backed by several independent sources, one, or disputed.</summary>
public enum ClaimStatus
{
    Corroborated,
    SingleSource,
    Conflicting,
}

/// <summary>The event behind a claim, when one was coded.</summary>
public sealed record ClaimEvent(string Source, string Code, string Target, double Goldstein, string Mode);

/// <summary>One proposition of a story with its status and the sentences behind it.</summary>
public sealed record Claim(
    string Id,
    string Text,
    string? Topic,
    ClaimStatus Status,
    int IndependentSources,
    ImmutableArray<Evidence> Evidence,
    ClaimEvent? Event)
{
    /// <summary>What kind of statement the claim is: "reported", "plan", "attributed", "denial" or "hypothetical"; null when the fuser does not tell.</summary>
    public string? Modality { get; init; }

    /// <summary>True when the claim states the negation of something ("will not take place").</summary>
    public bool Negated { get; init; }

    /// <summary>True when the claim is background about another event (its days lie well away from the story's), not support for this one.</summary>
    public bool Background { get; init; }
}

/// <summary>One value of a disputed fact and the sentences that give it.</summary>
public sealed record ConflictValue(string Value, ImmutableArray<Evidence> Evidence);

/// <summary>Sources disagree about <see cref="About"/> (a date, number, place, name or negation).</summary>
public sealed record Conflict(string About, ImmutableArray<ConflictValue> Values);

/// <summary>A person or body taking part in the story.</summary>
public sealed record Participant(string Name, ImmutableArray<string> Titles, string? Actor);

/// <summary>Which claims one outlet carried.</summary>
public sealed record CoverageRow(string Outlet, ImmutableArray<string> ArticleIds, ImmutableArray<string> ClaimIds);

/// <summary>Articles that carry one text (copies, syndication): together they count as one source.</summary>
public sealed record SourceGroup(string Source, ImmutableArray<string> ArticleIds);

/// <summary>One real-world event as told by all the reports about it.</summary>
public sealed record Story
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public ImmutableArray<string> ArticleIds { get; init; } = [];

    /// <summary>Reports written before the event that announce it: linked to the story, not counted among its reports or sources.</summary>
    public ImmutableArray<string> AnnouncementIds { get; init; } = [];
    public ImmutableArray<SourceGroup> Sources { get; init; } = [];
    public int IndependentSources => Sources.Length;
    public DateOnly? Date { get; init; }
    public string? Location { get; init; }
    public ImmutableArray<Participant> Participants { get; init; } = [];
    public ImmutableArray<Claim> Claims { get; init; } = [];
    public ImmutableArray<Conflict> Conflicts { get; init; } = [];
    public ImmutableArray<CoverageRow> Coverage { get; init; } = [];

    /// <summary>The story's subjects (IPTC Media Topics labels), most claims first; empty when the fuser gives none.</summary>
    public ImmutableArray<string> Topics { get; init; } = [];
}

/// <summary>One story's place in a series.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its event day.</param>
/// <param name="Location">Its place.</param>
/// <param name="Ordinal">The ordinal its reports give ("7"), when they give one.</param>
public sealed record SeriesEntry(string StoryId, string Title, DateOnly? Date, string? Location, int? Ordinal);

/// <summary>
/// An occurrence of a series that its latest story's reports announce ("the next round will be held in Oslo in
/// 2027"): not held yet, so not a story; its day and place as the reports resolve them.
/// </summary>
/// <param name="Date">ISO 8601 value as resolved: a day, a month ("2027-03") or a year ("2027"); null when not given.</param>
/// <param name="Location">The place named for it, when named.</param>
/// <param name="Ordinal">Its number ("8"), when given or implied by "next" after a numbered occurrence.</param>
/// <param name="AnnouncedIn">The story whose reports announce it.</param>
/// <param name="EvidenceIds">The reports that say so, in ordinal order of their ids.</param>
public sealed record AnnouncedOccurrence(string? Date, string? Location, int? Ordinal, string AnnouncedIn, ImmutableArray<string> EvidenceIds);

/// <summary>Stories of one recurring event (rounds of one negotiation, a central bank's meetings, annual summits), in order.</summary>
/// <param name="Id">Stable id: the first story's id with a prefix.</param>
/// <param name="Name">The recurring event's name as its reports write it ("China-Pakistan Strategic Dialogue"), or else the names all of its stories mention and the series noun.</param>
/// <param name="Stories">The stories, earliest first.</param>
public sealed record StorySeriesRecord(string Id, string Name, ImmutableArray<SeriesEntry> Stories)
{
    /// <summary>The next occurrence, announced by the latest story's reports and not held yet; null when none is announced.</summary>
    public AnnouncedOccurrence? Next { get; init; }
}

/// <summary>The outcome of one analysis run.</summary>
/// <param name="Articles">The articles read, in input order.</param>
/// <param name="Stories">The stories, in a deterministic order.</param>
/// <param name="Errors">The inputs that failed.</param>
/// <param name="GeneratedAt">The injected clock's time when the run finished.</param>
public sealed record AnalysisResult(
    ImmutableArray<AnnotatedArticle> Articles,
    ImmutableArray<Story> Stories,
    ImmutableArray<InputError> Errors,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Stories of one recurring event linked in order (rounds, meetings, summits).</summary>
    public ImmutableArray<StorySeriesRecord> Series { get; init; } = [];
}
