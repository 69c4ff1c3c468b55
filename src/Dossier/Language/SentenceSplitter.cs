using System.Buffers;
using System.Collections.Immutable;
using Dossier.Model;
using Dossier.Vocabulary;

namespace Dossier.Language;

/// <summary>
/// Splits text into paragraphs and sentences with character offsets. A line break ends a paragraph (so
/// headings without final punctuation stand alone) unless the line was merely wrapped; full stops after
/// abbreviations (Mr., Jan., No. 5), initials and decimals do not end sentences; closing quotes after the
/// full stop stay with their sentence; datelines ("BEIJING:") and list markers are left out of sentences.
/// A run of text longer than <see cref="MaxSentenceLength"/> without a sentence end is cut into pieces of at
/// most that length, at whitespace, so that no later stage sees a sentence it cannot afford.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>
    /// The longest sentence handed on, in characters. The longest sentence in the news we evaluate on has under
    /// 500 characters; a page with no sentence ends at all (a table, a pasted log, a hostile page) would
    /// otherwise become one sentence of megabytes, and the mention, quote and event rules look at pairs of
    /// words within a sentence.
    /// </summary>
    public const int MaxSentenceLength = 2000;

    /// <summary>The sentences of <paramref name="text"/>, as spans.</summary>
    public static ImmutableArray<Sentence> Split(string text) => Split(text, LanguageData.Default, out _);

    /// <summary>The sentences of <paramref name="text"/>, and the dateline it opens with, if any.</summary>
    public static ImmutableArray<Sentence> Split(string text, LanguageData data, out TextSpan? dateline)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(data);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        dateline = null;
        var paragraph = -1;
        var pos = 0;
        var pendingStart = -1;
        while (pos < text.Length)
        {
            var lineEnd = text.IndexOf('\n', pos);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var (s, e) = Trim(text, pos, lineEnd);
            var next = lineEnd + 1;
            if (s < e)
            {
                var start = pendingStart >= 0 ? pendingStart : s;
                if (IsWrapped(text, s, e, next))
                {
                    // A hard-wrapped line: the paragraph goes on on the next line.
                    if (pendingStart < 0)
                    {
                        pendingStart = s;
                    }
                }
                else
                {
                    paragraph++;
                    pendingStart = -1;
                    SplitParagraph(text, start, e, paragraph, data, sentences, ref dateline);
                }
            }

            pos = next;
        }

        return sentences.ToImmutable();
    }

    private static bool IsWrapped(string text, int s, int e, int next)
    {
        // Wrapped when the line does not end a sentence and the next line goes on in lower case.
        var last = text[e - 1];
        if (last is '.' or '!' or '?' or ':' or ';' || Tokenizer.IsQuote(last) || next >= text.Length)
        {
            return false;
        }

        var k = next;
        while (k < text.Length && text[k] is ' ' or '\t')
        {
            k++;
        }

        return k < text.Length && char.IsLower(text[k]) && e - s > 40;
    }

    private static readonly SearchValues<char> EndMarks = SearchValues.Create(".!?\u2026");

    private static void SplitParagraph(string text, int ps, int pe, int paragraph, LanguageData data, ImmutableArray<Sentence>.Builder sentences, ref TextSpan? dateline)
    {
        ps = SkipListMarker(text, ps, pe);
        if (dateline is null && paragraph < 4)
        {
            var afterDateline = MatchDateline(text, ps, pe, out var span);
            if (afterDateline >= 0)
            {
                dateline = span;
                ps = afterDateline;
            }
        }

        var start = ps;
        for (var i = ps; i < pe; i++)
        {
            // Jump to the next sentence-ending mark with a vectorised search rather than testing every character.
            var ahead = text.AsSpan(i, pe - i).IndexOfAny(EndMarks);
            if (ahead < 0)
            {
                break;
            }

            i += ahead;
            var c = text[i];

            var j = i + 1;
            while (j < pe && text[j] is '.' or '!' or '?' or '\u2026')
            {
                j++;
            }

            while (j < pe && IsClosing(text[j]))
            {
                j++;
            }

            // A closing quote set off by a stray space ("justice. ”") still belongs to the sentence.
            if (j + 1 < pe && text[j] == ' ' && text[j + 1] is '\u201D' or '\u2019' && (j + 2 == pe || char.IsWhiteSpace(text[j + 2])))
            {
                j += 2;
            }

            if (j >= pe || !char.IsWhiteSpace(text[j]))
            {
                // Every mark of the run would reach the same j and the same verdict: go on after the run, so that a
                // run of a million dots costs one pass, not one pass per dot.
                i = j - 1;
                continue;
            }

            var k = j;
            while (k < pe && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            if (k >= pe)
            {
                break;
            }

            var n = text[k];
            if (!(char.IsUpper(n) || n is '\u201C' or '\u2018' or '"' or '\'' or '('))
            {
                i = j - 1;
                continue;
            }

            if (c == '.' && j == i + 1 && !EndsSentence(text, ps, i, k, pe, data))
            {
                continue;
            }

            Add(sentences, text, start, j, paragraph);
            start = k;
            i = k - 1;
        }

        Add(sentences, text, start, pe, paragraph);
    }

    private static bool EndsSentence(string text, int ps, int dot, int next, int pe, LanguageData data)
    {
        var ws = dot;
        while (ws > ps && (char.IsLetter(text[ws - 1]) || (text[ws - 1] == '.' && ws - 1 > ps && char.IsLetter(text[ws - 2]))))
        {
            ws--;
        }

        if (ws == dot)
        {
            return true;
        }

        var word = text.AsSpan(ws, dot - ws);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            // An initial: "J. Smith".
            return false;
        }

        if (!data.AbbreviationLookup.TryGetValue(word, out var kind))
        {
            kind = word.Contains('.') ? "other" : null;
        }

        return kind switch
        {
            null => true,
            "title" => false,
            "number" => true,
            _ => NextWordStartsSentence(text, next, pe, data),
        };
    }

    private static bool NextWordStartsSentence(string text, int k, int pe, LanguageData data)
    {
        var e = k;
        while (e < pe && char.IsLetter(text[e]))
        {
            e++;
        }

        return data.StarterLookup.Contains(text.AsSpan(k, e - k));
    }

    private static bool IsClosing(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB';

    private static int SkipListMarker(string text, int ps, int pe)
    {
        if (ps < pe && text[ps] is '-' or '*' or '\u2022' or '\u2013' or '\u2014' or '\u25AA' && ps + 1 < pe && text[ps + 1] == ' ')
        {
            return Skip(text, ps + 1, pe);
        }

        var k = ps;
        while (k < pe && k - ps < 3 && char.IsDigit(text[k]))
        {
            k++;
        }

        if (k > ps && k + 1 < pe && text[k] is '.' or ')' && text[k + 1] == ' ')
        {
            return Skip(text, k + 1, pe);
        }

        if (ps + 2 < pe && text[ps] == '(' && char.IsLetterOrDigit(text[ps + 1]) && text[ps + 2] == ')')
        {
            return Skip(text, ps + 3, pe);
        }

        return ps;
    }

    /// <summary>
    /// Matches a dateline at <paramref name="ps"/>: capitals ("BEIJING", "NEW DELHI"), an optional
    /// ", Country" and "(Agency)", then a colon or a dash. Returns where the sentence starts, or -1.
    /// </summary>
    internal static int MatchDateline(string text, int ps, int pe, out TextSpan span)
    {
        span = default;
        var k = ps;
        var letters = 0;
        while (k < pe && (char.IsUpper(text[k]) || text[k] is ' ' or '.' or '-' or '\''))
        {
            if (char.IsLetter(text[k]))
            {
                letters++;
            }

            k++;
        }

        var capsEnd = k;
        while (capsEnd > ps && text[capsEnd - 1] == ' ')
        {
            capsEnd--;
        }

        if (letters < 3 || capsEnd - ps > 30)
        {
            return -1;
        }

        if (k < pe && text[k] == ',')
        {
            var m = k + 1;
            while (m < pe && (char.IsLetter(text[m]) || text[m] == ' ' || text[m] == '.'))
            {
                m++;
            }

            if (m - k > 30)
            {
                return -1;
            }

            k = m;
        }

        if (k < pe && text[k] == '(')
        {
            var close = text.IndexOf(')', k);
            if (close < 0 || close >= pe || close - k > 20)
            {
                return -1;
            }

            k = close + 1;
            while (k < pe && text[k] == ' ')
            {
                k++;
            }
        }

        if (k < pe && text[k] == ':')
        {
            k++;
        }
        else if (k < pe && text[k] is '-' or '\u2013' or '\u2014' && k > capsEnd)
        {
            k++;
        }
        else
        {
            return -1;
        }

        if (k < pe && !char.IsWhiteSpace(text[k]))
        {
            return -1;
        }

        span = TextSpan.FromBounds(ps, capsEnd);
        return Skip(text, k, pe);
    }

    private static int Skip(string text, int k, int pe)
    {
        while (k < pe && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        return k;
    }

    private static (int Start, int End) Trim(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        return (s, e);
    }

    private static void Add(ImmutableArray<Sentence>.Builder sentences, string text, int start, int end, int paragraph)
    {
        var (s, e) = Trim(text, start, end);
        while (e - s > MaxSentenceLength)
        {
            var cut = CutPoint(text, s, s + MaxSentenceLength);
            var (ps, pe) = Trim(text, s, cut);
            sentences.Add(new Sentence(TextSpan.FromBounds(ps, pe), paragraph));
            (s, e) = Trim(text, cut, e);
        }

        if (e > s)
        {
            sentences.Add(new Sentence(TextSpan.FromBounds(s, e), paragraph));
        }
    }

    /// <summary>
    /// Where to cut an overlong sentence that starts at <paramref name="s"/>: at the last whitespace before
    /// <paramref name="limit"/> in its second half, else at the limit itself (never inside a surrogate pair).
    /// </summary>
    internal static int CutPoint(string text, int s, int limit)
    {
        var floor = s + ((limit - s) / 2);
        for (var k = limit; k > floor; k--)
        {
            if (char.IsWhiteSpace(text[k]))
            {
                return k;
            }
        }

        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }
}
