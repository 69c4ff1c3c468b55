using System.Collections.Immutable;
using Dossier.Extraction.Text;
using Dossier.Language;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>One proposition: a sentence, or one coordinated clause of it ("…, opposed double standards").</summary>
/// <param name="Article">Index of the article in the story.</param>
/// <param name="ArticleId">The article.</param>
/// <param name="SentenceIndex">The sentence's index in the article.</param>
/// <param name="Sentence">The sentence's span.</param>
/// <param name="Span">The clause's span (inside the sentence).</param>
/// <param name="Text">The claim text: the clause, with the sentence's subject put back when the clause lost it.</param>
/// <param name="Terms">Distinct content terms of the clause and its subject.</param>
internal sealed record Proposition(int Article, string ArticleId, int SentenceIndex, TextSpan Sentence, TextSpan Span, string Text, ImmutableArray<string> Terms)
{
    /// <summary>The folded term of the clause's first finite verb ("signed" is <c>sign</c>), when there is one: what the clause says happened.</summary>
    public string? Predicate { get; init; }

    /// <summary>True when the clause says the opposite of its affirmative form ("will not take place").</summary>
    public bool Negated { get; init; }

    /// <summary>True when every full day the clause names lies well away from its report's event day: background about another event (an earlier round, an anniversary).</summary>
    public bool Background { get; init; }

    /// <summary>What kind of statement the clause makes (<see cref="StatementKind"/>).</summary>
    public string Kind { get; init; } = StatementKind.Reported;
}

/// <summary>Propositions already cut from sentence texts of one story, with spans relative to the sentence's start.</summary>
internal sealed class PropositionMemo
{
    private readonly Dictionary<string, Proposition[]> known = new(StringComparer.Ordinal);

    /// <summary>The propositions of an earlier sentence with the same characters, spans relative to its start.</summary>
    public bool TryGet(string text, TextSpan sentence, out Proposition[] propositions) =>
        known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(sentence.Start, sentence.Length), out propositions!);

    /// <summary>Keeps the propositions cut from a sentence.</summary>
    public void Remember(string text, TextSpan sentence, List<Proposition> propositions) =>
        known[sentence.Of(text)] = [.. propositions.Select(p => p with { Span = new TextSpan(p.Span.Start - sentence.Start, p.Span.Length) })];
}

/// <summary>Cuts sentences into propositions. Pure: same article, same propositions.</summary>
internal static class Propositions
{
    /// <summary>The least content terms a clause needs to stand alone; shorter pieces stay with the clause before.</summary>
    private const int MinTerms = 3;

    /// <summary>The propositions of one article, skipping page chrome and headings.</summary>
    public static List<Proposition> Of(AnnotatedArticle annotated, int articleIndex) => Of(annotated, articleIndex, null);

    /// <summary>
    /// The propositions of one article; with a <paramref name="memo"/> shared by a story's articles, a sentence
    /// whose text was already cut in another report (a copy) is not cut again: its propositions are moved to
    /// where the sentence stands in this article. Cutting depends only on the sentence's own characters.
    /// </summary>
    public static List<Proposition> Of(AnnotatedArticle annotated, int articleIndex, PropositionMemo? memo)
    {
        var text = annotated.Article.Text;
        var sentences = annotated.Sentences.IsDefaultOrEmpty ? SentenceSplitter.Split(text) : annotated.Sentences;
        var result = new List<Proposition>();
        for (var i = 0; i < sentences.Length; i++)
        {
            var sentence = sentences[i].Span;
            if (memo is not null && memo.TryGet(text, sentence, out var known))
            {
                foreach (var p in known)
                {
                    result.Add(p with { Article = articleIndex, ArticleId = annotated.Article.Id, SentenceIndex = i, Sentence = sentence, Span = new TextSpan(p.Span.Start + sentence.Start, p.Span.Length) });
                }

                continue;
            }

            var cut = Cut(text, articleIndex, annotated.Article.Id, i, sentence);
            memo?.Remember(text, sentence, cut);
            result.AddRange(cut);
        }

        return result;
    }

    private static List<Proposition> Cut(string text, int articleIndex, string articleId, int i, TextSpan sentence)
    {
        var span = TrimCredit(text, sentence);
        if (IsChrome(span.Of(text)) || IsHeading(text, span))
        {
            return [];
        }

        return [.. Split(text, span).Select(c => Make(text, articleIndex, articleId, i, sentence, c.Span, c.Subject, c.TextStart)).Where(p => p.Terms.Length > 0)];
    }

    /// <summary>True when a sentence holds a page-chrome marker (share prompts, related links).</summary>
    public static bool IsChrome(string sentence) => ChromeRules.HoldsChromePhrase(sentence);

    /// <summary>The clauses of a sentence, each with the subject it shares with the sentence's first clause (null for the first).</summary>
    public static List<(TextSpan Span, TextSpan? Subject, int TextStart)> Split(string text, TextSpan sentence)
    {
        var words = TextTerms.Words(text, sentence.Start, sentence.End);
        var cuts = new List<int>();
        int? firstVerb = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (firstVerb is null && IsFiniteVerb(text, words[i]))
            {
                firstVerb = i;
            }

            if (i > 0 && OpensClause(text, words, i))
            {
                cuts.Add(i);
            }
        }

        var pieces = new List<(int From, int To)>();
        var from = 0;
        foreach (var cut in cuts)
        {
            // A piece without a finite verb ("Treasury Secretary Bessent", "speaking Tuesday") is no statement: it
            // stays with the clause after it.
            if (ContentCount(words, from, cut) >= MinTerms && ContentCount(words, cut, words.Count) >= MinTerms && HasFiniteVerb(text, words, from, cut))
            {
                pieces.Add((from, cut));
                from = cut;
            }
        }

        pieces.Add((from, words.Count));
        TextSpan? subject = firstVerb is { } v && v > 0 ? TextSpan.FromBounds(sentence.Start, words[v].Start) : null;
        var clauses = new List<(TextSpan Span, TextSpan? Subject, int TextStart)>();
        for (var k = 0; k < pieces.Count; k++)
        {
            var (a, b) = pieces[k];
            var start = words[a].Start;
            if (words[a].Lower is "and" or "but" or "while" or "whereas" && a + 1 < b)
            {
                start = words[a + 1].Start;
            }

            var end = k == pieces.Count - 1 ? sentence.End : TrimEnd(text, words[b - 1].End);
            var head = words[start == words[a].Start ? a : a + 1];
            var needsSubject = k > 0 && subject is not null && IsFiniteVerb(text, head);

            // ", marking the first …" says something about the clause before it: its claim text reads from there
            // (and with that clause's subject), while its span and terms stay its own for alignment.
            var leans = k > 0 && IsParticiple(text, head);
            clauses.Add((TextSpan.FromBounds(start, end), leans ? clauses[k - 1].Subject : needsSubject ? subject : null, leans ? clauses[k - 1].TextStart : start));
        }

        return clauses;
    }

    private static bool HasFiniteVerb(string text, List<Word> words, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsFiniteVerb(text, words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One proposition for a whole sentence, from its clauses.</summary>
    public static Proposition Whole(string text, Proposition first, IEnumerable<Proposition> clauses)
    {
        var all = clauses.ToList();
        var span = TextSpan.FromBounds(all.Min(c => c.Span.Start), all.Max(c => c.Span.End));
        var terms = new SortedSet<string>(all.SelectMany(c => c.Terms), StringComparer.Ordinal);
        return first with { Span = span, Text = Clean(span.Of(text)), Terms = [.. terms], Negated = all.Any(c => c.Negated), Kind = StatementKind.Of(span.Of(text)) };
    }

    private static Proposition Make(string text, int articleIndex, string articleId, int sentenceIndex, TextSpan sentence, TextSpan span, TextSpan? subject, int textStart)
    {
        var clause = text[textStart..span.End].Trim();
        var words = TextTerms.Words(text, span.Start, span.End);
        var terms = TextTerms.ContentTerms(words);
        var claimText = clause;
        if (subject is { } s)
        {
            var subjectText = s.Of(text).Trim().TrimEnd(',');
            claimText = subjectText + " " + clause;
            terms.AddRange(TextTerms.ContentTerms(text, s.Start, s.End));
        }

        var verb = words.FirstOrDefault(w => IsFiniteVerb(text, w));
        var predicate = verb.Lower is null ? null : TextTerms.Terms(verb.Lower).FirstOrDefault() ?? verb.Lower;
        var own = span.Of(text);
        return new Proposition(articleIndex, articleId, sentenceIndex, sentence, span, Clean(claimText), SortedDistinct(terms))
        {
            Predicate = predicate,
            Negated = StatementKind.IsNegated(own),
            Kind = StatementKind.Of(own),
        };
    }

    /// <summary>The distinct terms in ordinal order (what a sorted set gives, without building one).</summary>
    private static ImmutableArray<string> SortedDistinct(List<string> terms)
    {
        terms.Sort(StringComparer.Ordinal);
        var distinct = ImmutableArray.CreateBuilder<string>(terms.Count);
        foreach (var term in terms)
        {
            if (distinct.Count == 0 || !string.Equals(distinct[^1], term, StringComparison.Ordinal))
            {
                distinct.Add(term);
            }
        }

        return distinct.DrainToImmutable();
    }

    private static string Clean(string claim) => ClaimText.Readable(claim);

    private static bool OpensClause(string text, List<Word> words, int i)
    {
        var gap = text.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End);
        var comma = gap.IndexOfAny(',', ';') >= 0;
        var word = words[i];
        if (word.Lower is "while" or "whereas" && comma)
        {
            return true;
        }

        if (word.Lower is "and" or "but")
        {
            if (i + 1 >= words.Count)
            {
                return false;
            }

            // Without a comma, only a listed verb opens a clause: "strong and coordinated message" is one phrase.
            var next = words[i + 1];
            if (!comma)
            {
                return Lexicon.ClauseVerbs.Contains(next.Lower) && char.IsLower(text[next.Start]);
            }

            return IsFiniteVerb(text, next) || IsParticiple(text, next) || HasOwnSubject(text, words, i + 1);
        }

        return comma && (IsFiniteVerb(text, word) || IsParticiple(text, word));
    }

    /// <summary>", and both sides agreed …": a short subject then a finite verb, before any comma.</summary>
    private static bool HasOwnSubject(string text, List<Word> words, int from)
    {
        for (var k = from; k < Math.Min(words.Count, from + 4); k++)
        {
            if (k > from && text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End).IndexOfAny(',', ';') >= 0)
            {
                return false;
            }

            if (k > from && Lexicon.ClauseVerbs.Contains(words[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A past-tense or listed verb, lower-case in the text.</summary>
    private static bool IsFiniteVerb(string text, Word w) =>
        char.IsLower(text[w.Start]) && !Lexicon.NotClauseVerbs.Contains(w.Lower)
        && (Lexicon.ClauseVerbs.Contains(w.Lower) || (w.Lower.Length > 4 && w.Lower.EndsWith("ed", StringComparison.Ordinal) && w.Lower.All(char.IsLetter)));

    private static bool IsParticiple(string text, Word w) =>
        char.IsLower(text[w.Start]) && w.Lower.Length > 5 && w.Lower.EndsWith("ing", StringComparison.Ordinal)
        && !Lexicon.NotClauseVerbs.Contains(w.Lower) && w.Lower.All(char.IsLetter);

    private static int ContentCount(List<Word> words, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (!Lexicon.Stopwords.Contains(words[i].Lower))
            {
                n++;
            }
        }

        return n;
    }

    private static int TrimEnd(string text, int end)
    {
        // Keep a closing quote or bracket with the clause it closes.
        while (end < text.Length && text[end] is '"' or '”' or '’' or ')' or '\'')
        {
            end++;
        }

        return end;
    }

    // "… relations. - Dawn/ANN": the wire credit is not part of what the sentence claims.
    private static TextSpan TrimCredit(string text, TextSpan span)
    {
        var s = span.Of(text);
        var dash = s.LastIndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0 && s.Length - dash < 40 && s[(dash + 3)..].Contains('/', StringComparison.Ordinal) && !s[(dash + 3)..].Contains(' ', StringComparison.Ordinal))
        {
            return new TextSpan(span.Start, dash);
        }

        return span;
    }

    private static bool IsHeading(string text, TextSpan span)
    {
        if (span.Length == 0)
        {
            return true;
        }

        // A sentence ends in final punctuation, possibly inside a closing quote or bracket; a line without it is a heading.
        var end = span.End - 1;
        while (end > span.Start && text[end] is '"' or '”' or '’' or ')' or '\'' or ' ')
        {
            end--;
        }

        var words = TextTerms.CountWords(text, span.Start, span.End);
        return words < 4 || (text[end] is not ('.' or '!' or '?') && words < 16);
    }
}
