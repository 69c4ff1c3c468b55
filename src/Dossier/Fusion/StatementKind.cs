using System.Collections.Frozen;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>
/// What kind of statement a clause makes (reported fact, plan or announcement, attributed statement, denial,
/// hypothetical) and whether it is negated, read from cue words in <c>data/fusion/modality.tsv</c> and
/// <c>negation.txt</c>. Pure; works on the clause's own words, as written.
/// </summary>
internal static class StatementKind
{
    /// <summary>A statement of fact as reported.</summary>
    public const string Reported = "reported";

    private static readonly Lazy<(string Kind, string[] Words)[]> Cues = new(() =>
        [.. Lexicon.Lines("modality.tsv").Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => (p[0], CueWords(p[1])))]);

    private static readonly Lazy<FrozenSet<string>> SpeechVerbs = new(() =>
        Cues.Value.Where(c => c.Kind == "attributed" && c.Words.Length == 1).Select(c => c.Words[0]).ToFrozenSet(StringComparer.Ordinal));

    private static readonly Lazy<FrozenSet<string>> Scope = new(() => Lexicon.Lines("negation-scope.txt").ToFrozenSet(StringComparer.Ordinal));

    private static readonly Lazy<string[][]> Negations = new(() => [.. Lexicon.Lines("negation.txt").Select(CueWords)]);

    /// <summary>The kind of statement the clause makes: the first kind of the data file with a cue in it, else <see cref="Reported"/>.</summary>
    public static string Of(string clause)
    {
        var tokens = Tokens(clause);
        foreach (var (kind, words) in Cues.Value)
        {
            if (Contains(tokens, words))
            {
                return kind;
            }
        }

        return Reported;
    }

    /// <summary>True when the clause says the opposite of its affirmative form ("will not take place", "called off").</summary>
    public static bool IsNegated(string clause)
    {
        var tokens = MainClause(Tokens(clause));
        foreach (var words in Negations.Value)
        {
            if (Contains(tokens, words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The tokens up to the first word that opens a subordinate clause (<c>negation-scope.txt</c>); "that" after a
    /// speech verb opens the reported content, which is what an attributed claim states, so it does not end the scope.
    /// </summary>
    private static string[] MainClause(string[] tokens)
    {
        var speech = SpeechVerbs.Value;
        for (var i = 1; i < tokens.Length; i++)
        {
            if (Scope.Value.Contains(tokens[i]) && !(tokens[i] == "that" && speech.Contains(tokens[i - 1])))
            {
                return tokens[..i];
            }
        }

        return tokens;
    }

    /// <summary>The words of a cue: a contraction ("n't", "'ll") is one word matched at the end of a token.</summary>
    private static string[] CueWords(string cue) =>
        cue.Contains('\'', StringComparison.Ordinal) ? [cue] : cue.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Lower-case words with their apostrophes ("didn't", "they'll"; curly apostrophes made straight). A capitalised
    /// word after the first is a name or a month ("May 27", "Will Smith"), never a cue: it is left out as a blank.
    /// </summary>
    private static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inWord = char.IsLetterOrDigit(c) || ((c is '\'' or '’') && start >= 0);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(tokens.Count > 0 && char.IsUpper(text[start]) ? "" : text[start..i].Replace('’', '\'').ToLowerInvariant());
                start = -1;
            }
        }

        return [.. tokens];
    }

    private static bool Contains(string[] tokens, string[] words)
    {
        if (words.Length == 1 && words[0].Contains('\'', StringComparison.Ordinal))
        {
            // Contractions: "didn't", "won't" end in "n't"; "they'll" ends in "'ll".
            foreach (var t in tokens)
            {
                if (t.EndsWith(words[0], StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        return Stories.TextTerms.ContainsPhrase(tokens, words);
    }
}
