using System.Text.Json.Serialization;
using Dossier.Model;

namespace Dossier.Output;

// The public shape of a story (docs/dossier.schema.json, definition `story`), defined once. `analyze`/`show`
// (JsonResultWriter), `export --format jsonl` and the web API all serialise these records through
// ContractJsonContext, so the shapes cannot drift apart. Declaration order is the field order of the output, and the
// null handling of each field is the contract's: a field the schema requires is written as null, an optional one
// that a story does not have is left out.

/// <summary>One story as every output gives it: what happened, when, where, who, and its claims with their evidence.</summary>
public record StoryJson
{
    /// <summary>The story id.</summary>
    public required string Id { get; init; }

    /// <summary>The story's headline.</summary>
    public required string Title { get; init; }

    /// <summary>The story's reports (article ids).</summary>
    public required IReadOnlyList<string> ArticleIds { get; init; }

    /// <summary>Reports written before the event that announce it; left out when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AnnouncementIds { get; init; }

    /// <summary>How many independent sources (groups of copies) carry the story.</summary>
    public required int IndependentSources { get; init; }

    /// <summary>The independent sources, each with the articles that carry its text.</summary>
    public required IReadOnlyList<SourceJson> Sources { get; init; }

    /// <summary>The event's day (ISO), or null.</summary>
    public required string? Date { get; init; }

    /// <summary>The event's place, or null.</summary>
    public required string? Location { get; init; }

    /// <summary>IPTC Media Topics labels, most claims first; left out when the fuser gives none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>People and bodies taking part.</summary>
    public required IReadOnlyList<ParticipantJson> Participants { get; init; }

    /// <summary>The story's claims with their status and evidence.</summary>
    public required IReadOnlyList<ClaimJson> Claims { get; init; }

    /// <summary>Facts the sources disagree about.</summary>
    public required IReadOnlyList<ConflictJson> Conflicts { get; init; }

    /// <summary>Which claims each outlet carried.</summary>
    public required IReadOnlyList<CoverageJson> Coverage { get; init; }

    /// <summary>The public shape of <paramref name="story"/>.</summary>
    public static StoryJson From(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new StoryJson
        {
            Id = story.Id,
            Title = story.Title,
            ArticleIds = Strings(story.ArticleIds),
            AnnouncementIds = story.AnnouncementIds.IsDefaultOrEmpty ? null : story.AnnouncementIds,
            IndependentSources = story.IndependentSources,
            Sources = [.. Each(story.Sources).Select(s => new SourceJson(s.Source, Strings(s.ArticleIds)))],
            Date = StatusNames.Iso(story.Date),
            Location = story.Location,
            Topics = story.Topics.IsDefaultOrEmpty ? null : story.Topics,
            Participants = [.. Each(story.Participants).Select(p => new ParticipantJson(p.Name, Strings(p.Titles), p.Actor))],
            Claims = [.. Each(story.Claims).Select(ClaimJson.From)],
            Conflicts = [.. Each(story.Conflicts).Select(c => new ConflictJson(c.About, [.. Each(c.Values).Select(v => new ConflictValueJson(v.Value, EvidenceJson.All(v.Evidence)))]))],
            Coverage = [.. Each(story.Coverage).Select(r => new CoverageJson(r.Outlet, Strings(r.ArticleIds), Strings(r.ClaimIds)))],
        };
    }

    /// <summary>Stored records may hold <c>default</c> arrays ("not given"); every output writes them as empty.</summary>
    internal static IReadOnlyList<string> Strings(System.Collections.Immutable.ImmutableArray<string> values) => values.IsDefault ? [] : values;

    internal static System.Collections.Immutable.ImmutableArray<T> Each<T>(System.Collections.Immutable.ImmutableArray<T> values) => values.IsDefault ? [] : values;
}

/// <summary>
/// A story standing on its own, outside <c>analyze</c>'s document (where series are a top-level array): the story with
/// the series it belongs to, or null. The web API's <c>/api/stories/{id}</c> and each line of <c>export --format jsonl</c>.
/// </summary>
public sealed record StoryWithSeriesJson : StoryJson
{
    /// <summary>The series the story is one occurrence of, or null.</summary>
    // After every field of the story, so a reader of the story's fields finds them as analyze writes them.
    [JsonPropertyOrder(1)]
    public required SeriesJson? Series { get; init; }

    /// <summary>The public shape of <paramref name="story"/> with its <paramref name="series"/>.</summary>
    public static StoryWithSeriesJson From(Story story, StorySeriesRecord? series) =>
        new(StoryJson.From(story)) { Series = series is null ? null : SeriesJson.From(series) };

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private StoryWithSeriesJson(StoryJson story)
        : base(story)
    {
    }
}

/// <summary>One independent source: a text and the articles (copies, syndication) that carry it.</summary>
public sealed record SourceJson(string Source, IReadOnlyList<string> ArticleIds);

/// <summary>A person or body taking part, with titles and CAMEO actor code (or null).</summary>
public sealed record ParticipantJson(string Name, IReadOnlyList<string> Titles, string? Actor);

/// <summary>One claim of a story: its status, how many independent sources carry it, and the sentences behind it.</summary>
public sealed record ClaimJson
{
    /// <summary>The claim id, unique in its story.</summary>
    public required string Id { get; init; }

    /// <summary>The claim's text.</summary>
    public required string Text { get; init; }

    /// <summary>Its IPTC topic, or null.</summary>
    public required string? Topic { get; init; }

    /// <summary><c>corroborated</c>, <c>single-source</c> or <c>conflicting</c>.</summary>
    public required string Status { get; init; }

    /// <summary>How many independent sources carry the claim.</summary>
    public required int IndependentSources { get; init; }

    /// <summary><c>reported</c>, <c>plan</c>, <c>attributed</c>, <c>denial</c> or <c>hypothetical</c>; left out when the fuser does not tell.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Modality { get; init; }

    /// <summary>True when the claim states a negation; written with <c>modality</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Negated { get; init; }

    /// <summary>True when the claim is background about another event; written with <c>modality</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Background { get; init; }

    /// <summary>The sentences behind the claim.</summary>
    public required IReadOnlyList<EvidenceJson> Evidence { get; init; }

    /// <summary>The coded event behind the claim; left out when none was coded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClaimEventJson? Event { get; init; }

    /// <summary>The public shape of <paramref name="claim"/>.</summary>
    public static ClaimJson From(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        // Negated and background mean something only beside a modality; older stories had none of the three.
        var told = claim.Modality is not null;
        return new ClaimJson
        {
            Id = claim.Id,
            Text = claim.Text,
            Topic = claim.Topic,
            Status = StatusNames.Of(claim.Status),
            IndependentSources = claim.IndependentSources,
            Modality = claim.Modality,
            Negated = told ? claim.Negated : null,
            Background = told ? claim.Background : null,
            Evidence = EvidenceJson.All(claim.Evidence),
            Event = claim.Event is { } e ? new ClaimEventJson(e.Source, e.Code, e.Target, e.Goldstein, e.Mode) : null,
        };
    }
}

/// <summary>A sentence behind a claim or a conflicting value: <c>text.substring(start, end - start)</c> of its article.</summary>
public sealed record EvidenceJson(string ArticleId, string Sentence, int SentenceIndex, int Start, int End)
{
    /// <summary>The public shape of each of <paramref name="evidence"/>, in order.</summary>
    public static IReadOnlyList<EvidenceJson> All(System.Collections.Immutable.ImmutableArray<Evidence> evidence) =>
        [.. StoryJson.Each(evidence).Select(e => new EvidenceJson(e.ArticleId, e.Sentence, e.SentenceIndex, e.Span.Start, e.Span.End))];
}

/// <summary>The CAMEO event behind a claim: source and target actor codes, event code, Goldstein weight, modality.</summary>
public sealed record ClaimEventJson(string Source, string Code, string Target, double Goldstein, string Mode);

/// <summary>Sources disagree about <c>about</c> (a date, number, place, name or negation); each value with the sentences that give it.</summary>
public sealed record ConflictJson(string About, IReadOnlyList<ConflictValueJson> Values);

/// <summary>One value of a disputed fact and its evidence.</summary>
public sealed record ConflictValueJson(string Value, IReadOnlyList<EvidenceJson> Evidence);

/// <summary>Which claims one outlet carried, through which of its articles.</summary>
public sealed record CoverageJson(string Outlet, IReadOnlyList<string> ArticleIds, IReadOnlyList<string> ClaimIds);
