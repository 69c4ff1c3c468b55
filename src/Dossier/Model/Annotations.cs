using System.Collections.Immutable;

namespace Dossier.Model;

/// <summary>A sentence of the article text.</summary>
/// <param name="Span">Where it stands in the text.</param>
/// <param name="Paragraph">Index of the paragraph it belongs to (paragraphs are separated by blank lines or line breaks).</param>
public sealed record Sentence(TextSpan Span, int Paragraph);

/// <summary>What a mention names.</summary>
public enum MentionType
{
    Person,
    Organization,
    Country,
    Place,
    Nationality,
    /// <summary>A group reference such as "the two sides", resolved to its members.</summary>
    Group,
    /// <summary>A document such as "the joint communique".</summary>
    Document,
}

/// <summary>A mention of a person, organisation, place or group, resolved within the document.</summary>
/// <param name="Span">The mention's characters.</param>
/// <param name="Type">What it names.</param>
/// <param name="Canonical">The full name it resolves to ("Ishaq Dar" for "Dar").</param>
/// <param name="Titles">Titles and roles found with it ("Deputy Prime Minister", "Foreign Minister").</param>
/// <param name="Actor">The CAMEO actor code (PAKGOV, CHNGOV, IGOUNO…), when known.</param>
/// <param name="Members">For groups, the canonical names of the members ("Pakistan", "China").</param>
public sealed record Mention(TextSpan Span, MentionType Type, string Canonical, ImmutableArray<string> Titles, string? Actor, ImmutableArray<string> Members = default)
{
    /// <summary>The organisation a person speaks for ("China Minmetals Corporation" for its vice president), when the text says.</summary>
    public string? Affiliation { get; init; }

    /// <summary>Members, never default.</summary>
    public ImmutableArray<string> MembersOrEmpty => Members.IsDefault ? [] : Members;
}

/// <summary>A time expression resolved to the calendar.</summary>
/// <param name="Span">The expression's characters ("on Monday", "from January 3 to 5").</param>
/// <param name="Value">ISO 8601 value: a day (2026-01-04), month (2025-10), year (2027) or a range (2026-01-03/2026-01-05).</param>
/// <param name="ResolvedFrom">How it was resolved: <c>absolute</c>, <c>publication-date</c>, <c>inferred-year</c>, <c>story</c>…</param>
public sealed record TimeExpression(TextSpan Span, string Value, string ResolvedFrom);

/// <summary>A direct or indirect quotation and who said it.</summary>
/// <param name="Span">The quoted words (without the quotation marks for direct quotes).</param>
/// <param name="Speaker">The canonical name of the speaker, when known.</param>
/// <param name="SpeakerSpan">Where the speaker is named ("the statement said"), when in the text.</param>
/// <param name="Direct">True for words inside quotation marks.</param>
public sealed record Quote(TextSpan Span, string? Speaker, TextSpan? SpeakerSpan, bool Direct);

/// <summary>How sure and how real an event is: done, promised, asked for, or said.</summary>
public enum EventModality
{
    Act,
    Pledge,
    Appeal,
    Statement,
}

/// <summary>An actor of an event: the CAMEO code and the name in the text.</summary>
public sealed record EventActor(string Code, string Name, TextSpan? Span);

/// <summary>One coded event: who did what to whom, with the characters that prove it.</summary>
public sealed record EventRecord
{
    public required EventActor Source { get; init; }
    public required EventActor Target { get; init; }

    /// <summary>CAMEO event code, such as 036 or 0311.</summary>
    public required string Code { get; init; }
    public string RootCode => Code.Length >= 2 ? Code[..2] : Code;
    public int QuadClass { get; init; }
    public double Goldstein { get; init; }
    public string? PloverType { get; init; }
    public string? PloverMode { get; init; }
    public EventModality Modality { get; init; }
    public bool Negated { get; init; }

    /// <summary>Index of the sentence in <see cref="AnnotatedArticle.Sentences"/>.</summary>
    public int SentenceIndex { get; init; }
    public TextSpan VerbSpan { get; init; }
    public double Confidence { get; init; }

    /// <summary>Which verb pattern matched, for <c>dossier explain</c>.</summary>
    public string? Pattern { get; init; }
}

/// <summary>An article with everything the language and event stages found in it.</summary>
public sealed record AnnotatedArticle(Article Article)
{
    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    public ImmutableArray<Mention> Mentions { get; init; } = [];
    public ImmutableArray<TimeExpression> Times { get; init; } = [];
    public ImmutableArray<Quote> Quotes { get; init; } = [];
    public ImmutableArray<EventRecord> Events { get; init; } = [];

    /// <summary>The date the article's main event happened, when the language stage could tell (ISO day).</summary>
    public DateOnly? EventDate { get; init; }

    /// <summary>Where the article's main event happened, when the language stage could tell.</summary>
    public string? EventLocation { get; init; }

    /// <summary>
    /// True when <see cref="EventLocation"/> comes from the dateline alone: it says where the report was filed,
    /// which is often the capital or a bureau rather than the place of the event ("LIMA: … quake in Arequipa").
    /// </summary>
    public bool EventLocationFromDateline { get; init; }

    /// <summary>
    /// How many leading characters of the text were annotated, when the text was too long to read whole (null when
    /// all of it was): every annotation lies before this offset.
    /// </summary>
    public int? AnnotatedLength { get; init; }
}
