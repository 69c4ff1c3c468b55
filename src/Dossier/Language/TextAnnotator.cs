using System.Collections.Immutable;
using Dossier.Extraction.Text;
using Dossier.Model;
using Dossier.Vocabulary;

namespace Dossier.Language;

/// <summary>Options for one annotation.</summary>
public sealed record AnnotationOptions
{
    /// <summary>Default options: the reference date comes from the article or its text.</summary>
    public static AnnotationOptions Default { get; } = new();

    /// <summary>
    /// A reference date given from outside (for example by the stories stage, from another report of the
    /// same story). When set it wins over the publication date and over dates inferred from the text.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>How the outside reference was found; reported as each resolved time's <c>ResolvedFrom</c>.</summary>
    public string ReferenceSource { get; init; } = "external";
}

/// <summary>
/// The language stage: sentences, mentions with actor codes, times and quotations, by rules over our own
/// dictionaries (<c>data/actors</c>, <c>data/language</c>). Pure and thread-safe: the dictionaries are
/// compiled once and shared read-only.
/// </summary>
public sealed class TextAnnotator : ITextAnnotator
{
    /// <summary>
    /// The most characters of an article the language stage reads (about 10,000 words); the events, stories and
    /// fusion stages see only what it found there. The longest report we evaluate on has 54,000 characters; a 20 MB
    /// page of text is not news, and reading all of it would hold up the batch: the fuser compares every claim of
    /// a story with its like, and 100,000 characters of alike sentences cost it over 3 CPU-seconds. Past the limit
    /// the text is kept whole in the article but annotated only up to a line end or a space before the limit, and
    /// the pipeline reports that in one line naming the record (docs/language.md, "Long texts").
    /// </summary>
    public const int MaxAnnotatedLength = 60_000;

    private readonly LanguageData data;
    private readonly MentionFinder mentions;
    private readonly TimeExtractor times;
    private readonly QuoteFinder quotes;
    private readonly IActorCodeSource? actors;

    /// <summary>An annotator over the embedded dictionaries.</summary>
    public TextAnnotator()
        : this(LanguageData.Default)
    {
    }

    /// <summary>An annotator over <paramref name="data"/>, with a user's actor dictionary consulted first when given.</summary>
    public TextAnnotator(LanguageData data, IActorCodeSource? actors = null)
    {
        this.data = data ?? throw new ArgumentNullException(nameof(data));
        this.actors = actors;
        mentions = new MentionFinder(data);
        times = new TimeExtractor(data);
        quotes = new QuoteFinder(data);
    }

    /// <inheritdoc />
    public AnnotatedArticle Annotate(Article article) => Annotate(article, AnnotationOptions.Default);

    /// <summary>Annotates <paramref name="article"/>, resolving times against <paramref name="referenceDate"/> when given.</summary>
    public AnnotatedArticle Annotate(Article article, DateOnly? referenceDate) =>
        Annotate(article, referenceDate is null ? AnnotationOptions.Default : new AnnotationOptions { ReferenceDate = referenceDate });

    /// <summary>Annotates <paramref name="article"/> with <paramref name="options"/>.</summary>
    public AnnotatedArticle Annotate(Article article, AnnotationOptions options)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(options);
        var text = Readable(article.Text);

        // The article's words, looked up once for every stage after this one on this thread (the coder, grouping).
        TextWords.Scan(text);
        var sentences = SentenceSplitter.Split(text, data, out var dateline);
        if (article.Metadata.DatelineSpan is { } given && given.End <= text.Length)
        {
            dateline ??= given;
        }

        var tokens = Tokenizer.Tokenize(text);
        var flags = data.Classify(text, tokens);
        var found = mentions.Find(text, tokens, flags, sentences, dateline);
        var (resolved, matches, anchor) = ResolveTimes(text, article, tokens, flags, sentences, options);
        if (actors is not null)
        {
            found = UserCodes(found, EventDate(text, sentences, dateline, matches, resolved, anchor));
        }

        var said = quotes.Find(text, tokens, flags, sentences, found);
        var (location, fromDateline) = EventLocation(text, sentences, dateline, found);
        return new AnnotatedArticle(article)
        {
            Sentences = sentences,
            Mentions = found,
            Times = resolved,
            Quotes = said,
            EventDate = EventDate(text, sentences, dateline, matches, resolved, anchor),
            EventLocation = location,
            EventLocationFromDateline = fromDateline,
            AnnotatedLength = text.Length < article.Text.Length ? text.Length : null,
        };
    }

    /// <summary>
    /// How much of <paramref name="text"/> is annotated: all of it up to <see cref="MaxAnnotatedLength"/>, else up
    /// to the last line break in the limit's second half, else the last whitespace there, else the limit.
    /// </summary>
    internal static int ReadableLength(string text)
    {
        if (text.Length <= MaxAnnotatedLength)
        {
            return text.Length;
        }

        var floor = MaxAnnotatedLength / 2;
        var line = text.LastIndexOf('\n', MaxAnnotatedLength, MaxAnnotatedLength - floor);
        if (line > floor)
        {
            return line;
        }

        return SentenceSplitter.CutPoint(text, 0, MaxAnnotatedLength);
    }

    private static string Readable(string text)
    {
        var length = ReadableLength(text);
        return length == text.Length ? text : text[..length];
    }

    /// <summary>Resolves the times of an already annotated article again, against <paramref name="referenceDate"/> given from outside.</summary>
    public AnnotatedArticle Reresolve(AnnotatedArticle annotated, DateOnly referenceDate, string source = "external")
    {
        ArgumentNullException.ThrowIfNull(annotated);
        var text = Readable(annotated.Article.Text);
        var tokens = Tokenizer.Tokenize(text);
        var (resolved, matches, anchor) = ResolveTimes(text, annotated.Article, tokens, data.Classify(text, tokens), annotated.Sentences, new AnnotationOptions { ReferenceDate = referenceDate, ReferenceSource = source });
        SentenceSplitter.Split(text, data, out var dateline);
        return annotated with { Times = resolved, EventDate = EventDate(text, annotated.Sentences, dateline, matches, resolved, anchor) };
    }

    // The times of a text and the matches they came from, resolved against the given reference day, else the
    // publication day, else a reference inferred from the text; Anchor is the day when it was given or published
    // (null when inferred: the year is then a guess).
    private (ImmutableArray<TimeExpression> Times, List<TimeMatch> Matches, DateOnly? Anchor) ResolveTimes(string text, Article article, Token[] tokens, WordFlags[] flags, ImmutableArray<Sentence> sentences, AnnotationOptions options)
    {
        var matches = times.Extract(text, tokens, flags, sentences);
        TimeReference reference;
        DateOnly? anchor = null;
        if (options.ReferenceDate is { } external)
        {
            reference = new TimeReference(external, external.Year, options.ReferenceSource);
            anchor = external;
        }
        else if (article.Metadata.Published is { } published)
        {
            var day = DateOnly.FromDateTime(published.Date);
            reference = new TimeReference(day, day.Year, "publication-date");
            anchor = day;
        }
        else
        {
            reference = TimeResolver.Infer(matches);
        }

        return (TimeResolver.Resolve(matches, reference), matches, anchor);
    }

    private ImmutableArray<Mention> UserCodes(ImmutableArray<Mention> found, DateOnly? date)
    {
        // A user's dictionary knows its people and bodies better than our general one; dates pick the code in force.
        var cache = new Dictionary<string, string?>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Mention>(found.Length);
        foreach (var m in found)
        {
            if (m.Type is MentionType.Person or MentionType.Organization or MentionType.Country)
            {
                if (!cache.TryGetValue(m.Canonical, out var code))
                {
                    code = actors!.CodeFor(m.Canonical, date);
                    cache[m.Canonical] = code;
                }

                result.Add(code is null ? m : m with { Actor = code });
            }
            else
            {
                result.Add(m);
            }
        }

        return result.MoveToImmutable();
    }

    private static DateOnly? EventDate(string text, ImmutableArray<Sentence> sentences, TextSpan? dateline, List<TimeMatch> matches, ImmutableArray<TimeExpression> resolved, DateOnly? anchor)
    {
        // The lead (the three sentences from the dateline on) tells the main event; its first resolved day is the event's date.
        var lead = LeadStart(sentences, dateline);
        var head = DatelineHeadEnd(text, sentences, lead, dateline);
        foreach (var pass in new[] { false, true })
        {
            for (var i = 0; i < matches.Count; i++)
            {
                var s = matches[i].Sentence;
                if (s < lead || s >= lead + 3 || matches[i].Future || matches[i].Span.Start < head)
                {
                    continue;
                }

                var value = resolved[i].Value;
                var isRange = value.Contains('/', StringComparison.Ordinal);
                if (isRange != pass)
                {
                    continue;
                }

                if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                    && !(anchor is { } a && a.DayNumber - day.DayNumber > BackgroundDays))
                {
                    return day;
                }
            }
        }

        return null;
    }

    private static (string? Place, bool FromDateline) EventLocation(string text, ImmutableArray<Sentence> sentences, TextSpan? dateline, ImmutableArray<Mention> mentions)
    {
        // The first city named with "in" or "at" in the lead, else the dateline's city.
        var lead = LeadStart(sentences, dateline);
        if (lead < sentences.Length)
        {
            var from = sentences[lead].Span.Start;
            var to = sentences[Math.Min(sentences.Length - 1, lead + 2)].Span.End;
            foreach (var m in mentions)
            {
                if (m.Span.Start < from || m.Span.Start >= to || m.Type != MentionType.Place)
                {
                    continue;
                }

                var before = text.AsSpan(Math.Max(0, m.Span.Start - 3), Math.Min(3, m.Span.Start));
                if (before is "in " or "at " && !IsRegion(m) && !InCaption(text, m.Span.Start))
                {
                    return (m.Canonical, false);
                }
            }
        }

        if (dateline is { } d)
        {
            foreach (var m in mentions)
            {
                if (d.Contains(m.Span))
                {
                    return (m.Canonical, true);
                }
            }
        }

        return (null, false);
    }

    private static bool IsRegion(Mention m) => m.Actor is null;

    // Whether the paragraph around an offset is a photo caption (it ends with the picture's credit): where a picture
    // was taken ("the exchange in New York City. (Photo by …)") is not where the event happened. Only the paragraph's
    // last 200 characters are read: the credit closes it.
    private static bool InCaption(string text, int offset)
    {
        var end = text.IndexOf('\n', offset);
        end = end < 0 ? text.Length : end;
        var start = Math.Max(text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1, end - 200);
        return ChromeRules.EndsWithPictureCredit(text[start..end].TrimEnd());
    }

    // A day in the lead more than a year before the report's own day is history told for background ("founded on
    // 8 August 1967"), never the day of the event reported.
    private const int BackgroundDays = 366;

    // The lead starts with the first sentence that runs past the dateline: the one after it when the splitter cut the
    // dateline off, or the one that holds it when the dateline came from the extractor inside a sentence (a
    // two-word city, an agency in brackets). Before, the second case skipped the report's first sentence.
    private static int LeadStart(ImmutableArray<Sentence> sentences, TextSpan? dateline)
    {
        if (dateline is { } d)
        {
            for (var i = 0; i < sentences.Length; i++)
            {
                if (sentences[i].Span.End > d.End)
                {
                    return i;
                }
            }
        }

        return 0;
    }

    // Where a dateline inside the lead's first sentence ends: its day and agency run to the dash after the city
    // ("KUALA LUMPUR, May 26 (Reuters) - "). That day is when the report was filed, not when its event happened; -1
    // when the dateline is not inside the sentence or no dash ends it nearby.
    private static int DatelineHeadEnd(string text, ImmutableArray<Sentence> sentences, int lead, TextSpan? dateline)
    {
        if (dateline is not { } d || lead >= sentences.Length || sentences[lead].Span.Start >= d.End)
        {
            return -1;
        }

        var window = text.AsSpan(d.End, Math.Min(60, Math.Max(0, sentences[lead].Span.End - d.End)));
        foreach (var dash in (ReadOnlySpan<string>)[" - ", " \u2014 ", " \u2013 ", " -- "])
        {
            if (window.IndexOf(dash, StringComparison.Ordinal) is var at and >= 0)
            {
                return d.End + at + dash.Length;
            }
        }

        return -1;
    }
}
