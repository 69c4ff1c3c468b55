using System.Text.Json.Serialization;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// An article's identity and metadata, the one public shape of an article (<c>docs/dossier.schema.json</c>, definition
/// <c>article</c>). Each output that gives articles writes these fields first, in this order, and adds its own after
/// them: <c>analyze</c> the annotation counts (<see cref="AnalyzedArticleJson"/>), <c>extract</c> the removed blocks
/// (<see cref="ExtractedArticleJson"/>), <c>annotate</c> the annotations (<see cref="AnnotatedArticleJson"/>).
/// </summary>
/// <param name="Id">Stable id derived from path and record.</param>
/// <param name="Path">The input file, as named on the command line.</param>
/// <param name="Record">The item inside a feed, WARC or JSONL file, or null.</param>
/// <param name="Title">The headline, or null.</param>
/// <param name="Outlet">Who published this copy, or null.</param>
/// <param name="Credit">Whose text this copy carries (Dawn/ANN), or null.</param>
/// <param name="Dateline">The dateline's city, or null.</param>
/// <param name="Published">The publication instant (ISO 8601 with offset), or null.</param>
/// <param name="Language">ISO 639 language code, or null.</param>
/// <param name="Url">The page's URL, or null.</param>
/// <param name="Authors">The bylines' names.</param>
public record ArticleJson(
    string Id,
    string Path,
    string? Record,
    string? Title,
    string? Outlet,
    string? Credit,
    string? Dateline,
    string? Published,
    string? Language,
    string? Url,
    IReadOnlyList<string> Authors)
{
    /// <summary>The identity and metadata of <paramref name="article"/>, for the records that add fields to them (callers check for null).</summary>
    protected ArticleJson(Article article)
        : this(
            article.Id,
            article.Path,
            article.Record,
            article.Metadata.Title,
            article.Metadata.Outlet,
            article.Metadata.Credit,
            article.Metadata.Dateline,
            StatusNames.Iso(article.Metadata.Published),
            article.Metadata.Language,
            article.Metadata.Url,
            StoryJson.Strings(article.Metadata.Authors))
    {
    }
}

/// <summary>An article as <c>analyze</c> gives it: identity, metadata, what the language stage found, and the text.</summary>
public sealed record AnalyzedArticleJson : ArticleJson
{
    /// <summary>The day of the article's main event (ISO), or null.</summary>
    [JsonPropertyOrder(1)]
    public string? EventDate { get; init; }

    /// <summary>How many sentences the article has.</summary>
    [JsonPropertyOrder(2)]
    public int SentenceCount { get; init; }

    /// <summary>How many events were coded in it.</summary>
    [JsonPropertyOrder(3)]
    public int EventCount { get; init; }

    /// <summary>The body all offsets point into; left out when the writer was asked to leave texts out.</summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private AnalyzedArticleJson(Article article)
        : base(article)
    {
    }

    /// <summary>The public shape of <paramref name="annotated"/>, with its text when <paramref name="includeText"/>.</summary>
    public static AnalyzedArticleJson From(AnnotatedArticle annotated, bool includeText)
    {
        ArgumentNullException.ThrowIfNull(annotated);
        return new AnalyzedArticleJson(annotated.Article)
        {
            EventDate = StatusNames.Iso(annotated.EventDate),
            SentenceCount = annotated.Sentences.Length,
            EventCount = annotated.Events.Length,
            Text = includeText ? annotated.Article.Text : null,
        };
    }
}

/// <summary>An article as <c>extract</c> gives it: identity, metadata, the body, and what was cut from the page and why.</summary>
public sealed record ExtractedArticleJson : ArticleJson
{
    /// <summary>The body.</summary>
    [JsonPropertyOrder(1)]
    public required string Text { get; init; }

    /// <summary>Picture captions found with the body.</summary>
    [JsonPropertyOrder(2)]
    public required IReadOnlyList<string> Captions { get; init; }

    /// <summary>Why the body ends early ("paywall"…); left out when it is whole.</summary>
    [JsonPropertyOrder(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Truncated { get; init; }

    /// <summary>The blocks removed (page chrome, related links…), each with its reason.</summary>
    [JsonPropertyOrder(4)]
    public required IReadOnlyList<RemovedBlockJson> Removed { get; init; }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private ExtractedArticleJson(Article article)
        : base(article)
    {
        Text = article.Text;
        Captions = StoryJson.Strings(article.Metadata.Captions);
        Truncated = article.Metadata.Truncated;
        Removed = [.. StoryJson.Each(article.Removed).Select(b => new RemovedBlockJson(b.Reason, b.Text))];
    }

    /// <summary>The public shape of an extracted <paramref name="article"/>.</summary>
    public static ExtractedArticleJson From(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ExtractedArticleJson(article);
    }
}

/// <summary>A block removed from the page, and why.</summary>
public sealed record RemovedBlockJson(string Reason, string Text);

/// <summary>An article as <c>annotate</c> gives it: identity, metadata, the text, and every annotation as offsets into it.</summary>
public sealed record AnnotatedArticleJson : ArticleJson
{
    /// <summary>The day of the article's main event (ISO), or null.</summary>
    [JsonPropertyOrder(1)]
    public required string? EventDate { get; init; }

    /// <summary>The place of the article's main event, or null.</summary>
    [JsonPropertyOrder(2)]
    public required string? EventLocation { get; init; }

    /// <summary>The body all offsets point into.</summary>
    [JsonPropertyOrder(3)]
    public required string Text { get; init; }

    /// <summary>The sentences, in text order.</summary>
    [JsonPropertyOrder(4)]
    public required IReadOnlyList<SentenceJson> Sentences { get; init; }

    /// <summary>People, organisations, places and groups, resolved within the article.</summary>
    [JsonPropertyOrder(5)]
    public required IReadOnlyList<MentionJson> Mentions { get; init; }

    /// <summary>Time expressions resolved to the calendar.</summary>
    [JsonPropertyOrder(6)]
    public required IReadOnlyList<TimeJson> Times { get; init; }

    /// <summary>Quotations and who said them.</summary>
    [JsonPropertyOrder(7)]
    public required IReadOnlyList<QuoteJson> Quotes { get; init; }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private AnnotatedArticleJson(AnnotatedArticle a)
        : base(a.Article)
    {
        var text = a.Article.Text;
        EventDate = StatusNames.Iso(a.EventDate);
        EventLocation = a.EventLocation;
        Text = text;
        Sentences = [.. StoryJson.Each(a.Sentences).Select(s => new SentenceJson(s.Span.Of(text), s.Span.Start, s.Span.End, s.Paragraph))];
        Mentions = [.. StoryJson.Each(a.Mentions).Select(m => new MentionJson(m.Span.Of(text), m.Type.ToString(), m.Span.Start, m.Span.End, m.Canonical, StoryJson.Strings(m.Titles), m.Actor, m.Affiliation, m.MembersOrEmpty))];
        Times = [.. StoryJson.Each(a.Times).Select(t => new TimeJson(t.Span.Of(text), t.Span.Start, t.Span.End, t.Value, t.ResolvedFrom))];
        Quotes = [.. StoryJson.Each(a.Quotes).Select(q => new QuoteJson(q.Span.Of(text), q.Span.Start, q.Span.End, q.Speaker, q.Direct))];
    }

    /// <summary>The public shape of <paramref name="annotated"/>.</summary>
    public static AnnotatedArticleJson From(AnnotatedArticle annotated)
    {
        ArgumentNullException.ThrowIfNull(annotated);
        return new AnnotatedArticleJson(annotated);
    }
}

/// <summary>A sentence: its text, offsets and paragraph index.</summary>
public sealed record SentenceJson(string Text, int Start, int End, int Paragraph);

/// <summary>A mention: its text and offsets, what it names, the name it resolves to, titles, CAMEO actor code, affiliation and group members.</summary>
public sealed record MentionJson(string Text, string Type, int Start, int End, string Canonical, IReadOnlyList<string> Titles, string? Actor, string? Affiliation, IReadOnlyList<string> Members);

/// <summary>A time expression: its text and offsets, the ISO value it resolves to and how it was resolved.</summary>
public sealed record TimeJson(string Text, int Start, int End, string Value, string ResolvedFrom);

/// <summary>A quotation: the quoted words and their offsets, the speaker (or null), and whether the words stood in quotation marks.</summary>
public sealed record QuoteJson(string Text, int Start, int End, string? Speaker, bool Direct);

/// <summary>
/// A coded event as <c>code</c> gives it: actor codes and names, CAMEO code, root and quad class, Goldstein weight,
/// modality, PLOVER type and mode, negation, confidence, the verb, and the offsets that prove it (into the coded sentence).
/// </summary>
public sealed record EventJson(
    string Source,
    string SourceName,
    string Target,
    string TargetName,
    string Code,
    string Root,
    int QuadClass,
    double Goldstein,
    string Mode,
    PloverJson Plover,
    bool Negated,
    double Confidence,
    string Verb,
    EventSpansJson Spans,
    string? Pattern)
{
    /// <summary>The public shape of <paramref name="e"/>, coded from <paramref name="text"/>.</summary>
    public static EventJson From(EventRecord e, string text)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventJson(
            e.Source.Code, e.Source.Name, e.Target.Code, e.Target.Name, e.Code, e.RootCode, e.QuadClass, e.Goldstein,
            StatusNames.Of(e.Modality), new PloverJson(e.PloverType, e.PloverMode), e.Negated, e.Confidence, e.VerbSpan.Of(text),
            new EventSpansJson(Pair(e.Source.Span), Pair(e.VerbSpan), Pair(e.Target.Span)), e.Pattern);
    }

    private static IReadOnlyList<int>? Pair(TextSpan? span) => span is { } s ? [s.Start, s.End] : null;
}

/// <summary>The event's PLOVER type and mode, when known.</summary>
public sealed record PloverJson(string? Type, string? Mode);

/// <summary>Where the source actor, the verb and the target stand: <c>[start, end]</c>, or null when not in the text.</summary>
public sealed record EventSpansJson(IReadOnlyList<int>? Source, IReadOnlyList<int>? Verb, IReadOnlyList<int>? Target);

/// <summary>One line of <c>code</c>'s output: the input line's id and the events coded from it.</summary>
public sealed record CodedLineJson(string Id, IReadOnlyList<EventJson> Events);
