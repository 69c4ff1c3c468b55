using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>
/// What grouping needs to know about one article, computed once and purely from the article: its term
/// counts, entities, date, place, coded events, source key and copy fingerprints.
/// </summary>
/// <param name="ArticleId">The article.</param>
/// <param name="TermCounts">Hashed content terms with their counts, in ascending order of the hash; title terms count twice.</param>
/// <param name="Entities">Normalised names of the people, bodies and places it mentions.</param>
/// <param name="Date">The event date (or, failing that, the publication day).</param>
/// <param name="Location">The event location, lower-cased, when known.</param>
/// <param name="EventKeys">Coded events as <c>source|root code|target</c>.</param>
/// <param name="SourceKey">Whose text this is: the credit's origin, else the outlet; null when unknown.</param>
/// <param name="SourceLabel">The same, as written, for output.</param>
/// <param name="ExactHash">Hash of the normalised text.</param>
/// <param name="Signature">MinHash signature of the word shingles.</param>
/// <param name="Window">The days the article's event may have happened on, when the article tells.</param>
/// <param name="Ordinals">Ordinals of series nouns in its opening ("round:7"), sorted.</param>
/// <param name="Announcement">Whether it was written before its event ("will hold talks").</param>
/// <param name="LocationFromDateline">Whether <paramref name="Location"/> is only the dateline's city (where the report was filed).</param>
public sealed record ArticleFeatures(
    string ArticleId,
    ImmutableArray<(int Term, int Count)> TermCounts,
    ImmutableArray<string> Entities,
    DateOnly? Date,
    string? Location,
    ImmutableArray<string> EventKeys,
    string? SourceKey,
    string? SourceLabel,
    ulong ExactHash,
    ImmutableArray<ulong> Signature,
    EventWindow? Window = null,
    ImmutableArray<string> Ordinals = default,
    bool Announcement = false,
    bool LocationFromDateline = false)
{
    /// <summary>Each term's weight (1 + log of its count), in the order of <see cref="TermCounts"/>: computed once, used on every pair compared.</summary>
    internal ImmutableArray<double> TermWeights { get; } = WeightsOf(TermCounts);

    /// <summary>The squared length of the weight vector.</summary>
    internal double TermNormSquared { get; } = SquaredLength(TermCounts);

    // The name lists below and the link key, made once from the constructor's values, the key from the lists (not from
    // the names split again). A copy made with `with` may change the window, the id or the source, never the text,
    // terms, names or ordinals these read.
    private readonly (ImmutableArray<string> Single, ImmutableArray<string> Words, LinkKey Key) derived = Derive(ExactHash, Signature, Entities, Ordinals, TermCounts);

    /// <summary>
    /// The one-word names of four letters or more, sorted (ordinal): the names a report may give by surname alone.
    /// Kept with the article, like the words of its longer names below, because the loose link test asks for them
    /// on every candidate pair, and splitting the names there again cost more than the rest of the test.
    /// </summary>
    internal ImmutableArray<string> SingleNames => derived.Single;

    /// <summary>The distinct words of the names of two words or more, sorted (ordinal).</summary>
    internal ImmutableArray<string> NameWords => derived.Words;

    /// <summary>What the link test can rule out without the arrays above (<see cref="LinkKey"/>).</summary>
    internal LinkKey Key => derived.Key;

    /// <summary>Computes the features of an annotated article.</summary>
    public static ArticleFeatures Of(AnnotatedArticle annotated)
    {
        var article = annotated.Article;
        var counts = new Dictionary<int, int>(256);
        void AddTerm(string term, int weight) => CollectionsMarshal.GetValueRefOrAddDefault(counts, TermKey(term), out _) += weight;
        void AddTerms(List<string> terms, int weight)
        {
            foreach (var term in terms)
            {
                AddTerm(term, weight);
            }
        }

        // Only what the language stage read (issue 20): a 20 MB text is annotated up to a limit, and its terms,
        // ranges and names past it would cost seconds for nothing the annotations can back.
        var text = annotated.AnnotatedLength is { } read ? article.Text[..read] : article.Text;
        var words = TextTerms.Words(text);
        AddTerms(TextTerms.ContentTerms(article.Metadata.Title ?? ""), 2);

        // The body's terms straight from the words, without a list of them first (the same terms, the same counts).
        foreach (var word in words)
        {
            foreach (var term in word.Terms)
            {
                AddTerm(term, 1);
            }
        }

        // A written range of values ("4%–4.25%") is one fact, weighed like a title word.
        AddTerms([.. EventFacts.Ranges(text)], 2);

        var entities = annotated.Mentions.IsDefaultOrEmpty
            ? CapitalisedNames(text, words)
            : [.. annotated.Mentions.Where(m => m.Type is not (MentionType.Group or MentionType.Document)).Select(m => Normalise(m.Canonical)).Where(e => e.Length > 1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        DateOnly? date = annotated.EventDate ?? (article.Metadata.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null);
        var events = annotated.Events.IsDefaultOrEmpty
            ? ImmutableArray<string>.Empty
            : [.. annotated.Events.Select(e => $"{e.Source.Code}|{e.RootCode}|{e.Target.Code}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var (sourceKey, sourceLabel) = SourceOf(article.Metadata);
        var announcement = EventFacts.IsAnnouncement(annotated);
        return new ArticleFeatures(
            article.Id,
            // A sorted array, not an immutable dictionary (a tree of nodes): the grouper only walks it, once per
            // article per batch. Ascending order is the order the dictionary enumerated in, so sums over it are
            // the same to the last bit.
            SortedByTerm(counts),
            entities,
            date,
            annotated.EventLocation is { Length: > 0 } l ? Normalise(l) : null,
            events,
            sourceKey,
            sourceLabel,
            Fingerprints.ExactHash(words),
            ImmutableCollectionsMarshal.AsImmutableArray(Fingerprints.Signature(words)),
            EventWindow.Of(annotated, announcement),
            EventFacts.Ordinals(article),
            announcement,
            annotated.EventLocationFromDateline);
    }

    /// <summary>
    /// The features of <paramref name="copy"/>, a verbatim copy of the article <paramref name="original"/> was
    /// computed for: everything above is a function of the text, title, date and annotations, which the copy
    /// shares, so only its id and source are its own.
    /// </summary>
    public static ArticleFeatures OfCopy(ArticleFeatures original, AnnotatedArticle copy)
    {
        var (sourceKey, sourceLabel) = SourceOf(copy.Article.Metadata);
        return original with { ArticleId = copy.Article.Id, SourceKey = sourceKey, SourceLabel = sourceLabel };
    }

    private static ImmutableArray<(int Term, int Count)> SortedByTerm(Dictionary<int, int> counts)
    {
        var terms = new int[counts.Count];
        var values = new int[counts.Count];
        var k = 0;
        foreach (var (term, count) in counts)
        {
            terms[k] = term;
            values[k++] = count;
        }

        // Terms are distinct keys: an unstable sort gives the one order there is.
        Array.Sort(terms, values);
        var sorted = new (int Term, int Count)[terms.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = (terms[i], values[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }

    private static ImmutableArray<double> WeightsOf(ImmutableArray<(int Term, int Count)> counts)
    {
        var weights = new double[counts.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 1.0 + Math.Log(counts[i].Count);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(weights);
    }

    // Summed in term order, one addition at a time, as the pairwise cosine always has: the same figure to the last bit.
    private static double SquaredLength(ImmutableArray<(int Term, int Count)> counts)
    {
        var sum = 0.0;
        foreach (var (_, count) in counts)
        {
            var w = 1.0 + Math.Log(count);
            sum += w * w;
        }

        return sum;
    }

    private static (ImmutableArray<string> Single, ImmutableArray<string> Words, LinkKey Key) Derive(
        ulong exactHash, ImmutableArray<ulong> signature, ImmutableArray<string> entities, ImmutableArray<string> ordinals, ImmutableArray<(int Term, int Count)> termCounts)
    {
        var single = SingleNamesOf(entities);
        var words = NameWordsOf(entities);
        return (single, words, LinkKey.Of(exactHash, signature, entities, single, words, ordinals, termCounts));
    }

    private static ImmutableArray<string> SingleNamesOf(ImmutableArray<string> entities)
    {
        if (entities.IsDefaultOrEmpty)
        {
            return [];
        }

        // Entities are distinct and sorted (ordinal), so the ones kept are too.
        var single = ImmutableArray.CreateBuilder<string>();
        foreach (var name in entities)
        {
            if (name.Length >= 4 && !name.Contains(' ', StringComparison.Ordinal))
            {
                single.Add(name);
            }
        }

        return single.DrainToImmutable();
    }

    private static ImmutableArray<string> NameWordsOf(ImmutableArray<string> entities)
    {
        if (entities.IsDefaultOrEmpty)
        {
            return [];
        }

        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in entities)
        {
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                words.UnionWith(name.Split(' '));
            }
        }

        return [.. words];
    }

    /// <summary>Whose text an article carries: "Dawn/ANN" is Dawn's text; else the outlet's own.</summary>
    public static (string? Key, string? Label) SourceOf(ArticleMetadata metadata)
    {
        if (metadata.Credit is { Length: > 0 } credit)
        {
            var origin = credit.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (origin is { Length: > 0 })
            {
                return (Normalise(origin), origin);
            }
        }

        return metadata.Outlet is { Length: > 0 } outlet ? (Normalise(outlet), outlet) : (null, null);
    }

    /// <summary>The stable 32-bit key of a content term.</summary>
    public static int TermKey(string term) => unchecked((int)XxHash32.HashToUInt32(MemoryMarshal.AsBytes(term.AsSpan())));

    /// <summary>Lower-cased letters and digits, single-spaced: "Ishaq  Dar" and "ishaq dar" are one name.</summary>
    public static string Normalise(string name) => string.Join(' ', TextTerms.Words(name).Select(w => w.Lower));

    // Without the language stage's mentions, runs of capitalised words that do not start a sentence stand in for names.
    private static ImmutableArray<string> CapitalisedNames(string text, List<Word> words)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var run = new List<string>();
        for (var i = 0; i <= words.Count; i++)
        {
            // Capitalised words of dates ("on April 26") are not names: two reports of one day would share them.
            var isName = i < words.Count && char.IsUpper(text[words[i].Start]) && !SentenceInitial(text, words[i].Start) && !Lexicon.Stopwords.Contains(words[i].Lower)
                && !Dossier.Language.LanguageData.Default.TimeWords.ContainsKey(words[i].Lower);
            if (isName)
            {
                run.Add(words[i].Lower);
                continue;
            }

            if (run.Count > 0)
            {
                names.Add(string.Join(' ', run));
                run.Clear();
            }
        }

        return [.. names];
    }

    private static bool SentenceInitial(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == '\n')
            {
                return true;
            }

            if (char.IsWhiteSpace(c) || c is '"' or '“' or '‘' or '\'' or '(')
            {
                continue;
            }

            return c is '.' or '!' or '?' or ':' or '\n';
        }

        return true;
    }
}
