using System.Buffers;
using System.Collections.Immutable;
using Dossier.Model;
using Dossier.Vocabulary;

namespace Dossier.Language;

/// <summary>
/// Finds direct quotations (straight or curly marks, mismatched marks paired by their context, quotes that
/// run over sentences, single quotes nested inside) and attributed indirect speech ("the statement said",
/// "it added", "according to the communique"), and resolves each speaker to a mention's canonical name.
/// </summary>
public sealed class QuoteFinder
{
    private readonly LanguageData data;

    /// <summary>A finder over <paramref name="data"/>.</summary>
    public QuoteFinder(LanguageData data) => this.data = data ?? throw new ArgumentNullException(nameof(data));

    private readonly record struct Attribution(TextSpan Speaker, string? Name, MentionType? Type, TextSpan Content);

    /// <summary>The quotations of <paramref name="text"/>, in text order.</summary>
    public ImmutableArray<Quote> Find(string text, Token[] tokens, ImmutableArray<Sentence> sentences, ImmutableArray<Mention> mentions) =>
        Find(text, tokens, data.Classify(text, tokens), sentences, mentions);

    /// <summary>The quotations of <paramref name="text"/>, with its tokens already classified.</summary>
    public ImmutableArray<Quote> Find(string text, Token[] tokens, WordFlags[] flags, ImmutableArray<Sentence> sentences, ImmutableArray<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(flags);
        var quotes = ImmutableArray.CreateBuilder<Quote>();
        var state = new Speakers { Flags = flags };
        var sentenceTokens = new (int Start, int End)[sentences.Length];
        var t = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            while (t < tokens.Length && tokens[t].Start < sentences[s].Span.Start)
            {
                t++;
            }

            var e = t;
            while (e < tokens.Length && tokens[e].End <= sentences[s].Span.End)
            {
                e++;
            }

            sentenceTokens[s] = (t, e);
            t = e;
        }

        var first = 0;
        while (first < sentences.Length)
        {
            var last = first;
            while (last + 1 < sentences.Length && sentences[last + 1].Paragraph == sentences[first].Paragraph)
            {
                last++;
            }

            Paragraph(text, tokens, sentences, sentenceTokens, mentions, first, last, state, quotes);
            first = last + 1;
        }

        return quotes.ToImmutable();
    }

    private sealed class Speakers
    {
        public string? Discourse;
        public TextSpan? DiscourseSpan;
        public int DiscourseParagraph = -100;
        public string? LastThing;
        public string? DiscoursePerson;
        public WordFlags[] Flags = [];
    }

    private void Paragraph(string text, Token[] tokens, ImmutableArray<Sentence> sentences, (int Start, int End)[] sentenceTokens, ImmutableArray<Mention> mentions, int first, int last, Speakers state, ImmutableArray<Quote>.Builder quotes)
    {
        var ps = sentences[first].Span.Start;
        var pe = sentences[last].Span.End;
        var paragraph = sentences[first].Paragraph;
        var direct = DirectQuotes(text, ps, pe);
        var attributions = new Attribution?[last - first + 1];
        for (var s = first; s <= last; s++)
        {
            attributions[s - first] = Attribute(text, tokens, sentenceTokens[s].Start, sentenceTokens[s].End, mentions, state);
        }

        foreach (var (qs, qe) in direct)
        {
            var sq = SentenceAt(sentences, first, last, qs);
            var eq = SentenceAt(sentences, first, last, Math.Max(qs, qe - 1));
            var attribution = attributions[eq - first] ?? attributions[sq - first];
            for (var p = sq - 1; attribution is null && p >= first; p--)
            {
                // A quote left open in a paragraph goes on with the speaker named earlier in it.
                if (attributions[p - first] is { Name: not null } earlier && qe >= pe)
                {
                    attribution = earlier;
                }
            }
            string? speaker = null;
            TextSpan? speakerSpan = null;
            if (attribution is { } a)
            {
                speaker = a.Name;
                speakerSpan = a.Speaker;
            }
            else if (Subject(text, tokens, sentenceTokens[sq].Start, qs, mentions) is { } subject)
            {
                speaker = subject.Canonical;
                speakerSpan = subject.Span;
            }
            else if (LastDocumentIn(mentions, sentences[sq].Span.Start, qs) is { } doc)
            {
                // "issued a joint communique ... calling for “...”": the document in the sentence speaks.
                speaker = doc.Canonical;
                speakerSpan = doc.Span;
            }
            else if (state.Discourse is not null && paragraph - state.DiscourseParagraph <= 10)
            {
                speaker = state.Discourse;
                speakerSpan = state.DiscourseSpan;
            }

            var span = TrimContent(text, qs, qe);
            if (span.Length > 0)
            {
                quotes.Add(new Quote(span, speaker, speakerSpan, true));
            }
        }

        for (var s = first; s <= last; s++)
        {
            if (attributions[s - first] is not { } a)
            {
                continue;
            }

            if (a.Name is not null)
            {
                state.Discourse = a.Name;
                state.DiscourseSpan = a.Speaker;
                state.DiscourseParagraph = paragraph;
                if (a.Type is MentionType.Document or MentionType.Organization)
                {
                    state.LastThing = a.Name;
                }

                state.DiscoursePerson = a.Type is null or MentionType.Person ? a.Name : null;
            }

            var sentence = sentences[s].Span;
            var hasDirect = direct.Any(d => d.Start < sentence.End && d.End > sentence.Start);
            if (!hasDirect && a.Content.Length > 0)
            {
                quotes.Add(new Quote(a.Content, a.Name, a.Speaker, false));
            }
        }
    }

    private static Mention? LastDocumentIn(ImmutableArray<Mention> mentions, int from, int to)
    {
        Mention? found = null;
        for (var i = FirstAtOrAfter(mentions, from); i < mentions.Length; i++)
        {
            var m = mentions[i];
            if (m.Span.Start >= to)
            {
                break;
            }

            if (m.Span.Start >= from && m.Type == MentionType.Document)
            {
                found = m;
            }
        }

        return found;
    }

    private static int SentenceAt(ImmutableArray<Sentence> sentences, int first, int last, int offset)
    {
        for (var s = last; s > first; s--)
        {
            if (sentences[s].Span.Start <= offset)
            {
                return s;
            }
        }

        return first;
    }

    /// <summary>Pairs quotation marks by their context, so that a mark typed the wrong way round still opens or closes.</summary>
    private static readonly SearchValues<char> DoubleMarks = SearchValues.Create("\"\u201C\u201D\u00AB\u00BB\u201E");
    private static readonly SearchValues<char> SingleMarks = SearchValues.Create("\u2018\u2019'");

    /// <summary>The offset of the next of <paramref name="marks"/> in [<paramref name="from"/>, <paramref name="end"/>), or -1 (a vectorised search).</summary>
    private static int Next(string text, int from, int end, SearchValues<char> marks)
    {
        if (from >= end)
        {
            return -1;
        }

        var k = text.AsSpan(from, end - from).IndexOfAny(marks);
        return k < 0 ? -1 : from + k;
    }

    internal static List<(int Start, int End)> DirectQuotes(string text, int ps, int pe)
    {
        var result = new List<(int, int)>();
        var open = -1;
        var doubles = false;
        for (var i = Next(text, ps, pe, DoubleMarks); i >= 0; i = Next(text, i + 1, pe, DoubleMarks))
        {
            doubles = true;
            Mark(text, ps, pe, i, ref open, result);
        }

        if (open >= 0)
        {
            // A quote left open runs to the end of its paragraph, as in multi-paragraph quotations.
            result.Add((open + 1, pe));
        }

        if (!doubles)
        {
            open = -1;
            var singles = new List<(int, int)>();
            for (var i = Next(text, ps, pe, SingleMarks); i >= 0; i = Next(text, i + 1, pe, SingleMarks))
            {
                var prev = i > ps ? text[i - 1] : ' ';
                var next = i + 1 < pe ? text[i + 1] : ' ';
                if (char.IsLetter(prev) && char.IsLetter(next))
                {
                    continue;
                }

                Mark(text, ps, pe, i, ref open, singles);
            }

            // A paragraph that is nothing but a quoted phrase is a heading, not a quotation.
            foreach (var (s, e) in singles)
            {
                if (!(s - 1 == ps && e + 1 >= pe))
                {
                    result.Add((s, e));
                }
            }
        }

        return result;
    }

    private static void Mark(string text, int ps, int pe, int i, ref int open, List<(int, int)> result)
    {
        var c = text[i];
        var prev = i > ps ? text[i - 1] : ' ';
        var next = i + 1 < pe ? text[i + 1] : ' ';
        var openLike = (char.IsWhiteSpace(prev) || prev is '(' or '[' or '-' or '\u2014' or '\u2013' or '/' || i == ps) && !char.IsWhiteSpace(next);
        var closeLike = !char.IsWhiteSpace(prev) && (char.IsWhiteSpace(next) || char.IsPunctuation(next) || i + 1 == pe);
        if (open < 0)
        {
            if (openLike || (c is '\u201C' or '\u2018' or '\u00AB' && !closeLike))
            {
                open = i;
            }
        }
        else if (closeLike || (c is '\u201D' or '\u2019' or '\u00BB' && !openLike) || (char.IsWhiteSpace(prev) && char.IsWhiteSpace(next)))
        {
            if (i > open + 1)
            {
                result.Add((open + 1, i));
            }

            open = -1;
        }
    }

    private static TextSpan TrimContent(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == ','))
        {
            e--;
        }

        return TextSpan.FromBounds(s, e);
    }

    private Attribution? Attribute(string text, Token[] tokens, int start, int end, ImmutableArray<Mention> mentions, Speakers state)
    {
        if (end - start < 3)
        {
            return null;
        }

        // Every attribution has a verb of saying or "according to": most sentences have neither and are skipped at once.
        var candidate = false;
        for (var k = start; k < end && !candidate; k++)
        {
            candidate = (state.Flags[k] & WordFlags.SpeechVerb) != 0 || (tokens[k].Length == 9 && Is(text, tokens[k], "according"));
        }

        if (!candidate)
        {
            return null;
        }

        // "According to the communique, ..."
        for (var k = start; k + 2 < end; k++)
        {
            if (Is(text, tokens[k], "according") && Is(text, tokens[k + 1], "to"))
            {
                var speakerEnd = SpeakerEnd(text, tokens, k + 2, end, mentions, out var name, out var type, state);
                if (speakerEnd > k + 2)
                {
                    var content = k == start
                        ? Content(text, tokens, speakerEnd < end && text[tokens[speakerEnd].Start] == ',' ? speakerEnd + 1 : speakerEnd, end)
                        : Content(text, tokens, start, k);
                    return new Attribution(Span(tokens, k + 2, speakerEnd), name, type, content);
                }
            }
        }

        // Final: "..., the statement said." / "..., it added." / "..., said Dar."
        var last = end;
        while (last > start && tokens[last - 1].Kind is TokenKind.Punct or TokenKind.Quote && text[tokens[last - 1].Start] is '.' or '!' or '?' or '"' or '\u201D' or '\u2019')
        {
            last--;
        }

        for (var k = last - 1; k > start && last - k <= 9; k--)
        {
            var tok = tokens[k];
            var isComma = tok.Kind == TokenKind.Punct && text[tok.Start] == ',';
            var closes = tok.Kind == TokenKind.Quote && k + 1 < last && (text[tokens[k + 1].Start] != ',');
            if (!isComma && !closes)
            {
                continue;
            }

            var m = k + 1;
            if (m < last && tokens[m].Kind == TokenKind.Quote)
            {
                m++;
            }

            if (TryClause(text, tokens, m, last, mentions, state, out var attribution, Content(text, tokens, start, k)))
            {
                return attribution;
            }
        }

        // Initial: "The statement also said that ...", "It added that ...", "Dar said: ..."
        if (TrySubjectVerb(text, tokens, start, end, mentions, state, out var initial))
        {
            return initial;
        }

        return null;
    }

    private bool TryClause(string text, Token[] tokens, int m, int last, ImmutableArray<Mention> mentions, Speakers state, out Attribution attribution, TextSpan content)
    {
        attribution = default;
        // "said Dar" / "said the statement"
        if (m < last && IsSpeech(text, tokens[m]))
        {
            var se = SpeakerEnd(text, tokens, m + 1, last, mentions, out var n, out var ty, state);
            if (se > m + 1 && Trailer(text, tokens, se, last))
            {
                attribution = new Attribution(Span(tokens, m + 1, se), n, ty, content);
                return true;
            }

            return false;
        }

        var speakerEnd = SpeakerEnd(text, tokens, m, last, mentions, out var name, out var type, state);
        if (speakerEnd == m)
        {
            return false;
        }

        var v = speakerEnd;
        while (v < last && IsAdverb(text, tokens[v]))
        {
            v++;
        }

        if (v < last && IsSpeech(text, tokens[v]) && Trailer(text, tokens, v + 1, last))
        {
            attribution = new Attribution(Span(tokens, m, speakerEnd), name, type, content);
            return true;
        }

        return false;
    }

    private bool Trailer(string text, Token[] tokens, int k, int last)
    {
        // What may follow the verb of a closing attribution: nothing, or a short phrase ("on Monday", "in a statement").
        if (k >= last)
        {
            return true;
        }

        return last - k <= 4 && data.TrailerLookup.Contains(Word(text, tokens[k]));
    }

    private bool TrySubjectVerb(string text, Token[] tokens, int start, int end, ImmutableArray<Mention> mentions, Speakers state, out Attribution attribution)
    {
        attribution = default;
        var speakerEnd = SpeakerEnd(text, tokens, start, end, mentions, out var name, out var type, state);
        if (speakerEnd == start)
        {
            return false;
        }

        var v = speakerEnd;
        while (v < end && IsAdverb(text, tokens[v]))
        {
            v++;
        }

        if (v >= end || !IsSpeech(text, tokens[v]))
        {
            return false;
        }

        var c = v + 1;
        if (c < end && (Is(text, tokens[c], "that") || text[tokens[c].Start] is ':' or ','))
        {
            c++;
        }

        // "The FO said on Monday that ..." / "The statement further added that ..."
        if (c < end && Word(text, tokens[c]) is "on" or "in" && c + 2 < end && Is(text, tokens[c + 2], "that"))
        {
            c += 3;
        }

        attribution = new Attribution(Span(tokens, start, speakerEnd), name, type, Content(text, tokens, c, end));
        return true;
    }

    private int SpeakerEnd(string text, Token[] tokens, int k, int end, ImmutableArray<Mention> mentions, out string? name, out MentionType? type, Speakers state)
    {
        name = null;
        type = null;
        if (k >= end)
        {
            return k;
        }

        var w = Word(text, tokens[k]);
        if (tokens[k].Kind == TokenKind.Word && data.PronounLookup.TryGetValue(w, out var kind))
        {
            (name, type) = kind switch
            {
                "thing" => (state.LastThing ?? LastOf(mentions, tokens[k].Start, MentionType.Document, MentionType.Organization), (MentionType?)MentionType.Document),
                "person" => (state.DiscoursePerson ?? LastOf(mentions, tokens[k].Start, MentionType.Person), MentionType.Person),
                _ => (LastOf(mentions, tokens[k].Start, MentionType.Group), MentionType.Group),
            };
            return k + 1;
        }

        // A mention starting here, possibly after "the" or titles ("Foreign Minister Ishaq Dar"): take the whole mention.
        for (var p = k; p < end && p <= k + 6; p++)
        {
            var tok = tokens[p];
            if (tok.Kind is not (TokenKind.Word or TokenKind.Possessive))
            {
                break;
            }

            var mention = MentionAt(mentions, tok.Start);
            if (mention is not null && mention.Type is not (MentionType.Place or MentionType.Nationality))
            {
                var e = p;
                while (e < end && tokens[e].End <= mention.Span.End)
                {
                    e++;
                }

                name = mention.Canonical;
                type = mention.Type;
                return e;
            }

            var word = Word(text, tok);
            if (!(char.IsUpper(word[0]) || tok.Kind == TokenKind.Possessive || word is "the" or "his" or "her" or "its" or "their" or "a" or "an"))
            {
                break;
            }
        }

        // "the mayor said": a role without a name speaks as that role.
        if (Is(text, tokens[k], "the") && k + 1 < end && data.Titles.TryMatch(text, tokens, k + 1, end, out var n, out var role) && char.IsLower(text[tokens[k + 1].Start]))
        {
            name = Span(tokens, k + 1, k + 1 + n).Of(text);
            type = null;
            return k + 1 + n;
        }

        return k;
    }

    private static string? LastOf(ImmutableArray<Mention> mentions, int before, params MentionType[] types)
    {
        for (var i = FirstAtOrAfter(mentions, before) - 1; i >= 0; i--)
        {
            if (mentions[i].Span.Start < before && types.Contains(mentions[i].Type))
            {
                return mentions[i].Canonical;
            }
        }

        return null;
    }

    private static Mention? MentionAt(ImmutableArray<Mention> mentions, int start)
    {
        var lo = FirstAtOrAfter(mentions, start);
        return lo < mentions.Length && mentions[lo].Span.Start == start ? mentions[lo] : null;
    }

    /// <summary>The index of the first mention starting at or after <paramref name="offset"/> (mentions are in text order).</summary>
    private static int FirstAtOrAfter(ImmutableArray<Mention> mentions, int offset)
    {
        int lo = 0, hi = mentions.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].Span.Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static Mention? Subject(string text, Token[] tokens, int sentenceStart, int quoteStart, ImmutableArray<Mention> mentions)
    {
        // "Dar reaffirmed “...”", "the pair “reviewed ...”": a person or pair just before the quote, with at most two words between.
        Mention? best = null;
        for (var i = FirstAtOrAfter(mentions, tokens[sentenceStart].Start); i < mentions.Length; i++)
        {
            var m = mentions[i];
            if (m.Span.End > quoteStart)
            {
                break;
            }

            var inSentence = m.Span.Start >= tokens[sentenceStart].Start;
            var pairOfPeople = m.Type == MentionType.Group && m.Span.Of(text).Split(' ')[^1] is "pair" or "duo" or "leaders" or "ministers" or "men" or "women" or "officials";
            if (inSentence && (m.Type == MentionType.Person || pairOfPeople))
            {
                best = m;
            }
        }

        if (best is null)
        {
            return null;
        }

        var words = 0;
        for (var i = best.Span.End; i < quoteStart - 1; i++)
        {
            if (char.IsWhiteSpace(text[i]) && i + 1 < quoteStart - 1 && !char.IsWhiteSpace(text[i + 1]))
            {
                words++;
                if (char.IsUpper(text[i + 1]))
                {
                    return null;
                }
            }
            else if (text[i] is ',' or '.' or ';')
            {
                return null;
            }
        }

        return words <= 2 ? best : null;
    }

    private static TextSpan Content(string text, Token[] tokens, int from, int to)
    {
        if (from >= to)
        {
            return default;
        }

        var e = to;
        while (e > from && tokens[e - 1].Kind is TokenKind.Punct && text[tokens[e - 1].Start] is '.' or ',' or ';')
        {
            e--;
        }

        return e > from ? TextSpan.FromBounds(tokens[from].Start, tokens[e - 1].End) : default;
    }

    private bool IsSpeech(string text, Token t) => t.Kind == TokenKind.Word && data.SpeechVerbLookup.Contains(Word(text, t));

    private static bool IsAdverb(string text, Token t) => t.Kind == TokenKind.Word && Word(text, t) is "also" or "further" or "then" or "later" or "earlier" or "had" or "has" or "have";

    private static bool Is(string text, Token t, string word) => Word(text, t).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);

    private static TextSpan Span(Token[] tokens, int from, int to) => TextSpan.FromBounds(tokens[from].Start, tokens[to - 1].End);
}
